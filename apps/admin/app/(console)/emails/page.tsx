import type { Metadata } from 'next';
import { EmailActivity } from './email-activity';

export const metadata: Metadata = { title: 'Email activity' };

export default function EmailsPage() {
  return <EmailActivity />;
}
