import type { Metadata } from 'next';
import { MailboxesWorkspace } from './mailboxes-workspace';

export const metadata: Metadata = { title: 'Mailboxes' };

export default function MailboxesPage() {
  return <MailboxesWorkspace />;
}
