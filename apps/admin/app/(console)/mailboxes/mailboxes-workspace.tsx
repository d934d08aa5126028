'use client';

import { useEffect, useMemo, useState } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { ApiError, api } from '@/lib/api-client';
import { clearChangedErrors } from '@/lib/clear-changed-errors';
import { useApiResource } from '@/lib/use-api-resource';
import { MailboxEditor, type OutboundTransportView } from './mailbox-editor';
import { emptyMailboxDraft, toMailboxDraft, toMailboxPayload, type MailboxDraft, type StoredMailbox } from './mailbox-draft';

type MailboxesPayload = StoredMailbox[] | { items: StoredMailbox[] };

export function MailboxesWorkspace() {
  const resource = useApiResource<MailboxesPayload>('/admin/mailboxes');
  const defaultTransport = useApiResource<OutboundTransportView>('/admin/mailboxes/default-transport');
  const mailboxes = useMemo(() => (Array.isArray(resource.data) ? resource.data : (resource.data?.items ?? [])), [resource.data]);
  const [draft, setDraft] = useState<MailboxDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (draft === null && mailboxes[0]) setDraft(toMailboxDraft(mailboxes[0]));
  }, [draft, mailboxes]);

  function select(next: MailboxDraft) {
    setDraft(next);
    setErrors({});
    setMessage(null);
  }

  async function save() {
    if (!draft) return;
    setSaving(true);
    setErrors({});
    setMessage(null);
    try {
      const payload = toMailboxPayload(draft);
      const stored = draft.id
        ? await api.put<StoredMailbox>(`/admin/mailboxes/${encodeURIComponent(draft.id)}`, payload)
        : await api.post<StoredMailbox & { webhookSecret?: string }>('/admin/mailboxes', payload);
      const shownOnce = (stored as { webhookSecret?: unknown }).webhookSecret;
      const generatedSecret = !draft.id && !draft.webhookSecret.trim() && typeof shownOnce === 'string' ? shownOnce : undefined;
      const others = mailboxes.filter((mailbox) => mailbox.id !== stored.id);
      resource.setData(draft.id ? mailboxes.map((mailbox) => (mailbox.id === stored.id ? stored : mailbox)) : [...others, stored]);
      setDraft(toMailboxDraft(stored));
      setMessage({
        tone: 'success',
        text: generatedSecret ? `${stored.address} saved. Its webhook secret is ${generatedSecret} — copy it now, it is not shown again.` : `${stored.address} saved.`,
      });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, { message: String(caught) });
      setErrors(error.fieldErrors);
      setMessage({ tone: 'error', text: Object.keys(error.fieldErrors).length > 0 ? 'Not saved: fix the highlighted settings.' : error.message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageHeader
        title="Mailboxes"
        description="Inbound addresses, IMAP accounts and outbound SMTP. Each mailbox's ARC rule decides which emails become cases."
        actions={
          <>
            <Button onClick={() => select(emptyMailboxDraft())}>+ New mailbox</Button>
            {draft && (
              <Button variant="primary" loading={saving} onClick={save}>
                {draft.id ? 'Save mailbox' : 'Create mailbox'}
              </Button>
            )}
          </>
        }
      />
      {message && (
        <Alert tone={message.tone} className="mb-4">
          {message.text}
        </Alert>
      )}
      {resource.error && !resource.data ? (
        <ResourceError error={resource.error} feature="Mailboxes" onRetry={resource.reload} />
      ) : !resource.data ? (
        <Card className="p-6">
          <SkeletonRows rows={3} label="Loading mailboxes" />
        </Card>
      ) : mailboxes.length === 0 && !draft ? (
        <EmptyState
          title="No mailboxes yet"
          description="Add the address customers write to, like support@yourcompany.com. Mail can arrive over SMTP, IMAP or a provider's webhook."
          action={
            <Button variant="primary" onClick={() => select(emptyMailboxDraft())}>
              + Add a mailbox
            </Button>
          }
        />
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[280px_1fr]">
          <Card className="overflow-hidden lg:sticky lg:top-24">
            <ul aria-label="Mailboxes" className="divide-y divide-slate-100">
              {mailboxes.map((mailbox) => {
                const selected = draft?.id === mailbox.id;
                return (
                  <li key={mailbox.id}>
                    <button
                      type="button"
                      aria-current={selected ? 'true' : undefined}
                      onClick={() => select(toMailboxDraft(mailbox))}
                      className={cx('block w-full border-l-2 px-4 py-3 text-left', selected ? 'border-brand-600 bg-brand-50/70' : 'border-transparent hover:bg-slate-50')}
                    >
                      <span className="block truncate text-sm font-medium text-slate-900">{mailbox.address}</span>
                      <span className="mt-1 flex flex-wrap gap-1">
                        {!mailbox.enabled && <Badge>Off</Badge>}
                        {mailbox.imap && <Badge tone="brand">IMAP</Badge>}
                        {mailbox.smtp && <Badge tone="brand">SMTP out</Badge>}
                        {mailbox.webhookSecretSet && <Badge>Webhook</Badge>}
                      </span>
                    </button>
                  </li>
                );
              })}
              {draft && !draft.id && (
                <li className="border-l-2 border-brand-600 bg-brand-50/70 px-4 py-3 text-sm font-medium text-brand-700">New mailbox</li>
              )}
            </ul>
          </Card>
          {draft && (
            <MailboxEditor
              key={draft.id ?? 'new'}
              draft={draft}
              errors={errors}
              {...(defaultTransport.data ? { defaultTransport: defaultTransport.data } : {})}
              onChange={(next) => {
                const remaining = clearChangedErrors(errors, draft, next);
                setErrors(remaining);
                if (message?.tone === 'error' && Object.keys(remaining).length === 0 && Object.keys(errors).length > 0) setMessage(null);
                setDraft(next);
              }}
            />
          )}
        </div>
      )}
    </>
  );
}
