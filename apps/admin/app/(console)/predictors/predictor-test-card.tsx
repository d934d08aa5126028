'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { TextAreaField } from '@/components/ui/form-field';
import { ApiError, api } from '@/lib/api-client';
import { formatPercent, formatValue } from '@/lib/format';
import { onlyField, toPredictorTestView, type PredictorTestView } from './predictor-test-result';

/** "Test on this text" in a card, for the predictors page. */
export function PredictorTestCard() {
  return (
    <Card>
      <CardHeader title="Test on this text" description="Paste a customer message to see what each predictor would return. Nothing is saved." />
      <CardBody>
        <PredictorTestPanel />
      </CardBody>
    </Card>
  );
}

/** What each predictor would propose for the text — for every field, or only `field`. */
export function PredictorTestPanel({ field }: { field?: string }) {
  const [text, setText] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<PredictorTestView | null>(null);

  async function run() {
    setRunning(true);
    setError(null);
    try {
      const answer = toPredictorTestView(await api.post<unknown>('/admin/predictors/test', field ? { text, fields: [field] } : { text }));
      setView(field ? onlyField(answer, field) : answer);
    } catch (caught) {
      setView(null);
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setRunning(false);
    }
  }

  return (
    <div className="space-y-4">
      <TextAreaField
        label={field ? 'Test on this text' : 'Customer text'}
        rows={4}
        value={text}
        placeholder="Hi, my order ORD-55120 arrived broken. Please call me on +1 415 555 0100."
        onChange={(event) => setText(event.target.value)}
      />
      <div className="flex justify-end">
        <Button variant="primary" loading={running} disabled={!text.trim()} onClick={run}>
          Run predictors
        </Button>
      </div>
      {error && <Alert tone="error" title="Test failed">{error}</Alert>}
      {view && (
        <div className="space-y-4" aria-label="Predictor results" role="region">
          <div className="rounded-lg border border-brand-200 bg-brand-50/50 p-4">
            <p className="text-sm font-semibold text-slate-900">The engine would set</p>
            {view.merged.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">Nothing: no prediction cleared its field&apos;s threshold.</p>
            ) : (
              <ul className="mt-2 flex flex-wrap gap-2">
                {view.merged.map((entry) => (
                  <li key={entry.field} className="rounded-md bg-white px-2.5 py-1 text-sm shadow-sm ring-1 ring-slate-200">
                    <span className="font-mono text-xs text-slate-500">{entry.field}</span> <span className="font-medium text-slate-900">{formatValue(entry.value)}</span>{' '}
                    <span className="text-xs text-slate-500">
                      {formatPercent(entry.confidence)} · {entry.predictor ?? '—'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {view.abstentions.length > 0 && (
              <ul className="mt-3 space-y-0.5 text-xs text-slate-500">
                {view.abstentions.map((entry) => (
                  <li key={entry.field}>
                    <span className="font-mono">{entry.field}</span> left empty: {entry.detail}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            {view.results.map((result) => (
              <div key={result.predictor} className="rounded-lg border border-slate-200 bg-white">
                <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2.5">
                  <span className="font-mono text-sm font-semibold text-slate-800">{result.predictor}</span>
                  {result.error ? <Badge tone="danger">error</Badge> : <Badge tone={result.predictions.length ? 'success' : 'neutral'}>{result.predictions.length} proposals</Badge>}
                </div>
                {result.error && <p className="px-4 py-3 text-sm text-red-700">{result.error}</p>}
                {result.warnings.map((warning) => (
                  <p key={warning} className="px-4 pt-2 text-xs text-amber-700">
                    {warning}
                  </p>
                ))}
                {!result.error && result.predictions.length === 0 && <p className="px-4 py-3 text-sm text-slate-500">Nothing to propose for this text.</p>}
                <ul className="divide-y divide-slate-100">
                  {result.predictions.map((prediction) => (
                    <li key={prediction.field} className="px-4 py-2.5 text-sm">
                      <div className="flex items-center gap-2">
                        <span className="font-mono text-xs text-slate-500">{prediction.field}</span>
                        <span className="font-medium text-slate-900">{formatValue(prediction.value)}</span>
                        <span className={prediction.clearsThreshold === false ? 'ml-auto text-xs tabular-nums text-amber-700' : 'ml-auto text-xs tabular-nums text-slate-500'}>
                          {formatPercent(prediction.confidence)}
                          {prediction.clearsThreshold === false ? ' · below threshold' : ''}
                        </span>
                      </div>
                      {prediction.quotes.length > 0 && <p className="mt-1 truncate text-xs italic text-slate-500">“{prediction.quotes.join('” · “')}”</p>}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
