'use client';

import type { EmailMessage } from '@autocase/core';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import { OUTCOME_TONE, type EmailRowActions } from './email-row';

/** One email on a narrow screen: the same facts and actions as a table row, stacked. */
export function EmailCard({ email, onReprocess, onRelease, onMarkSpam }: { email: EmailMessage } & EmailRowActions) {
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
    <li className="space-y-2 px-4 py-4" aria-label={email.subject || '(no subject)'}>
      <div className="flex items-start justify-between gap-3">
        <p className="min-w-0 break-words font-medium text-slate-900">{email.subject || '(no subject)'}</p>
        {outcome ? <Badge tone={OUTCOME_TONE[outcome]}>{outcome}</Badge> : <Badge tone="warning">processing</Badge>}
      </div>
      <p className="truncate text-xs text-slate-500">
        {email.from?.name || email.from?.address || 'Unknown sender'} · {formatDateTime(email.receivedAt)}
      </p>
      <p className="line-clamp-3 break-words text-sm text-slate-600">{email.reason ?? '—'}</p>
      {error && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {outcome === 'spam' ? (
          <Button size="sm" loading={busy} onClick={() => act(() => onRelease(email))}>
            Not spam
          </Button>
        ) : (
          <>
            <Button size="sm" loading={busy} onClick={() => act(() => onReprocess(email))}>
              Reprocess
            </Button>
            {email.status !== 'received' && (
              <Button size="sm" variant="ghost" loading={busy} onClick={() => act(() => onMarkSpam(email))}>
                Mark as spam
              </Button>
            )}
          </>
        )}
      </div>
    </li>
  );
}
