'use client';

import type { FieldDefinition, Settings } from '@autocase/core';
import { useEffect, useMemo, useState } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton, SkeletonRows } from '@/components/ui/skeleton';
import { ApiError, api } from '@/lib/api-client';
import { useApiResource } from '@/lib/use-api-resource';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes-warning';
import type { LearnedModelStatus } from '../predictors/learned-model';
import { FieldEditor } from './field-editor';
import { FieldList } from './field-list';
import { errorsByFieldIndex, fromDrafts, localFieldErrors, moveItem, newFieldDraft, toDrafts, type FieldDraft } from './field-draft';

type FieldsPayload = FieldDefinition[] | { fields: FieldDefinition[] };
const unwrap = (payload: FieldsPayload | null | undefined): FieldDefinition[] => (Array.isArray(payload) ? payload : (payload?.fields ?? []));

export function FieldsWorkspace() {
  const resource = useApiResource<FieldsPayload>('/admin/fields');
  const settings = useApiResource<Settings>('/admin/settings');
  // Only for the threshold hint: without it (or on an error) the editor works the same.
  const learned = useApiResource<LearnedModelStatus>('/admin/predictors/learned');
  const [drafts, setDrafts] = useState<FieldDraft[] | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [linkedKeys, setLinkedKeys] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Map<string, Record<string, string>>>(new Map());
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);

  useEffect(() => {
    if (resource.data === undefined) return;
    const loaded = toDrafts(unwrap(resource.data));
    setDrafts(loaded);
    setSaved(JSON.stringify(fromDrafts(loaded)));
    setSelectedId((current) => current ?? loaded[0]?.draftId ?? null);
  }, [resource.data]);

  const dirty = drafts !== null && JSON.stringify(fromDrafts(drafts)) !== saved;
  useUnsavedChangesWarning(dirty);
  const selected = drafts?.find((field) => field.draftId === selectedId) ?? null;
  const availablePredictors = useMemo(() => settings.data?.predictorPrecedence ?? ['rules', 'regex', 'llm', 'learned'], [settings.data]);

  function patchSelected(patch: Partial<FieldDraft>) {
    setDrafts((current) => current?.map((field) => (field.draftId === selectedId ? { ...field, ...patch } : field)) ?? current);
    setJustSaved(false);
  }

  function addField() {
    if (!drafts) return;
    const field = newFieldDraft(drafts.map((draft) => draft.key), settings.data?.defaultThreshold);
    setDrafts([...drafts, field]);
    setLinkedKeys(new Set(linkedKeys).add(field.draftId));
    setSelectedId(field.draftId);
    setJustSaved(false);
  }

  function removeSelected() {
    if (!drafts || !selected) return;
    const index = drafts.indexOf(selected);
    const next = drafts.filter((field) => field !== selected);
    setDrafts(next);
    setSelectedId(next[Math.min(index, next.length - 1)]?.draftId ?? null);
  }

  function showErrors(byIndex: Map<number, Record<string, string>>, list: FieldDraft[]) {
    const byDraft = new Map<string, Record<string, string>>();
    for (const [index, fieldErrors] of byIndex) {
      const field = list[index];
      if (field) byDraft.set(field.draftId, fieldErrors);
    }
    setErrors(byDraft);
    const firstInvalid = list.find((field) => byDraft.has(field.draftId));
    if (firstInvalid && !byDraft.has(selectedId ?? '')) setSelectedId(firstInvalid.draftId);
  }

  async function save() {
    if (!drafts) return;
    setSaveError(null);
    setJustSaved(false);
    const local = localFieldErrors(drafts);
    if (local.size > 0) {
      showErrors(local, drafts);
      setSaveError(`Fix ${local.size === 1 ? 'the highlighted field' : `the ${local.size} highlighted fields`} before saving.`);
      return;
    }
    setSaving(true);
    try {
      const result = await api.put<FieldsPayload | null>('/admin/fields', fromDrafts(drafts));
      const stored = result ? unwrap(result) : fromDrafts(drafts);
      setSaved(JSON.stringify(stored));
      setErrors(new Map());
      setLinkedKeys(new Set());
      setJustSaved(true);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, { message: String(error) });
      const byIndex = errorsByFieldIndex(apiError.fieldErrors);
      showErrors(byIndex, drafts);
      setSaveError(byIndex.size > 0 ? `The server rejected the fields: ${apiError.message}` : apiError.message);
    } finally {
      setSaving(false);
    }
  }

  const actions = drafts && (
    <>
      {dirty && <span className="mr-1 text-sm text-amber-700">Unsaved changes</span>}
      {justSaved && !dirty && (
        <span role="status" className="mr-1 text-sm text-emerald-700">
          Fields saved
        </span>
      )}
      <Button
        disabled={!dirty || saving}
        onClick={() => {
          setDrafts(toDrafts(JSON.parse(saved) as FieldDefinition[]));
          setErrors(new Map());
          setSaveError(null);
          setSelectedId(null);
        }}
      >
        Discard
      </Button>
      <Button onClick={addField}>+ Add field</Button>
      <Button variant="primary" loading={saving} disabled={!dirty} onClick={save}>
        Save fields
      </Button>
    </>
  );

  return (
    <>
      <PageHeader
        title="Case fields for AI"
        description="The case fields the AI may fill, what each means, and how sure it must be. Order here is the order agents see."
        actions={actions}
      />
      {saveError && (
        <Alert tone="error" className="mb-4" title="Not saved">
          {saveError}
        </Alert>
      )}
      {resource.error && !drafts ? (
        <ResourceError error={resource.error} feature="Case fields" onRetry={resource.reload} />
      ) : !drafts ? (
        <div className="grid gap-6 lg:grid-cols-[320px_1fr]">
          <Card className="p-5">
            <SkeletonRows rows={5} label="Loading fields" />
          </Card>
          <Card className="space-y-4 p-6">
            <Skeleton className="h-5 w-1/3" />
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-24 w-full" />
          </Card>
        </div>
      ) : drafts.length === 0 ? (
        <EmptyState
          title="No case fields yet"
          description="Add the fields your agents fill on every case — product, category, order number — and describe them so the AI can fill them too."
          action={
            <Button variant="primary" onClick={addField}>
              + Add your first field
            </Button>
          }
        />
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[320px_1fr]">
          <Card className="overflow-hidden lg:sticky lg:top-24">
            <div className="border-b border-slate-100 px-4 py-3 text-xs font-medium uppercase tracking-wide text-slate-500">
              {drafts.length} {drafts.length === 1 ? 'field' : 'fields'}
            </div>
            <FieldList
              fields={drafts}
              selectedId={selectedId}
              invalidIds={new Set(errors.keys())}
              onSelect={setSelectedId}
              onMove={(from, to) => setDrafts(moveItem(drafts, from, to))}
            />
          </Card>
          <Card className="p-6">
            {selected ? (
              <FieldEditor
                key={selected.draftId}
                field={selected}
                errors={errors.get(selected.draftId) ?? {}}
                availablePredictors={availablePredictors}
                learnedGuide={learned.data?.fields?.find((model) => model.field === selected.key)?.thresholds ?? null}
                keyLinkedToLabel={linkedKeys.has(selected.draftId)}
                onChange={patchSelected}
                onKeyEdited={() => {
                  const next = new Set(linkedKeys);
                  next.delete(selected.draftId);
                  setLinkedKeys(next);
                }}
                onRemove={removeSelected}
              />
            ) : (
              <p className="py-12 text-center text-sm text-slate-500">Select a field to edit it.</p>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
