'use client';

import type { Settings } from '@autocase/core';
import { useEffect, useState, type FormEvent } from 'react';
import { ResourceError } from '@/components/resource-error';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { TextField } from '@/components/ui/form-field';
import { Skeleton } from '@/components/ui/skeleton';
import { PageHeader } from '@/components/ui/page-header';
import { Switch } from '@/components/ui/switch';
import { ApiError, api } from '@/lib/api-client';
import { useApiResource } from '@/lib/use-api-resource';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes-warning';
import { SummaryFormatPicker } from './summary-format-picker';
import { PrecedenceList } from './precedence-list';

export const SUMMARY_NOTE_LABEL = 'Automatically create a note at the end of a live chat using conversation summary';

/** The browser's own bubble is easy to miss: out-of-range numbers get an inline message instead. */
export function thresholdProblem(value: number): string | null {
  return Number.isFinite(value) && value >= 0 && value <= 1 ? null : 'Enter a number between 0 and 1, e.g. 0.7';
}

export function SettingsForm() {
  const resource = useApiResource<Settings>('/admin/settings');
  const [draft, setDraft] = useState<Settings | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  useEffect(() => {
    if (resource.data) setDraft(resource.data);
  }, [resource.data]);

  const dirty = draft !== null && resource.data !== undefined && JSON.stringify(draft) !== JSON.stringify(resource.data);
  useUnsavedChangesWarning(dirty);

  function update<K extends keyof Settings>(key: K, value: Settings[K]) {
    setDraft((current) => (current ? { ...current, [key]: value } : current));
    setSavedAt(null);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setSaveError(null);
    const rangeProblem = thresholdProblem(draft.defaultThreshold);
    if (rangeProblem) {
      setSaveError(new ApiError(400, { message: 'Not saved: fix the highlighted setting.', issues: [{ path: 'defaultThreshold', message: rangeProblem }] }));
      return;
    }
    setSaving(true);
    try {
      const saved = await api.put<Settings>('/admin/settings', draft);
      resource.setData(saved ?? draft);
      setSavedAt(new Date());
    } catch (error) {
      setSaveError(error instanceof ApiError ? error : new ApiError(0, { message: String(error) }));
    } finally {
      setSaving(false);
    }
  }

  const fieldError = (key: keyof Settings) => saveError?.fieldErrors[key];

  return (
    <>
      <PageHeader title="Agent settings" description="How Autocase behaves while agents handle live chats and cases." />
      {resource.error && !draft ? (
        <ResourceError error={resource.error} feature="Agent settings" onRetry={resource.reload} />
      ) : !draft ? (
        <Card>
          <CardBody className="space-y-6">
            {[0, 1, 2].map((row) => (
              <div key={row} className="flex items-center justify-between gap-6">
                <div className="flex-1 space-y-2">
                  <Skeleton className="h-4 w-1/2" />
                  <Skeleton className="h-3 w-3/4" />
                </div>
                <Skeleton className="h-6 w-11 rounded-full" />
              </div>
            ))}
          </CardBody>
        </Card>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Agent settings">
          <Card>
            <CardHeader title="Live chat automation" description="What happens around an agent's conversation without anyone pressing a button." />
            <CardBody className="divide-y divide-slate-100 [&>*]:py-5 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
              <Switch
                checked={draft.autoCreateCaseOnAccept}
                onChange={(value) => update('autoCreateCaseOnAccept', value)}
                label="Create the case automatically when an agent accepts a chat"
                description="When the conversation already holds enough context for every required field, the case is created, filled and opened for the agent."
              />
              <Switch
                checked={draft.summaryNoteOnChatEnd}
                onChange={(value) => update('summaryNoteOnChatEnd', value)}
                label={SUMMARY_NOTE_LABEL}
                description="The summary is added to the case timeline as a note when the chat ends."
              />
              <Switch
                checked={draft.allowAiOverrideOfAgentEdits}
                onChange={(value) => update('allowAiOverrideOfAgentEdits', value)}
                label="Allow AI to override agent edits"
                description="Off by default: a value an agent typed is never replaced by a prediction. Turn on only if agents expect the AI to correct them."
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Summary note" description="The shape of the note written at the end of a chat." />
            <CardBody>
              <SummaryFormatPicker value={draft.summaryFormat} onChange={(value) => update('summaryFormat', value)} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Predictions" description="Defaults that apply to every field unless the field sets its own." />
            <CardBody className="grid gap-6 md:grid-cols-2">
              <TextField
                label="Default confidence threshold"
                type="number"
                min={0}
                max={1}
                step={0.05}
                value={draft.defaultThreshold}
                onChange={(event) => update('defaultThreshold', Number(event.target.value))}
                hint="Between 0 and 1. Predictions below it are not applied."
                error={fieldError('defaultThreshold')}
              />
              <TextField
                label="Case number prefix"
                value={draft.caseNumberPrefix}
                onChange={(event) => update('caseNumberPrefix', event.target.value.toUpperCase())}
                hint="Cases are numbered like CAS-00042; the number is also the tracking token in email subjects."
                error={fieldError('caseNumberPrefix')}
              />
              <div className="md:col-span-2">
                <PrecedenceList value={draft.predictorPrecedence} onChange={(value) => update('predictorPrecedence', value)} />
              </div>
            </CardBody>
            <CardFooter>
              {saveError && (
                <p role="alert" className="mr-auto text-sm font-medium text-red-600">
                  {Object.keys(saveError.fieldErrors).length > 0 ? 'Not saved: fix the highlighted setting.' : saveError.message}
                </p>
              )}
              {savedAt && !dirty && (
                <p role="status" className="mr-auto text-sm text-emerald-700">
                  Settings saved.
                </p>
              )}
              <Button disabled={!dirty || saving} onClick={() => resource.data && setDraft(resource.data)}>
                Discard
              </Button>
              <Button type="submit" variant="primary" loading={saving} disabled={!dirty}>
                Save settings
              </Button>
            </CardFooter>
          </Card>
        </form>
      )}
    </>
  );
}
