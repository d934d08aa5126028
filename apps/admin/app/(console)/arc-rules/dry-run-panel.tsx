'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { controlClass } from '@/components/ui/form-field';
import { ApiError, api, apiRequest } from '@/lib/api-client';
import { toDryRunView, type DryRunView } from './dry-run-result';

const SAMPLE = `From: Ann Customer <ann@example.com>
To: support@example.com
Subject: My order arrived damaged
Message-ID: <sample-1@example.com>
Date: Tue, 24 Nov 2026 09:00:00 +0000
Content-Type: text/plain; charset=utf-8

Hello, order 1182 arrived with a cracked lamp. Can you send a new one?
`;

/**
 * Paste or upload an .eml and see what the rule would do with it — nothing is stored or sent. The
 * rule as it is on screen is tried (saved or not), so changes can be checked before saving them.
 */
export function DryRunPanel({ ruleId, mailbox, dirty, rule }: { ruleId: string | null; mailbox: string; dirty: boolean; rule: unknown }) {
  const [eml, setEml] = useState('');
  const [running, setRunning] = useState(false);
  const [view, setView] = useState<DryRunView | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setRunning(true);
    setError(null);
    setView(null);
    try {
      const result =
        ruleId && !dirty
          ? await apiRequest<unknown>('/admin/arc-rules/dry-run', { method: 'POST', rawBody: eml, contentType: 'message/rfc822', query: { ruleId, mailbox } })
          : await api.post<unknown>('/admin/arc-rules/dry-run', { rule, eml });
      setView(toDryRunView(result));
    } catch (caught) {
      setError(caught instanceof ApiError ? (Object.keys(caught.fieldErrors).length > 0 ? `Fix the rule first: ${Object.entries(caught.fieldErrors).map(([path, message]) => `${path.replace(/^rule\./, '')}: ${message}`).join('; ')}` : caught.message) : String(caught));
    } finally {
      setRunning(false);
    }
  }

  return (
    <Card>
      <CardHeader title="Dry run" description="Paste or upload an .eml to see which item matches and what would happen. Nothing is stored or sent." />
      <CardBody className="space-y-4">
        {(dirty || !ruleId) && <p className="text-xs text-slate-500">Tries the rule as it is on screen, with your unsaved changes.</p>}
        <textarea aria-label="Raw email (.eml)" value={eml} onChange={(event) => setEml(event.target.value)} rows={9} placeholder={SAMPLE} className={controlClass(false, 'w-full font-mono text-xs')} />
        <div className="flex flex-wrap items-center gap-2">
          <label className="inline-flex h-9 cursor-pointer items-center rounded-lg bg-white px-3.5 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
            Upload .eml
            <input
              type="file"
              accept=".eml,message/rfc822"
              className="sr-only"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (file) setEml(await file.text());
              }}
            />
          </label>
          <Button variant="ghost" onClick={() => setEml(SAMPLE)}>
            Use a sample
          </Button>
          <Button variant="primary" className="ml-auto" loading={running} disabled={!eml.trim()} onClick={run}>
            Run dry run
          </Button>
        </div>
        {error && <Alert tone="error" title="Dry run failed">{error}</Alert>}
        {view?.error && <Alert tone="error" title="The email could not be read">{view.error}</Alert>}
        {view && !view.error && (
          <div role="region" aria-label="Dry run result" className="space-y-3 rounded-lg border border-slate-200 bg-slate-50/70 p-4">
            {view.email && (
              <p className="text-xs text-slate-500">
                From <span className="font-medium text-slate-700">{view.email.from ?? 'unknown sender'}</span> · “{view.email.subject}”
              </p>
            )}
            <div className="flex items-center gap-2">
              <span className="text-sm text-slate-600">Matched item:</span>
              {view.matchedItem ? <Badge tone="brand">{view.matchedItem}</Badge> : <Badge tone="warning">none</Badge>}
            </div>
            {view.reason && <p className="text-sm text-slate-700">{view.reason}</p>}
            {view.actions.length > 0 && (
              <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-800">
                {view.actions.map((action, index) => (
                  <li key={index}>{action}</li>
                ))}
              </ol>
            )}
            {view.note && <Alert tone="info">{view.note}</Alert>}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
