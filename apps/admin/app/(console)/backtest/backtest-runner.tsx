'use client';

import { useCallback, useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { TextField } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { ApiError, api, buildApiPath } from '@/lib/api-client';
import { BacktestProgress } from './backtest-progress';
import { CaseComparison, EvaluationNotes, FieldRates } from './backtest-results';
import { isFinished, toBacktestReport, type BacktestReport } from './backtest-report';

type Source = 'stored' | 'uploaded';
const PAGE_SIZE = 25;
const POLL_MS = 1000;

async function readUploadedCases(file: File): Promise<{ format: 'csv' | 'json' | 'ndjson'; content: string | unknown }> {
  const text = await file.text();
  if (/\.csv$/i.test(file.name)) return { format: 'csv', content: text };
  if (/\.(ndjson|jsonl)$/i.test(file.name)) return { format: 'ndjson', content: text };
  try {
    return { format: 'json', content: JSON.parse(text) as unknown };
  } catch {
    throw new Error(`${file.name} is not valid JSON. Upload a JSON array of cases, NDJSON or a CSV file.`);
  }
}

export function BacktestRunner() {
  const [source, setSource] = useState<Source>('stored');
  const [limit, setLimit] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [report, setReport] = useState<BacktestReport | null>(null);
  const [page, setPage] = useState(1);
  const [mismatchesOnly, setMismatchesOnly] = useState(false);

  const runId = report?.id ?? null;
  const running = report !== null && !isFinished(report);

  const load = useCallback(async (id: string, nextPage: number, onlyMismatches: boolean) => {
    const answer = await api.get<unknown>(buildApiPath(`/admin/backtest/${encodeURIComponent(id)}`, { page: nextPage, pageSize: PAGE_SIZE, mismatchesOnly: onlyMismatches ? 'true' : undefined }));
    setReport(toBacktestReport(answer));
  }, []);

  useEffect(() => {
    if (!runId || !running) return;
    const timer = window.setInterval(() => {
      load(runId, page, mismatchesOnly).catch((caught: unknown) => setError({ message: caught instanceof Error ? caught.message : String(caught), fields: {} }));
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [runId, running, page, mismatchesOnly, load]);

  async function start() {
    setStarting(true);
    setError(null);
    setPage(1);
    try {
      const base = limit.trim() ? { limit: Number(limit) } : {};
      const body = source === 'stored' ? { source, ...base } : { source, ...base, ...(file ? await readUploadedCases(file) : {}) };
      const run = toBacktestReport(await api.post<unknown>('/admin/backtest', body));
      setReport(run);
      if (run.id && isFinished(run)) await load(run.id, 1, mismatchesOnly);
    } catch (caught) {
      setReport(null);
      setError(caught instanceof ApiError ? { message: caught.message, fields: caught.fieldErrors } : { message: caught instanceof Error ? caught.message : String(caught), fields: {} });
    } finally {
      setStarting(false);
    }
  }

  function show(nextPage: number, onlyMismatches: boolean) {
    setPage(nextPage);
    setMismatchesOnly(onlyMismatches);
    if (runId) load(runId, nextPage, onlyMismatches).catch((caught: unknown) => setError({ message: caught instanceof Error ? caught.message : String(caught), fields: {} }));
  }

  return (
    <>
      <PageHeader title="Backtest" description="Run the configured predictors over cases whose values you know, and see how often they would have been right." />
      <Card className="mb-6">
        <CardHeader title="Cases to test on" />
        <CardBody className="space-y-5">
          <fieldset className="grid gap-3 md:grid-cols-2">
            <legend className="sr-only">Source</legend>
            {(
              [
                { value: 'stored', title: 'Stored cases', description: 'Resolved and closed cases with agent-confirmed values, plus imported examples.' },
                { value: 'uploaded', title: 'Upload examples', description: 'A CSV, JSON or NDJSON file of texts with their correct field values.' },
              ] as const
            ).map((option) => (
              <label key={option.value} className={source === option.value ? 'cursor-pointer rounded-lg border border-brand-500 bg-brand-50/60 p-4 ring-1 ring-brand-500' : 'cursor-pointer rounded-lg border border-slate-200 p-4 hover:border-slate-300'}>
                <span className="flex items-center gap-2">
                  <input type="radio" name="backtest-source" value={option.value} checked={source === option.value} onChange={() => setSource(option.value)} className="accent-brand-600" />
                  <span className="text-sm font-semibold text-slate-900">{option.title}</span>
                </span>
                <span className="mt-1 block text-sm text-slate-500">{option.description}</span>
              </label>
            ))}
          </fieldset>
          <div className="flex flex-wrap items-end gap-4">
            <TextField label="At most (examples)" type="number" min={1} placeholder="all" value={limit} error={error?.fields.limit} className="w-44" onChange={(event) => setLimit(event.target.value)} />
            {source === 'uploaded' && (
              <label className="mb-0.5 inline-flex h-9 cursor-pointer items-center rounded-lg bg-white px-3.5 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
                {file ? file.name : 'Choose a file'}
                <input type="file" aria-label="Examples file" accept=".csv,.json,.ndjson,.jsonl,text/csv,application/json" className="sr-only" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
              </label>
            )}
            <Button variant="primary" className="ml-auto" loading={starting || running} disabled={source === 'uploaded' && !file} onClick={start}>
              {running ? 'Running…' : 'Run backtest'}
            </Button>
          </div>
          {error && (
            <Alert tone="error" title="The backtest did not run">
              {error.fields.content ?? error.message}
            </Alert>
          )}
        </CardBody>
      </Card>
      {report && (
        <div className="space-y-6">
          {!isFinished(report) && <BacktestProgress report={report} />}
          {report.status === 'failed' && <Alert tone="error" title="The backtest failed">{report.error ?? 'The run stopped; see the API log.'}</Alert>}
          {report.uploadErrors.length > 0 && (
            <Alert tone="warning" title={`${report.uploadErrors.length} uploaded ${report.uploadErrors.length === 1 ? 'row was' : 'rows were'} skipped`}>
              <ul className="mt-1 space-y-0.5">
                {report.uploadErrors.slice(0, 8).map((rowError, index) => (
                  <li key={index}>
                    Row {rowError.row}
                    {rowError.field ? ` (${rowError.field})` : ''}: {rowError.message}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          {report.status === 'done' &&
            (report.fields.length === 0 ? (
              <EmptyState title="No cases to test on" description="Import historical cases on the Predictors page, resolve some cases, or upload examples here." />
            ) : (
              <>
                <div className="flex items-center gap-2 text-sm text-slate-600">
                  <Badge tone="success">done</Badge> {report.processed} examples evaluated
                </div>
                <EvaluationNotes report={report} />
                <FieldRates report={report} />
                <CaseComparison report={report} mismatchesOnly={mismatchesOnly} onShow={show} />
              </>
            ))}
        </div>
      )}
    </>
  );
}
