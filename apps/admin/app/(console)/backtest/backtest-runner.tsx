'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { TextField } from '@/components/ui/form-field';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { ApiError, api } from '@/lib/api-client';
import { CaseComparison, FieldRates } from './backtest-results';
import { toBacktestReport, type BacktestReport } from './backtest-report';

type Source = 'stored' | 'uploaded';

async function readUploadedCases(file: File): Promise<{ format: 'csv' | 'json'; content: string | unknown }> {
  const text = await file.text();
  if (/\.csv$/i.test(file.name)) return { format: 'csv', content: text };
  try {
    return { format: 'json', content: JSON.parse(text) as unknown };
  } catch {
    throw new Error(`${file.name} is not valid JSON. Upload a JSON array of cases or a CSV file.`);
  }
}

export function BacktestRunner() {
  const [source, setSource] = useState<Source>('stored');
  const [limit, setLimit] = useState(200);
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [report, setReport] = useState<BacktestReport | null>(null);

  async function run() {
    setRunning(true);
    setError(null);
    try {
      const body = source === 'stored' ? { source, limit } : { source, ...(file ? await readUploadedCases(file) : {}) };
      setReport(toBacktestReport(await api.post<unknown>('/admin/backtest', body)));
    } catch (caught) {
      setReport(null);
      setError(caught instanceof ApiError ? { message: caught.message, fields: caught.fieldErrors } : { message: caught instanceof Error ? caught.message : String(caught), fields: {} });
    } finally {
      setRunning(false);
    }
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
                { value: 'stored', title: 'Stored cases', description: 'Closed and imported cases already in Autocase.' },
                { value: 'uploaded', title: 'Upload examples', description: 'A CSV or JSON file of cases with their correct values.' },
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
            {source === 'stored' ? (
              <TextField label="Most recent cases" type="number" min={1} max={5000} value={limit} error={error?.fields.limit} className="w-48" onChange={(event) => setLimit(Number(event.target.value))} />
            ) : (
              <label className="inline-flex h-9 cursor-pointer items-center rounded-lg bg-white px-3.5 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
                {file ? file.name : 'Choose a CSV or JSON file'}
                <input type="file" accept=".csv,.json,text/csv,application/json" className="sr-only" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
              </label>
            )}
            <Button variant="primary" className="ml-auto" loading={running} disabled={source === 'uploaded' && !file} onClick={run}>
              Run backtest
            </Button>
          </div>
          {error && <Alert tone="error" title="The backtest did not run">{error.message}</Alert>}
        </CardBody>
      </Card>
      {running ? (
        <Card className="p-6">
          <SkeletonRows rows={4} label="Running the backtest" />
        </Card>
      ) : report === null ? null : report.cases.length === 0 && report.fields.length === 0 ? (
        <EmptyState title="No cases to test on" description="Import historical cases on the Predictors page, or upload examples here." />
      ) : (
        <div className="space-y-6">
          <FieldRates report={report} />
          {report.cases.length > 0 && <CaseComparison report={report} />}
        </div>
      )}
    </>
  );
}
