'use client';

import type { EmailAttachmentMeta, EmailMessage } from '@autocase/core';
import { useCallback, useMemo, useState } from 'react';
import { ResourceError } from '../resource-error';
import { Badge } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { SkeletonRows } from '../ui/skeleton';
import { EmailHtmlFrame } from './email-html-frame';
import { EmailReplyForm } from './email-reply-form';
import { OutboundEmailItem } from './outbound-email';
import { ApiError } from '@/lib/api-client';
import type { OutboundEmailView, PagedList } from '@/lib/case-types';
import { downloadFromApi, formatBytes } from '@/lib/download';
import { listItems } from '@/lib/list-items';
import { payloadString, useRealtime } from '@/lib/realtime';
import { useSession } from '@/lib/session';
import { useApiResource } from '@/lib/use-api-resource';

function address(entry: { address: string; name?: string } | null | undefined): string {
  if (!entry) return 'unknown sender';
  return entry.name ? `${entry.name} <${entry.address}>` : entry.address || '<>';
}

function Attachments({ email }: { email: EmailMessage }) {
  const [error, setError] = useState<string | null>(null);
  const shownInBody = (attachment: EmailAttachmentMeta) => attachment.inline && Boolean(attachment.contentId) && Boolean(email.html?.includes(`cid:${attachment.contentId}`));
  const files = email.attachments.filter((attachment) => !shownInBody(attachment));
  if (files.length === 0) return null;
  async function download(attachment: EmailAttachmentMeta, index: number) {
    setError(null);
    const name = attachment.filename ?? `attachment-${index + 1}`;
    try {
      await downloadFromApi(`/emails/${encodeURIComponent(email.id)}/attachments/${index}`, name);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) {
        setError('This server does not serve single attachments; download the original message (.eml) instead — it contains every attachment.');
      } else setError(caught instanceof Error ? caught.message : String(caught));
    }
  }
  return (
    <div className="mt-3">
      <p className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">Attachments</p>
      <ul className="flex flex-wrap gap-2" aria-label="Attachments">
        {email.attachments.map((attachment, index) =>
          shownInBody(attachment) ? null : (
            <li key={`${attachment.sha256}-${index}`}>
              <button type="button" onClick={() => download(attachment, index)} className="inline-flex items-center gap-2 rounded-md bg-white px-2.5 py-1.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50">
                <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className="size-3.5 text-slate-400">
                  <path d="M21 12.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l9.2-9.2a3.3 3.3 0 0 1 4.7 4.7l-9.2 9.2a1.7 1.7 0 0 1-2.4-2.4l8.5-8.5" />
                </svg>
                {attachment.filename ?? `attachment ${index + 1}`}
                <span className="text-slate-400">{formatBytes(attachment.size)}</span>
              </button>
            </li>
          ),
        )}
      </ul>
      {error && <p className="mt-1.5 text-xs text-amber-800">{error}</p>}
    </div>
  );
}

function EmailItem({ email, index }: { email: EmailMessage; index: number }) {
  const [rawError, setRawError] = useState<string | null>(null);
  const received = new Date(email.receivedAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <article className="rounded-lg border border-slate-200 bg-white" aria-label={`Email ${index + 1}: ${email.subject || '(no subject)'}`} data-testid="email-message">
      <header className="flex items-start gap-3 border-b border-slate-100 px-4 py-3">
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold text-slate-900">{address(email.from)}</p>
          <p className="truncate text-xs text-slate-500">to {email.to.map(address).join(', ') || email.mailbox}</p>
          <p className="mt-1 text-sm text-slate-800">{email.subject || '(no subject)'}</p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1 text-right">
          <time className="text-xs text-slate-400" dateTime={email.receivedAt}>{received}</time>
          {email.outcome && <Badge tone={email.outcome === 'failed' ? 'danger' : 'neutral'}>{email.outcome}</Badge>}
          <button
            type="button"
            className="text-xs font-medium text-brand-700 hover:underline"
            onClick={() => downloadFromApi(`/emails/${encodeURIComponent(email.id)}/raw`, `${email.id}.eml`).catch((caught: unknown) => setRawError(caught instanceof Error ? caught.message : String(caught)))}
          >
            Original (.eml)
          </button>
          {rawError && <span className="text-xs text-red-600">{rawError}</span>}
        </div>
      </header>
      <div className="px-4 py-3">
        {email.html ? (
          <EmailHtmlFrame html={email.html} emailId={email.id} title={`Email from ${address(email.from)}`} />
        ) : (
          <pre className="whitespace-pre-wrap break-words font-sans text-sm text-slate-800">{email.text || '(empty message)'}</pre>
        )}
        <Attachments email={email} />
      </div>
    </article>
  );
}

type ThreadEntry = { kind: 'inbound'; at: string; email: EmailMessage } | { kind: 'outbound'; at: string; email: OutboundEmailView };

/** The emails of a case, oldest first — received and sent, each sent one with its delivery state — shown safely, with attachments and a reply box. Live: a new email on the case appears by itself. */
export function EmailThread({ caseId }: { caseId: string }) {
  const resource = useApiResource<PagedList<EmailMessage> | EmailMessage[]>(`/cases/${encodeURIComponent(caseId)}/emails`);
  const outbound = useApiResource<PagedList<OutboundEmailView>>(`/cases/${encodeURIComponent(caseId)}/outbound-emails`);
  const session = useSession();
  const auth = useMemo(() => (session ? { token: session.token } : null), [session]);
  const { reload: reloadInbound } = resource;
  const { reload: reloadOutbound } = outbound;
  const reload = useCallback(() => {
    reloadInbound();
    reloadOutbound();
  }, [reloadInbound, reloadOutbound]);
  useRealtime(auth, {
    'email.processed': (payload) => {
      if (payloadString(payload, 'caseId') === caseId) reload();
    },
  });
  // A message we sent that came back in (a copy delivered to a mailbox of ours) is shown once, as sent.
  const sentIds = new Set(listItems(outbound.data).map((email) => email.messageId));
  const inbound = listItems(resource.data).filter((email) => !email.messageId || !sentIds.has(email.messageId));
  const entries: ThreadEntry[] = [
    ...inbound.map((email) => ({ kind: 'inbound' as const, at: email.receivedAt, email })),
    ...listItems(outbound.data).map((email) => ({ kind: 'outbound' as const, at: email.sentAt, email })),
  ].sort((left, right) => left.at.localeCompare(right.at));
  const latestInbound = [...inbound].sort((left, right) => left.receivedAt.localeCompare(right.receivedAt)).at(-1);
  return (
    <Card>
      <CardHeader title="Email thread" description={resource.data ? `${entries.length} ${entries.length === 1 ? 'message' : 'messages'}` : undefined} />
      <div className="space-y-4 px-6 py-5">
        {resource.error && !resource.data ? (
          <ResourceError error={resource.error} feature="Email thread" onRetry={resource.reload} />
        ) : !resource.data ? (
          <SkeletonRows rows={2} label="Loading emails" />
        ) : entries.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-500">No emails are linked to this case.</p>
        ) : (
          entries.map((entry, index) =>
            entry.kind === 'inbound' ? <EmailItem key={entry.email.id} email={entry.email} index={index} /> : <OutboundEmailItem key={entry.email.messageId} email={entry.email} />,
          )
        )}
        {resource.data && <EmailReplyForm caseId={caseId} defaultTo={latestInbound?.from?.address ?? ''} onSent={reloadOutbound} />}
      </div>
    </Card>
  );
}
