import type { Metadata } from 'next';
import { WaitingConversations } from './waiting-conversations';

export const metadata: Metadata = { title: 'Inbox' };

export default function InboxPage() {
  return <WaitingConversations />;
}
