import type { Metadata } from 'next';
import { QueueStatus } from './queue-status';

export const metadata: Metadata = { title: 'Queues' };

export default function QueuesPage() {
  return <QueueStatus />;
}
