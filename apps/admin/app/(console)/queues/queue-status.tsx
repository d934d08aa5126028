'use client';

import { ResourceError } from '@/components/resource-error';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { BullBoardLink } from './bull-board-link';
import { formatUptime } from './health-types';
import { JobTable } from './job-table';
import { useOperationsStatus } from './use-operations-status';

const REFRESH_MS = 5000;

function Stat({ label, value, tone = 'text-slate-900', hint }: { label: string; value: string | number; tone?: string; hint?: string }) {
  return (
    <Card className="p-5">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className={`mt-2 text-3xl font-semibold tabular-nums ${tone}`}>{value}</p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </Card>
  );
}

export function QueueStatus() {
  const status = useOperationsStatus(REFRESH_MS);
  const report = status.health;

  return (
    <>
      <PageHeader title="Queues" description="Background jobs: inbound email processing, predictions, summaries and training. Refreshes every 5 seconds." />
      {status.error && !report ? (
        <ResourceError error={status.error} feature="Queue status" onRetry={status.reload} />
      ) : !report ? (
        <div className="grid gap-4 md:grid-cols-3">
          {[0, 1, 2].map((index) => (
            <Card key={index} className="space-y-3 p-5">
              <Skeleton className="h-3 w-24" />
              <Skeleton className="h-8 w-16" />
            </Card>
          ))}
        </div>
      ) : (
        <div className="space-y-6">
          <div className="grid gap-4 md:grid-cols-3">
            <Stat label="Pending jobs" value={report.queue.pending ?? '—'} hint="Waiting or running now" />
            <Stat label="Failed jobs" value={report.queue.failed ?? '—'} tone={(report.queue.failed ?? 0) > 0 ? 'text-red-600' : 'text-slate-900'} hint="Gave up after their retries" />
            <Stat label="Uptime" value={formatUptime(report.uptimeSeconds)} hint="Since this API process started" />
          </div>
          <JobTable jobs={status.jobs} />
          <Card>
            <CardHeader title="Components" description="What the API reports about its own dependencies." />
            <div>
              <table className="w-full text-left text-sm" aria-label="Components">
                <tbody className="divide-y divide-slate-100">
                  {[
                    { name: 'Overall', ok: report.status === 'ok', kind: '', detail: report.status },
                    { name: 'Queue', ...report.queue },
                    { name: 'Database', ...report.database },
                  ].map((component) => (
                    <tr key={component.name}>
                      <th scope="row" className="w-40 px-6 py-3.5 font-medium text-slate-900">
                        {component.name}
                      </th>
                      <td className="px-6 py-3.5">{component.ok ? <Badge tone="success">Healthy</Badge> : <Badge tone="danger">Unhealthy</Badge>}</td>
                      <td className="px-6 py-3.5 font-mono text-xs text-slate-600">{component.kind}</td>
                      <td className="px-6 py-3.5 text-slate-600">{component.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
          <BullBoardLink queueKind={report.queue.kind} />
        </div>
      )}
    </>
  );
}
