'use client';

import type { CaseStatus, Channel } from '@autocase/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { controlClass } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { buildApiPath } from '@/lib/api-client';
import type { CaseView, PagedList } from '@/lib/case-types';
import { listItems } from '@/lib/list-items';
import { useRealtime } from '@/lib/realtime';
import { relativeTime } from '@/lib/relative-time';
import { useSession } from '@/lib/session';
import { useApiResource } from '@/lib/use-api-resource';

const CHANNELS: Channel[] = ['chat', 'email', 'manual', 'import'];
const CASE_STATUSES: CaseStatus[] = ['new', 'active', 'waiting', 'resolved', 'closed'];
const STATUS_TONE = { new: 'brand', active: 'success', waiting: 'warning', resolved: 'neutral', closed: 'neutral' } as const;
const PAGE_SIZE = 20;
const capitalize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function CaseList() {
  const router = useRouter();
  const session = useSession();
  const [channel, setChannel] = useState('');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const query = useDebounced(search.trim(), 300);
  useEffect(() => setPage(1), [channel, status, query]);
  const resource = useApiResource<PagedList<CaseView> | CaseView[]>(buildApiPath('/cases', { channel, status, q: query, page, pageSize: PAGE_SIZE }));
  const cases = listItems(resource.data);
  const total = resource.data && !Array.isArray(resource.data) ? resource.data.total : cases.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = Boolean(channel || status || query);

  const auth = useMemo(() => (session ? { token: session.token } : null), [session]);
  useRealtime(auth, { 'case.created': resource.reload, 'case.updated': resource.reload, 'email.processed': resource.reload });

  return (
    <>
      <PageHeader title="Cases" description="Every case from chat, email and manual entry. New and changed cases appear as they happen." />
      <div className="mb-4 flex flex-wrap items-center gap-3" role="search">
        <input type="search" aria-label="Search cases" placeholder="Search by number, title or contact" value={search} onChange={(event) => setSearch(event.target.value)} className={controlClass(false, 'w-80')} />
        <select aria-label="Channel" value={channel} onChange={(event) => setChannel(event.target.value)} className={controlClass(false, 'w-40 pr-8')}>
          <option value="">All channels</option>
          {CHANNELS.map((value) => (
            <option key={value} value={value}>
              {capitalize(value)}
            </option>
          ))}
        </select>
        <select aria-label="Status" value={status} onChange={(event) => setStatus(event.target.value)} className={controlClass(false, 'w-40 pr-8')}>
          <option value="">All statuses</option>
          {CASE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {capitalize(value)}
            </option>
          ))}
        </select>
        {filtered && (
          <Button variant="ghost" size="sm" onClick={() => { setChannel(''); setStatus(''); setSearch(''); }}>
            Clear filters
          </Button>
        )}
        {resource.loading && resource.data && <span className="text-xs text-slate-400" role="status">Updating…</span>}
      </div>
      {resource.error && !resource.data ? (
        <ResourceError error={resource.error} feature="Cases" onRetry={resource.reload} />
      ) : !resource.data ? (
        <Card className="p-6">
          <SkeletonRows rows={4} label="Loading cases" />
        </Card>
      ) : cases.length === 0 ? (
        <EmptyState title={filtered ? 'No cases match these filters' : 'No cases yet'} description={filtered ? 'Try other filters or clear them.' : 'Cases appear here when a chat or an email creates one.'} />
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-left text-sm" aria-label="Cases">
            <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-6 py-3">Case</th>
                <th scope="col" className="px-6 py-3">Contact</th>
                <th scope="col" className="px-6 py-3">Channel</th>
                <th scope="col" className="px-6 py-3">Status</th>
                <th scope="col" className="px-6 py-3 text-right">Updated</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {cases.map((item) => (
                <tr key={item.id} className="cursor-pointer hover:bg-slate-50/80" onClick={() => router.push(`/cases/${encodeURIComponent(item.id)}`)}>
                  <td className="px-6 py-3">
                    <p className="font-mono text-xs text-slate-500">{item.number}</p>
                    <Link href={`/cases/${encodeURIComponent(item.id)}`} className="font-medium text-slate-900 hover:text-brand-700 focus-visible:text-brand-700" onClick={(event) => event.stopPropagation()}>
                      {item.title || 'Untitled case'}
                    </Link>
                  </td>
                  <td className="max-w-56 truncate px-6 py-3 text-slate-600">{item.contactEmail ?? '—'}</td>
                  <td className="px-6 py-3 capitalize text-slate-600">{item.channel}</td>
                  <td className="px-6 py-3">
                    <Badge tone={STATUS_TONE[item.status]}>{item.status}</Badge>
                  </td>
                  <td className="px-6 py-3 text-right text-slate-500">{relativeTime(item.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex items-center justify-between border-t border-slate-100 px-6 py-3 text-sm text-slate-500">
            <span>
              {total} {total === 1 ? 'case' : 'cases'}
            </span>
            {pages > 1 && (
              <nav aria-label="Pages" className="flex items-center gap-2">
                <Button size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  Previous
                </Button>
                <span>
                  Page {page} of {pages}
                </span>
                <Button size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                  Next
                </Button>
              </nav>
            )}
          </div>
        </Card>
      )}
    </>
  );
}
