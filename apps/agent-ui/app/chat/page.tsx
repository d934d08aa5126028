import type { Metadata } from 'next';
import { CustomerChat } from './customer-chat';

export const metadata: Metadata = { title: { absolute: 'Chat with us' } };

export default async function ChatPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return <CustomerChat embedded={params.embed === '1'} />;
}
