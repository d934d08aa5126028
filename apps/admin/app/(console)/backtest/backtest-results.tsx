'use client';

import { Fragment, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card, CardHeader } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Pagination } from '@/components/ui/pagination';
import { formatPercent, formatValue } from '@/lib/format';
import { plainErrorMessage } from '@/lib/plain-error';
import type { BacktestReport } from './backtest-report';

function rateColor(rate: number | null): string {
  if (rate === null) return 'bg-slate-300';
  if (rate >= 0.8) return 'bg-emerald-500';
  if (rate >= 0.5) return 'bg-amber-500';
  return 'bg-red-500';
}

/** Which examples were scored, and the predictors that failed (a predictor that never answered is not "0 failures"). */
export function EvaluationNotes({ report }: { report: BacktestReport }) {
  return (
    <>
      {report.evaluation && (
        <Alert tone="info" title="What was scored">
          {report.evaluation}
        </Alert>
      )}
      {report.predictorFailures.map((failure) => (
        <Alert key={failure.predictorId} tone="error" title={failure.everywhere ? `Predictor ${failure.predictorId} failed on every example` : `Predictor ${failure.predictorId} failed on ${failure.failedExamples} examples`}>
          {plainErrorMessage(failure.message)}
        </Alert>
      ))}
    </>
  );
}

export function FieldRates({ report }: { report: BacktestReport }) {
  return (
    <Card>
      <CardHeader title="Match rate per field" description="How often the accepted prediction equals the value on the case." />
      <ul className="divide-y divide-slate-100" aria-label="Match rate per field">
        {report.fields.map((field) => (
          <li key={field.field} className="grid grid-cols-[minmax(0,110px)_1fr_70px] items-center gap-x-4 gap-y-1 px-6 py-3 text-sm md:grid-cols-[160px_1fr_80px_150px]">
            <span className="truncate font-mono text-xs text-slate-700">{field.field}</span>
            <div className="h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
              <div className={`h-full rounded-full ${rateColor(field.rate)}`} style={{ width: `${Math.round((field.rate ?? 0) * 100)}%` }} />
            </div>
            <span className="text-right tabular-nums">
              <span className="font-semibold text-slate-900">{formatPercent(field.rate)}</span>
              <span className="block text-xs text-slate-500">
                {field.matched}/{field.evaluated}
              </span>
            </span>
            <span className="col-span-3 text-xs text-slate-500 md:col-span-1">
              {field.coverage !== null && <span className="block">filled {formatPercent(field.coverage)}</span>}
              {field.precision !== null && <span className="block">right when filled {formatPercent(field.precision)}</span>}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function CaseComparison({ report, mismatchesOnly, onShow }: { report: BacktestReport; mismatchesOnly: boolean; onShow: (page: number, mismatchesOnly: boolean) => void }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const keys = report.fields.map((field) => field.field);
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Actual vs predicted"
        description="Red cells are mismatches. Select a case to see the evidence behind each prediction."
        actions={<Checkbox label="Mismatches only" checked={mismatchesOnly} onChange={(checked) => onShow(1, checked)} />}
      />
      {report.cases.length === 0 && <p className="px-6 py-8 text-center text-sm text-slate-500">{mismatchesOnly ? 'No mismatches: every prediction matched.' : 'No cases on this page.'}</p>}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Actual vs predicted">
          <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-6 py-3">Case</th>
              {keys.map((key) => (
                <th key={key} scope="col" className="px-4 py-3 font-mono normal-case">
                  {key}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {report.cases.map((row) => (
              <Fragment key={row.id}>
                <tr className="align-top">
                  <th scope="row" className="px-6 py-3 font-medium">
                    <button type="button" aria-expanded={openId === row.id} onClick={() => setOpenId(openId === row.id ? null : row.id)} className="text-left text-brand-700 hover:text-brand-800">
                      {row.label}
                    </button>
                    {row.error && <p className="mt-0.5 text-xs font-normal text-red-600">{row.error}</p>}
                  </th>
                  {keys.map((key) => {
                    const cell = row.fields[key];
                    if (!cell) return <td key={key} className="px-4 py-3 text-slate-300">—</td>;
                    return (
                      <td key={key} className={cell.match ? 'bg-emerald-50/60 px-4 py-3' : 'bg-red-50/70 px-4 py-3'}>
                        <p className="text-slate-900">{formatValue(cell.actual)}</p>
                        <p className={cell.match ? 'text-xs text-emerald-700' : 'text-xs text-red-700'}>
                          {cell.match ? '✓' : '✕'} {cell.predicted === null && cell.proposed !== null ? <>abstained · proposed {formatValue(cell.proposed)}</> : formatValue(cell.predicted)}
                          {cell.confidence !== null && <span className="text-slate-400"> · {formatPercent(cell.confidence)}</span>}
                        </p>
                      </td>
                    );
                  })}
                </tr>
                {openId === row.id && (
                  <tr className="bg-slate-50/70">
                    <td colSpan={keys.length + 1} className="px-6 py-3">
                      <ul className="space-y-1.5 text-sm">
                        {Object.entries(row.fields).map(([key, cell]) => (
                          <li key={key}>
                            <span className="font-mono text-xs text-slate-500">{key}</span> <span className="text-slate-400">by {cell.predictor ?? 'no predictor'}</span>
                            {cell.evidence.length > 0 ? <span className="ml-2 italic text-slate-700">“{cell.evidence.join('” · “')}”</span> : <span className="ml-2 text-slate-400">no evidence</span>}
                            {cell.abstention && <span className="ml-2 text-xs text-amber-700">{cell.abstention}</span>}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {report.casesPage && report.casesPage.total > report.casesPage.pageSize && (
        <Pagination page={report.casesPage.page} pageSize={report.casesPage.pageSize} total={report.casesPage.total} onPage={(page) => onShow(page, mismatchesOnly)} />
      )}
    </Card>
  );
}
