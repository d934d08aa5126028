'use client';

import type { Case, CaseStatus, Channel } from '@autocase/core';
import { useState } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { controlClass } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { buildApiPath } from '@/lib/api-client';
import { listItems } from '@/lib/list-items';
import { relativeTime } from '@/lib/relative-time';
import { useApiResource } from '@/lib/use-api-resource';

const CHANNELS: Channel[] = ['chat', 'email', 'manual', 'import'];
const CASE_STATUSES: CaseStatus[] = ['new', 'active', 'waiting', 'resolved', 'closed'];
const STATUS_TONE = { new: 'brand', active: 'success', waiting: 'warning', resolved: 'neutral', closed: 'neutral' } as const;

export function CaseList() {
  const [channel, setChannel] = useState('');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const resource = useApiResource<{ items: Case[]; total: number } | Case[]>(buildApiPath('/cases', { channel, status, q: search.trim() }));
  const cases = listItems(resource.data);

  return (
    <>
      <PageHeader title="Cases" description="Every case from chat, email and manual entry." />
      <div className="mb-4 flex flex-wrap gap-3" role="search">
        <input aria-label="Search cases" placeholder="Search by number, title or contact" value={search} onChange={(event) => setSearch(event.target.value)} className={controlClass(false, 'w-80')} />
        <select aria-label="Channel" value={channel} onChange={(event) => setChannel(event.target.value)} className={controlClass(false, 'w-40')}>
          <option value="">All channels</option>
          {CHANNELS.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <select aria-label="Status" value={status} onChange={(event) => setStatus(event.target.value)} className={controlClass(false, 'w-40')}>
          <option value="">All statuses</option>
          {CASE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      {resource.error && !resource.data ? (
        <ResourceError error={resource.error} feature="Cases" onRetry={resource.reload} />
      ) : !resource.data ? (
        <Card className="p-6">
          <SkeletonRows rows={4} label="Loading cases" />
        </Card>
      ) : cases.length === 0 ? (
        <EmptyState
          title={channel || status || search.trim() ? 'No cases match these filters' : 'No cases yet'}
          description={channel || status || search.trim() ? 'Clear a filter to see more.' : 'Cases appear here as soon as a chat or an email creates one.'}
        />
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-6 py-3">Case</th>
                <th className="px-6 py-3">Channel</th>
                <th className="px-6 py-3">Status</th>
                <th className="px-6 py-3 text-right">Updated</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {cases.map((item) => (
                <tr key={item.id} className="hover:bg-slate-50/60">
                  <td className="px-6 py-3">
                    <p className="font-mono text-xs text-slate-500">{item.number}</p>
                    <p className="font-medium text-slate-900">{item.title || 'Untitled case'}</p>
                  </td>
                  <td className="px-6 py-3 capitalize text-slate-600">{item.channel}</td>
                  <td className="px-6 py-3">
                    <Badge tone={STATUS_TONE[item.status]}>{item.status}</Badge>
                  </td>
                  <td className="px-6 py-3 text-right text-slate-500">{relativeTime(item.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
