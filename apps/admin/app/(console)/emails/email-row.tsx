'use client';

import type { EmailMessage } from '@autocase/core';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ApiError, buildApiPath } from '@/lib/api-client';
import { readSession } from '@/lib/session';
import { formatDateTime } from '@/lib/format';

export const OUTCOME_TONE = { 'case-created': 'success', linked: 'brand', skipped: 'neutral', failed: 'danger', spam: 'warning' } as const;

async function downloadRaw(email: EmailMessage): Promise<void> {
  const session = readSession();
  const response = await fetch(buildApiPath(`/emails/${encodeURIComponent(email.id)}/raw`), { headers: session ? { authorization: `Bearer ${session.token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, await response.text());
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${email.messageId ?? email.id}.eml`.replace(/[^\w.@-]+/g, '_');
  link.click();
  URL.revokeObjectURL(url);
}

export interface EmailRowActions {
  onReprocess: (email: EmailMessage) => Promise<void>;
  /** "Not spam": out of the quarantine, processed normally; the classifier learns it. */
  onRelease: (email: EmailMessage) => Promise<void>;
  /** "Spam": quarantined when it has no case; the classifier learns it. */
  onMarkSpam: (email: EmailMessage) => Promise<void>;
}

export function EmailRow({ email, onReprocess, onRelease, onMarkSpam }: { email: EmailMessage } & EmailRowActions) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const outcome = email.outcome ?? (email.status === 'received' ? null : 'failed');

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <tr className="align-top hover:bg-slate-50/60 max-md:block max-md:px-4 max-md:py-3">
        <td className="[overflow-wrap:anywhere] px-4 py-3 text-slate-500 max-md:block max-md:px-0 max-md:py-1">{formatDateTime(email.receivedAt)}</td>
        <td className="[overflow-wrap:anywhere] px-4 py-3 max-md:block max-md:px-0 max-md:py-1">
          <p className="truncate font-medium text-slate-900">{email.from?.name || email.from?.address || 'Unknown sender'}</p>
          <p className="truncate text-xs text-slate-500">to {email.mailbox}</p>
        </td>
        <td className="[overflow-wrap:anywhere] px-4 py-3 max-md:block max-md:px-0 max-md:py-1">
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="max-w-full truncate text-left font-medium text-slate-800 hover:text-brand-700">
            {email.subject || '(no subject)'}
          </button>
        </td>
        <td className="[overflow-wrap:anywhere] px-4 py-3 max-md:block max-md:px-0 max-md:py-1">{outcome ? <Badge tone={OUTCOME_TONE[outcome]}>{outcome}</Badge> : <Badge tone="warning">processing</Badge>}</td>
        <td className="[overflow-wrap:anywhere] px-4 py-3 text-slate-600 max-md:block max-md:px-0 max-md:py-1">
          <p className="line-clamp-2">{email.reason ?? '—'}</p>
          {error && (
            <p role="alert" className="mt-1 text-xs font-medium text-red-600">
              {error}
            </p>
          )}
        </td>
        <td className="[overflow-wrap:anywhere] px-4 py-3 max-md:block max-md:px-0 max-md:py-1">
          <div className="flex justify-end gap-2">
            {outcome === 'spam' ? (
              <Button size="sm" loading={busy} onClick={() => act(() => onRelease(email))}>
                Not spam
              </Button>
            ) : (
              <Button size="sm" loading={busy} onClick={() => act(() => onReprocess(email))}>
                Reprocess
              </Button>
            )}
          </div>
        </td>
      </tr>
      {open && (
        <tr className="bg-slate-50/70 max-md:block">
          <td colSpan={6} className="[overflow-wrap:anywhere] px-4 py-4 max-md:block max-md:px-0 max-md:py-1">
            <dl className="grid gap-x-8 gap-y-2 text-sm md:grid-cols-3">
              <div>
                <dt className="text-xs text-slate-500">Message-ID</dt>
                <dd className="break-all font-mono text-xs text-slate-800">{email.messageId ?? '—'}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Threading</dt>
                <dd className="text-slate-800">{email.correlation ?? '—'}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Case</dt>
                <dd className="font-mono text-xs text-slate-800">{email.caseId ?? '—'}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Kind</dt>
                <dd className="text-slate-800">
                  {email.classification?.kind ?? '—'}
                  {email.classification?.bulk ? ' · bulk' : ''}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Attachments</dt>
                <dd className="text-slate-800">{email.attachments.length === 0 ? 'none' : email.attachments.map((attachment) => attachment.filename ?? attachment.contentType).join(', ')}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Size</dt>
                <dd className="text-slate-800">{(email.size / 1024).toFixed(1)} KB</dd>
              </div>
            </dl>
            {email.text && <pre className="mt-3 max-h-48 overflow-auto whitespace-pre-wrap rounded-lg bg-white p-3 text-xs text-slate-700 ring-1 ring-slate-200">{email.text.slice(0, 4000)}</pre>}
            <div className="mt-3 flex flex-wrap gap-2">
              <Button size="sm" variant="ghost" onClick={() => act(() => downloadRaw(email))}>
                Download raw .eml
              </Button>
              {outcome !== 'spam' && email.status !== 'received' && (
                <Button size="sm" variant="ghost" loading={busy} onClick={() => act(() => onMarkSpam(email))}>
                  Mark as spam
                </Button>
              )}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
