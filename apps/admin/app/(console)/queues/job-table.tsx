import { Card, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import type { JobFigures } from './job-metrics';

function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(1)} s`;
}

/** Executions per job name since this API process started. */
export function JobTable({ jobs }: { jobs: JobFigures[] | undefined }) {
  return (
    <Card className="overflow-hidden">
      <CardHeader title="Jobs" description="Executions per job since the API started: completed, retried after a temporary error, and given up." />
      {jobs === undefined ? (
        <div className="space-y-3 p-6">
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-4 w-1/3" />
        </div>
      ) : jobs.length === 0 ? (
        <p className="px-6 py-8 text-center text-sm text-slate-500">No job has run yet. Inbound emails, training and summaries appear here as they run.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Jobs">
          <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-6 py-3">Job</th>
              <th scope="col" className="px-6 py-3 text-right">Completed</th>
              <th scope="col" className="px-6 py-3 text-right">Retried</th>
              <th scope="col" className="px-6 py-3 text-right">Failed</th>
              <th scope="col" className="px-6 py-3 text-right">Average time</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {jobs.map((job) => (
              <tr key={job.name}>
                <th scope="row" className="px-6 py-3 font-mono text-xs font-medium text-slate-800">
                  {job.name}
                </th>
                <td className="px-6 py-3 text-right tabular-nums text-slate-700">{job.completed}</td>
                <td className={job.retrying > 0 ? 'px-6 py-3 text-right tabular-nums text-amber-700' : 'px-6 py-3 text-right tabular-nums text-slate-700'}>{job.retrying}</td>
                <td className={job.failed > 0 ? 'px-6 py-3 text-right font-semibold tabular-nums text-red-600' : 'px-6 py-3 text-right tabular-nums text-slate-700'}>{job.failed}</td>
                <td className="px-6 py-3 text-right tabular-nums text-slate-500">{formatSeconds(job.averageSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
