import type { Metadata } from 'next';
import { ConversationWorkspace } from './conversation-workspace';

export const metadata: Metadata = { title: 'Conversation' };

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ConversationWorkspace conversationId={decodeURIComponent(id)} />;
}
