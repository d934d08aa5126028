'use client';

import { useEffect, useState } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError, api } from '@/lib/api-client';
import { formatDateTime, formatPercent } from '@/lib/format';
import { uploadWithProgress } from '@/lib/upload-with-progress';
import { useApiResource } from '@/lib/use-api-resource';
import { describeThresholdFigure, describeTrainingProgress, guideThresholds, importContentType, toImportReport, type ImportReport, type LearnedModelStatus } from './learned-model';

const STATUS_TONE = { untrained: 'neutral', training: 'warning', ready: 'success', failed: 'danger' } as const;

export function LearnedModelCard() {
  const model = useApiResource<LearnedModelStatus>('/admin/predictors/learned');
  const { reload } = model;
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [training, setTraining] = useState(false);

  const isTraining = training || model.data?.status === 'training';
  useEffect(() => {
    if (!isTraining) return;
    const timer = window.setInterval(reload, 2000);
    return () => window.clearInterval(timer);
  }, [isTraining, reload]);
  useEffect(() => {
    if (model.data && model.data.status !== 'training') setTraining(false);
  }, [model.data]);

  async function upload(file: File) {
    setError(null);
    setReport(null);
    setProgress(0);
    try {
      setReport(toImportReport(await uploadWithProgress<unknown>('/admin/cases/import', file, importContentType(file), setProgress)));
      reload();
    } catch (caught) {
      const body = caught instanceof ApiError ? (caught.body as { errors?: unknown } | null) : null;
      if (body && Array.isArray(body.errors)) setReport(toImportReport(body));
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setProgress(null);
    }
  }

  async function retrain() {
    setError(null);
    setTraining(true);
    try {
      const status = await api.post<LearnedModelStatus | null>('/admin/predictors/learned/train');
      if (status?.status) model.setData(status);
      else reload();
    } catch (caught) {
      setTraining(false);
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  const data = model.data;
  const thresholds = guideThresholds(data?.fields);
  return (
    <Card>
      <CardHeader
        title="Learned model"
        description="Trained on your historical and closed cases; runs offline. Import past cases, then retrain."
        actions={data && <Badge tone={STATUS_TONE[data.status]}>{data.status}</Badge>}
      />
      <CardBody className="space-y-5">
        {model.error && !data ? (
          <ResourceError error={model.error} feature="Learned model" onRetry={model.reload} />
        ) : !data ? (
          <Skeleton className="h-16 w-full" />
        ) : (
          <dl className="grid gap-4 sm:grid-cols-3">
            <div className="rounded-lg bg-slate-50 p-4">
              <dt className="text-xs text-slate-500">Imported examples</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{data.examples ?? 0}</dd>
            </div>
            <div className="rounded-lg bg-slate-50 p-4">
              <dt className="text-xs text-slate-500">Fields with a model</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{data.fields?.length ?? 0}</dd>
            </div>
            <div className="rounded-lg bg-slate-50 p-4">
              <dt className="text-xs text-slate-500">Last trained</dt>
              <dd className="mt-1 text-sm font-medium text-slate-900">{data.trainedAt ? formatDateTime(data.trainedAt) : 'never'}</dd>
            </div>
          </dl>
        )}
        {data?.status === 'training' && (
          <div className="space-y-1.5">
            <p role="status" className="text-sm text-slate-600">
              {describeTrainingProgress(data)}
            </p>
            <div role="progressbar" aria-label="Training progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((data.progress ?? 0) * 100)} className="h-2 overflow-hidden rounded-full bg-slate-100">
              <div className="h-full rounded-full bg-amber-500 transition-[width]" style={{ width: `${Math.round((data.progress ?? 0) * 100)}%` }} />
            </div>
          </div>
        )}
        {data?.message && <Alert tone={data.status === 'failed' ? 'error' : 'info'}>{data.message}</Alert>}
        {data?.fields && data.fields.length > 0 && (
          <table className="w-full text-left text-sm" aria-label="Learned fields">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2">Field</th>
                <th className="py-2">Classes</th>
                <th className="py-2">Examples</th>
                <th className="py-2">Hold-out accuracy</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.fields.map((field) => (
                <tr key={field.field}>
                  <td className="py-2 font-mono text-xs">{field.field}</td>
                  <td className="py-2 tabular-nums">{field.classes ?? '—'}</td>
                  <td className="py-2 tabular-nums">{field.examples ?? '—'}</td>
                  <td className="py-2 tabular-nums">{formatPercent(field.accuracy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data?.fields && thresholds.length > 0 && (
          <div className="space-y-2">
            <h3 className="text-sm font-medium text-slate-900">Threshold guide</h3>
            <p className="text-xs text-slate-500">
              On cases held out from training: at each confidence threshold, how often the model is right when it answers, and the share of cases it answers. A field&apos;s threshold is set under Case fields.
            </p>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-xs" aria-label="Threshold guide">
                <thead className="uppercase tracking-wide text-slate-500">
                  <tr>
                    <th className="py-2 pr-3">Field</th>
                    {thresholds.map((threshold) => (
                      <th key={threshold} className="py-2 pr-3 tabular-nums">
                        ≥ {threshold.toFixed(2)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.fields.map((field) => (
                    <tr key={field.field}>
                      <td className="py-2 pr-3">
                        <span className="font-mono">{field.field}</span>
                        {typeof field.validationExamples === 'number' && <span className="block text-slate-500">{field.validationExamples} held out</span>}
                      </td>
                      {thresholds.map((threshold) => (
                        <td key={threshold} className="py-2 pr-3 tabular-nums text-slate-700">
                          {describeThresholdFigure(field.thresholds?.find((entry) => entry.threshold === threshold))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-5">
          <label className="inline-flex h-9 cursor-pointer items-center rounded-lg bg-white px-3.5 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
            Import cases (CSV or JSON)
            <input
              type="file"
              accept=".csv,.json,.jsonl,text/csv,application/json"
              className="sr-only"
              disabled={progress !== null}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void upload(file);
              }}
            />
          </label>
          <Button variant="primary" loading={isTraining} onClick={retrain}>
            {isTraining ? 'Training…' : 'Retrain now'}
          </Button>
          <p className="text-xs text-slate-500">One row per case: the text plus a column per field key.</p>
        </div>
        {progress !== null && (
          <div role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)} className="h-2 overflow-hidden rounded-full bg-slate-100">
            <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
        )}
        {error && <Alert tone="error" title="Import or training failed">{error}</Alert>}
        {report && (
          <div role="region" aria-label="Import report" className="space-y-3">
            <Alert tone={report.errors.length ? 'warning' : 'success'}>
              Imported {report.imported} {report.imported === 1 ? 'case' : 'cases'}
              {report.skipped > 0 ? `; ${report.skipped} skipped` : ''}.
            </Alert>
            {report.errors.length > 0 && (
              <div className="max-h-64 overflow-auto rounded-lg border border-slate-200">
                <table className="w-full text-left text-sm" aria-label="Rows with errors">
                  <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                    <tr>
                      <th className="w-20 px-4 py-2">Row</th>
                      <th className="px-4 py-2">Problem</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {report.errors.map((rowError, index) => (
                      <tr key={index}>
                        <td className="px-4 py-2 tabular-nums text-slate-500">{rowError.row}</td>
                        <td className="px-4 py-2 text-red-700">
                          {rowError.field && <span className="mr-1.5 font-mono text-xs text-slate-500">{rowError.field}</span>}
                          {rowError.message}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
