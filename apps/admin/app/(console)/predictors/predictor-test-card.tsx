'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { TextAreaField } from '@/components/ui/form-field';
import { ApiError, api } from '@/lib/api-client';
import { formatPercent, formatValue } from '@/lib/format';
import { toPredictorTestView, type PredictorTestView } from './predictor-test-result';

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
      const results = toPredictorTestView(await api.post<unknown>('/admin/predictors/test', field ? { text, fields: [field] } : { text }));
      setView(field ? results.map((result) => ({ ...result, predictions: result.predictions.filter((prediction) => prediction.field === field) })) : results);
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
        <div className="grid gap-4 md:grid-cols-2" aria-label="Predictor results" role="region">
          {view.map((result) => (
            <div key={result.predictor} className="rounded-lg border border-slate-200">
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
                      <span className="ml-auto tabular-nums text-xs text-slate-500">{formatPercent(prediction.confidence)}</span>
                    </div>
                    {prediction.quotes.length > 0 && <p className="mt-1 truncate text-xs italic text-slate-500">“{prediction.quotes.join('” · “')}”</p>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
