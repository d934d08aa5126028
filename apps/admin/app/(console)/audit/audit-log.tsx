'use client';

import type { AuditEntry, FieldDefinition } from '@autocase/core';
import { useState } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { controlClass } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { SkeletonRows } from '@/components/ui/skeleton';
import { buildApiPath } from '@/lib/api-client';
import { useApiResource } from '@/lib/use-api-resource';
import { AuditRow } from './audit-row';

const PAGE_SIZE = 25;
const SOURCES = ['ai', 'agent', 'rule', 'channel', 'import', 'system'] as const;

export function AuditLog() {
  const [source, setSource] = useState('');
  const [field, setField] = useState('');
  const [caseId, setCaseId] = useState('');
  const [since, setSince] = useState('');
  const [page, setPage] = useState(1);
  const fields = useApiResource<FieldDefinition[]>('/admin/fields');
  const path = buildApiPath('/admin/audit', {
    source,
    field,
    caseId: caseId.trim(),
    since: since ? new Date(`${since}T00:00:00`).toISOString() : '',
    page,
    pageSize: PAGE_SIZE,
  });
  const resource = useApiResource<{ items: AuditEntry[]; total: number }>(path);
  const filtering = Boolean(source || field || caseId || since);
  const setFilter = (setter: (value: string) => void) => (value: string) => {
    setter(value);
    setPage(1);
  };

  return (
    <>
      <PageHeader title="Audit log" description="Every change to every case, by the AI, agents, rules and channels — with the evidence the AI used." />
      <div role="search" aria-label="Filter the audit log" className="mb-4 flex flex-wrap gap-3">
        <select aria-label="Source" value={source} onChange={(event) => setFilter(setSource)(event.target.value)} className={controlClass(false, 'w-40')}>
          <option value="">All sources</option>
          {SOURCES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <select aria-label="Field" value={field} onChange={(event) => setFilter(setField)(event.target.value)} className={controlClass(false, 'w-48')}>
          <option value="">All fields</option>
          {(Array.isArray(fields.data) ? fields.data : []).map((definition) => (
            <option key={definition.key} value={definition.key}>
              {definition.label}
            </option>
          ))}
        </select>
        <input aria-label="Case number or id" placeholder="CAS-00042" value={caseId} onChange={(event) => setFilter(setCaseId)(event.target.value)} className={controlClass(false, 'w-56 font-mono')} />
        <label className="flex items-center gap-2 text-sm text-slate-600">
          Since
          <input type="date" aria-label="Since" value={since} onChange={(event) => setFilter(setSince)(event.target.value)} className={controlClass(false, 'w-44')} />
        </label>
      </div>
      {resource.error && !resource.data ? (
        <ResourceError error={resource.error} feature="Audit log" onRetry={resource.reload} />
      ) : !resource.data ? (
        <Card className="p-6">
          <SkeletonRows rows={6} label="Loading the audit log" />
        </Card>
      ) : resource.data.items.length === 0 ? (
        <EmptyState
          title={filtering ? 'No changes match these filters' : 'Nothing has changed yet'}
          description={filtering ? 'Clear a filter to see more.' : 'Changes appear here as soon as a case is created or edited.'}
        />
      ) : (
        <Card className="overflow-hidden">
          <div className="overflow-x-auto">
            <table className="w-full table-fixed text-left text-sm max-md:block" aria-label="Audit entries">
              <thead className="bg-slate-50 max-md:hidden text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="w-36 px-4 py-3">When</th>
                  <th scope="col" className="w-40 px-4 py-3">What</th>
                  <th scope="col" className="w-1/4 px-4 py-3">Field</th>
                  <th scope="col" className="w-32 px-4 py-3">By</th>
                  <th scope="col" className="w-28 px-4 py-3">Confidence</th>
                  <th scope="col" className="px-4 py-3">Reason</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 max-md:block">
                {resource.data.items.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
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
