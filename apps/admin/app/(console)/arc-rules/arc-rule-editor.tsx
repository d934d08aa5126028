'use client';

import type { ArcRule, FieldDefinition } from '@autocase/core';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiError, api } from '@/lib/api-client';
import { clearChangedErrors } from '@/lib/clear-changed-errors';
import { useApiResource } from '@/lib/use-api-resource';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes-warning';
import { ArcRuleItemEditor } from './arc-rule-item-editor';
import { errorsUnder, newRuleDraft, newRuleItem, type ArcRuleDraft } from './arc-rule-draft';
import { DryRunPanel } from './dry-run-panel';

function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

export function ArcRuleEditor({ ruleId }: { ruleId: string | null }) {
  const router = useRouter();
  const params = useSearchParams();
  const resource = useApiResource<ArcRule>(ruleId ? `/admin/arc-rules/${encodeURIComponent(ruleId)}` : null);
  const fields = useApiResource<FieldDefinition[]>('/admin/fields');
  const [draft, setDraft] = useState<ArcRuleDraft | null>(ruleId ? null : newRuleDraft(params.get('mailbox') ?? ''));
  const [saved, setSaved] = useState<string>(ruleId ? '' : 'new');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(params.get('created') ? 'Rule created.' : null);

  useEffect(() => {
    if (!resource.data) return;
    setDraft(resource.data);
    setSaved(JSON.stringify(resource.data));
  }, [resource.data]);

  useEffect(() => {
    if (draft && expanded.size === 0 && draft.items[0] && !ruleId) setExpanded(new Set([draft.items[0].id]));
  }, [draft, expanded.size, ruleId]);

  const dirty = draft !== null && JSON.stringify(draft) !== saved;
  useUnsavedChangesWarning(dirty);
  const fieldKeys = Array.isArray(fields.data) ? fields.data.map((field) => field.key) : [];
  const patch = (changes: Partial<ArcRuleDraft>) => {
    if (draft) setErrors((current) => clearChangedErrors(current, draft, { ...draft, ...changes }));
    setDraft((current) => (current ? { ...current, ...changes } : current));
    setNotice(null);
  };

  async function save() {
    if (!draft) return;
    setSaving(true);
    setErrors({});
    setSaveError(null);
    try {
      if (ruleId) {
        const updated = await api.put<ArcRule>(`/admin/arc-rules/${encodeURIComponent(ruleId)}`, draft);
        setDraft(updated);
        setSaved(JSON.stringify(updated));
        setNotice('Rule saved.');
      } else {
        const created = await api.post<ArcRule>('/admin/arc-rules', draft);
        router.replace(`/arc-rules/${encodeURIComponent(created.id)}?created=1`);
      }
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, { message: String(caught) });
      setErrors(error.fieldErrors);
      const itemsWithErrors = draft.items.filter((_, index) => Object.keys(errorsUnder(error.fieldErrors, `items.${index}`)).length > 0).map((item) => item.id);
      if (itemsWithErrors.length > 0) setExpanded(new Set([...expanded, ...itemsWithErrors]));
      setSaveError(Object.keys(error.fieldErrors).length > 0 ? 'Not saved: fix the highlighted problems.' : error.message);
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    if (!ruleId || !window.confirm('Delete this rule? Emails to its mailbox will no longer create cases by it.')) return;
    try {
      await api.delete(`/admin/arc-rules/${encodeURIComponent(ruleId)}`);
      router.replace('/arc-rules');
    } catch (caught) {
      setSaveError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }

  if (resource.error && !draft) return <ResourceError error={resource.error} feature="ARC rule" onRetry={resource.reload} />;
  if (!draft) {
    return (
      <div className="space-y-4">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }

  return (
    <>
      <Link href="/arc-rules" className="mb-3 inline-block text-sm font-medium text-slate-500 hover:text-slate-800">
        ← All ARC rules
      </Link>
      <PageHeader
        title={ruleId ? draft.name || 'ARC rule' : 'New ARC rule'}
        description="Items are checked in order; the first enabled item whose conditions hold decides what happens to a new email."
        actions={
          <>
            {dirty && ruleId && <span className="mr-1 text-sm text-amber-700">Unsaved changes</span>}
            {notice && !dirty && (
              <span role="status" className="mr-1 text-sm text-emerald-700">
                {notice}
              </span>
            )}
            {ruleId && (
              <Button variant="danger" onClick={remove}>
                Delete
              </Button>
            )}
            <Button variant="primary" loading={saving} disabled={Boolean(ruleId) && !dirty} onClick={save}>
              {ruleId ? 'Save rule' : 'Create rule'}
            </Button>
          </>
        }
      />
      {saveError && (
        <Alert tone="error" className="mb-4">
          {saveError}
        </Alert>
      )}
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 xl:grid-cols-[minmax(0,1fr)_400px]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Rule" />
            <CardBody className="grid gap-5 md:grid-cols-2">
              <TextField label="Name" value={draft.name} error={errors.name} onChange={(event) => patch({ name: event.target.value })} />
              <TextField label="Mailbox" type="email" placeholder="support@example.com" value={draft.mailbox} error={errors.mailbox} hint="The inbound address this rule applies to." onChange={(event) => patch({ mailbox: event.target.value })} />
              <Checkbox label="Rule enabled" checked={draft.enabled} onChange={(enabled) => patch({ enabled })} />
              <Checkbox label="Update the case from follow-up emails" description="Replies re-run predictions for fields configured for updates." checked={draft.updateCaseOnFollowUp} onChange={(updateCaseOnFollowUp) => patch({ updateCaseOnFollowUp })} />
            </CardBody>
          </Card>
          <section aria-label="Rule items">
            <div className="mb-3 flex items-center justify-between">
              <h2 className="text-base font-semibold text-slate-900">Items</h2>
              <Button
                onClick={() => {
                  const item = newRuleItem(draft.items.length + 1);
                  patch({ items: [...draft.items, item] });
                  setExpanded(new Set([...expanded, item.id]));
                }}
              >
                + Add item
              </Button>
            </div>
            {errors.items && <p className="mb-2 text-xs font-medium text-red-600">{errors.items}</p>}
            {draft.items.length === 0 ? (
              <p className="rounded-card border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500">No items: every email to this mailbox is skipped.</p>
            ) : (
              <ol className="space-y-3">
                {draft.items.map((item, index) => (
                  <ArcRuleItemEditor
                    key={item.id}
                    item={item}
                    position={index + 1}
                    count={draft.items.length}
                    expanded={expanded.has(item.id)}
                    errors={errorsUnder(errors, `items.${index}`)}
                    fieldKeys={fieldKeys}
                    onToggle={() => {
                      const next = new Set(expanded);
                      if (next.has(item.id)) next.delete(item.id);
                      else next.add(item.id);
                      setExpanded(next);
                    }}
                    onChange={(changed) => patch({ items: draft.items.map((entry) => (entry.id === item.id ? changed : entry)) })}
                    onMove={(offset) => patch({ items: moved(draft.items, index, index + offset) })}
                    onRemove={() => patch({ items: draft.items.filter((entry) => entry.id !== item.id) })}
                  />
                ))}
              </ol>
            )}
          </section>
          <Card>
            <CardHeader title="Resolved cases" description="A follow-up to a recently resolved case joins that case instead of opening a new one." />
            <CardBody className="grid gap-5 md:grid-cols-2">
              <TextField
                label="Window (hours)"
                type="number"
                min={0}
                value={draft.resolvedCase.windowHours}
                error={errors['resolvedCase.windowHours']}
                onChange={(event) => patch({ resolvedCase: { ...draft.resolvedCase, windowHours: Number(event.target.value) } })}
              />
              <div className="flex items-center">
                <Checkbox label="Reopen the case" checked={draft.resolvedCase.reopen} onChange={(reopen) => patch({ resolvedCase: { ...draft.resolvedCase, reopen } })} />
              </div>
            </CardBody>
          </Card>
        </div>
        <div className="min-w-0 xl:sticky xl:top-24">
          <DryRunPanel ruleId={ruleId} mailbox={draft.mailbox} dirty={dirty} rule={draft} />
        </div>
      </div>
    </>
  );
}
