'use client';

import type { ArcRule } from '@autocase/core';
import Link from 'next/link';
import { ResourceError } from '@/components/resource-error';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useApiResource } from '@/lib/use-api-resource';
import { describeCondition } from './arc-rule-draft';

const NEW_RULE_LINK = 'inline-flex h-9 items-center rounded-lg bg-brand-600 px-3.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700';

export function ArcRuleList() {
  const resource = useApiResource<ArcRule[] | { items: ArcRule[] }>('/admin/arc-rules');
  const rules = Array.isArray(resource.data) ? resource.data : (resource.data?.items ?? []);
  return (
    <>
      <PageHeader
        title="ARC rules"
        description="Automatic Record Creation: which emails become cases, and how. One rule per mailbox, its items checked in order."
        actions={
          <Link href="/arc-rules/new" className={NEW_RULE_LINK}>
            + New rule
          </Link>
        }
      />
      {resource.error && !resource.data ? (
        <ResourceError error={resource.error} feature="ARC rules" onRetry={resource.reload} />
      ) : !resource.data ? (
        <Card className="p-6">
          <SkeletonRows rows={3} label="Loading ARC rules" />
        </Card>
      ) : rules.length === 0 ? (
        <EmptyState
          title="No ARC rules yet"
          description="Without a rule, emails are stored but never become cases. Create one for each inbound mailbox."
          action={
            <Link href="/arc-rules/new" className={NEW_RULE_LINK}>
              + Create the first rule
            </Link>
          }
        />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="ARC rules">
          {rules.map((rule) => (
            <li key={rule.id}>
              <Link href={`/arc-rules/${encodeURIComponent(rule.id)}`} className="block rounded-card border border-slate-200 bg-white p-5 shadow-card transition hover:border-brand-300 hover:shadow-md">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="truncate text-base font-semibold text-slate-900">{rule.name}</p>
                    <p className="truncate font-mono text-xs text-slate-500">{rule.mailbox}</p>
                  </div>
                  {rule.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}
                </div>
                <ol className="mt-4 space-y-1.5">
                  {rule.items.slice(0, 4).map((item, index) => (
                    <li key={item.id} className="flex items-center gap-2 text-sm">
                      <span className="flex size-5 shrink-0 items-center justify-center rounded-full bg-slate-100 text-[11px] font-semibold text-slate-600">{index + 1}</span>
                      <span className="truncate text-slate-700">
                        {item.conditions.length === 0 ? 'Every email' : item.conditions.map(describeCondition).join(item.match === 'all' ? ' and ' : ' or ')}
                      </span>
                      <span className="ml-auto shrink-0">{item.action === 'skip' ? <Badge tone="warning">skip</Badge> : <Badge tone="brand">case</Badge>}</span>
                    </li>
                  ))}
                  {rule.items.length > 4 && <li className="pl-7 text-xs text-slate-500">and {rule.items.length - 4} more</li>}
                </ol>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
