'use client';

import type { EmailMessage } from '@autocase/core';
import { useState } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { controlClass } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { SkeletonRows } from '@/components/ui/skeleton';
import { api, buildApiPath } from '@/lib/api-client';
import { useApiResource } from '@/lib/use-api-resource';
import { EmailCard } from './email-card';
import { EmailRow } from './email-row';

const OUTCOMES = ['case-created', 'linked', 'skipped', 'failed', 'spam'] as const;
const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = { 'case-created': 'case-created', linked: 'linked', skipped: 'skipped', failed: 'failed', spam: 'spam (quarantined)' };
const PAGE_SIZE = 25;

export function EmailActivity() {
  const [outcome, setOutcome] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const resource = useApiResource<{ items: EmailMessage[]; total: number }>(buildApiPath('/emails', { outcome, q: search.trim(), page, pageSize: PAGE_SIZE }));
  const filtering = Boolean(outcome || search.trim());

  async function reprocess(email: EmailMessage) {
    await api.post(`/emails/${encodeURIComponent(email.id)}/reprocess`);
    setNotice(`“${email.subject || email.id}” was queued for reprocessing.`);
    resource.reload();
  }

  async function release(email: EmailMessage) {
    const result = await api.post<{ outcome: string }>(`/emails/${encodeURIComponent(email.id)}/release`);
    setNotice(`“${email.subject || email.id}” was released from the spam quarantine: ${result.outcome}.`);
    resource.reload();
  }

  async function markSpam(email: EmailMessage) {
    const result = await api.post<{ outcome: string }>(`/emails/${encodeURIComponent(email.id)}/spam`);
    setNotice(result.outcome === 'spam' ? `“${email.subject || email.id}” was moved to the spam quarantine.` : `“${email.subject || email.id}” was recorded as spam; its case stays.`);
    resource.reload();
  }

  return (
    <>
      <PageHeader title="Email activity" description="Every inbound email, what ARC did with it and why. Reprocess an email after fixing a rule; release quarantined spam with “Not spam”." />
      <div role="search" aria-label="Filter emails" className="mb-4 flex flex-wrap gap-3">
        <input
          aria-label="Search emails"
          placeholder="Search sender, subject or Message-ID"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPage(1);
          }}
          className={controlClass(false, 'w-full sm:w-80')}
        />
        <select
          aria-label="Outcome"
          value={outcome}
          onChange={(event) => {
            setOutcome(event.target.value);
            setPage(1);
          }}
          className={controlClass(false, 'w-full sm:w-52')}
        >
          <option value="">All outcomes</option>
          {OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {OUTCOME_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {resource.error && !resource.data ? (
        <ResourceError error={resource.error} feature="Email activity" onRetry={resource.reload} />
      ) : !resource.data ? (
        <Card className="p-6">
          <SkeletonRows rows={5} label="Loading emails" />
        </Card>
      ) : resource.data.items.length === 0 ? (
        <EmptyState
          title={filtering ? 'No emails match these filters' : 'No emails received yet'}
          description={filtering ? 'Clear a filter to see more.' : 'Emails appear here as soon as they reach a configured mailbox over SMTP, IMAP or the inbound webhook.'}
        />
      ) : (
        <Card className="overflow-hidden">
          <ul className="divide-y divide-slate-100 md:hidden" aria-label="Inbound emails">
            {resource.data.items.map((email) => (
              <EmailCard key={email.id} email={email} onReprocess={reprocess} onRelease={release} onMarkSpam={markSpam} />
            ))}
          </ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full table-fixed text-left text-sm" aria-label="Inbound emails">
              <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="w-36 px-4 py-3">Received</th>
                  <th scope="col" className="w-1/5 px-4 py-3">From</th>
                  <th scope="col" className="w-1/4 px-4 py-3">Subject</th>
                  <th scope="col" className="w-32 px-4 py-3">Outcome</th>
                  <th scope="col" className="px-4 py-3">Reason</th>
                  <th scope="col" className="w-32 px-4 py-3">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 max-md:block">
                {resource.data.items.map((email) => (
                  <EmailRow key={email.id} email={email} onReprocess={reprocess} onRelease={release} onMarkSpam={markSpam} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={resource.data.total} onPage={setPage} />
        </Card>
      )}
    </>
  );
}
