import { Card, CardBody } from '@/components/ui/card';
import type { BacktestReport } from './backtest-report';

export function BacktestProgress({ report }: { report: BacktestReport }) {
  const percent = Math.round(report.progress * 100);
  return (
    <Card>
      <CardBody className="space-y-2">
        <p role="status" className="text-sm text-slate-700">
          {report.status === 'queued' ? 'Queued…' : `Evaluated ${report.processed} of ${report.total || '…'} examples`}
        </p>
        <div role="progressbar" aria-label="Backtest progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 overflow-hidden rounded-full bg-slate-100">
          <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
      </CardBody>
    </Card>
  );
}
