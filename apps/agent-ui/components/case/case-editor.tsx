'use client';

import type { ChatMessage, FieldDefinition, FieldValue } from '@autocase/core';
import { CASE_STATUSES } from '@autocase/core';
import { useEffect, useMemo, useState } from 'react';
import { ResourceError } from '../resource-error';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { controlClass } from '../ui/form-field';
import { SkeletonRows } from '../ui/skeleton';
import { CaseActivity } from './case-activity';
import { CaseAiBanner } from './case-ai-banner';
import { CaseFieldsForm } from './case-fields-form';
import { api, ApiError } from '@/lib/api-client';
import type { CaseView, FieldProposal, UpdateFromConversationResult } from '@/lib/case-types';
import { changedValues, parseFieldInput } from '@/lib/field-values';
import { payloadString, useRealtime } from '@/lib/realtime';
import { relativeTime } from '@/lib/relative-time';
import { useSession } from '@/lib/session';
import { useApiResource } from '@/lib/use-api-resource';

type Notice = { tone: 'success' | 'info' | 'error'; text: string } | null;

export interface CaseEditorProps {
  caseId: string;
  /** The conversation's messages, to say which message an evidence quote came from. */
  messages?: ChatMessage[];
  /** Called with the case number once it is known (e.g. to name a tab). */
  onNumber?: (number: string) => void;
}

/** The case form: AI highlights and evidence, manual edits saved as the agent, "Update from conversation", timeline and history. */
export function CaseEditor({ caseId, messages = [], onNumber }: CaseEditorProps) {
  const session = useSession();
  const caseResource = useApiResource<CaseView>(`/cases/${encodeURIComponent(caseId)}`);
  const fieldsResource = useApiResource<FieldDefinition[]>('/fields');
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [justChanged, setJustChanged] = useState<string[]>([]);
  /** What the conversation suggests for values the customer gave (never written over; the agent may take it). */
  const [proposals, setProposals] = useState<FieldProposal[]>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<'save' | 'update' | null>(null);
  const [activityVersion, setActivityVersion] = useState(0);
  const caseView = caseResource.data;
  const fields = fieldsResource.data ?? [];
  const caseNumber = caseView?.number;
  useEffect(() => {
    if (caseNumber) onNumber?.(caseNumber);
  }, [caseNumber, onNumber]);

  const auth = useMemo(() => (session ? { token: session.token } : null), [session]);
  useRealtime(auth, {
    'case.updated': (payload) => {
      if (payloadString(payload, 'caseId') !== caseView?.id) return;
      caseResource.reload();
      setActivityVersion((value) => value + 1);
      const changed = Array.isArray(payload.changed) ? payload.changed.filter((key): key is string => typeof key === 'string') : [];
      if (changed.length > 0 && busy === null) setJustChanged(changed);
    },
    'note.added': (payload) => {
      if (payloadString(payload, 'caseId') === caseView?.id) setActivityVersion((value) => value + 1);
    },
  });

  if (caseResource.error && !caseView) return <ResourceError error={caseResource.error} feature="Case" onRetry={caseResource.reload} />;
  if (fieldsResource.error && !fieldsResource.data) return <ResourceError error={fieldsResource.error} feature="Case fields" onRetry={fieldsResource.reload} />;
  if (!caseView || !fieldsResource.data) return <SkeletonRows rows={5} label="Loading case" />;

  const current = caseView;
  const aiKeys = fields.filter((field) => current.fields[field.key]?.source === 'ai' && draft[field.key] === undefined).map((field) => field.key);
  const dirty = Object.keys(draft).length > 0;
  const aiJustChanged = justChanged.filter((key) => current.fields[key]?.source === 'ai' && draft[key] === undefined);

  function edit(key: string, text: string) {
    setDraft((previous) => ({ ...previous, [key]: text }));
    setErrors(({ [key]: _removed, ...rest }) => rest);
    setNotice(null);
  }

  async function save() {
    const parsed: Record<string, FieldValue> = {};
    const nextErrors: Record<string, string> = {};
    let title: string | undefined;
    let status: string | undefined;
    for (const [key, text] of Object.entries(draft)) {
      if (key === '$title') title = text.trim();
      else if (key === '$status') status = text;
      else {
        const field = fields.find((candidate) => candidate.key === key);
        if (!field) continue;
        const result = parseFieldInput(field, text);
        if (result.ok) parsed[key] = result.value;
        else nextErrors[key] = result.error;
      }
    }
    if (title === '') nextErrors.$title = 'Title must not be empty';
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) {
      setNotice({ tone: 'error', text: 'Not saved: fix the highlighted fields.' });
      return;
    }
    const existing = Object.fromEntries(Object.entries(current.fields).map(([key, state]) => [key, state.value]));
    const body = { fields: changedValues(existing, parsed), title: title !== current.title ? title : undefined, status: status !== current.status ? status : undefined, expectedVersion: current.version };
    setBusy('save');
    try {
      const result = await api.patch<{ case: CaseView; changed: string[] } | CaseView>(`/cases/${encodeURIComponent(current.id)}`, body);
      caseResource.setData('case' in result ? result.case : result);
      setDraft({});
      setJustChanged([]);
      setProposals([]);
      setNotice({ tone: 'success', text: 'Saved. Your values are kept: the AI will not overwrite them.' });
      setActivityVersion((value) => value + 1);
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, { message: String(caught) });
      setErrors((previous) => ({ ...previous, ...Object.fromEntries(Object.entries(error.fieldErrors).map(([path, message]) => [path.replace(/^fields\./, ''), message])) }));
      setNotice({ tone: 'error', text: error.status === 409 ? 'Someone else changed this case in the meantime. Reload it, then make your edit again.' : error.message });
    } finally {
      setBusy(null);
    }
  }

  async function updateFromConversation() {
    setBusy('update');
    setNotice(null);
    try {
      const result = await api.post<UpdateFromConversationResult>(`/cases/${encodeURIComponent(current.id)}/update-from-conversation`);
      if (result.case) caseResource.setData(result.case);
      else caseResource.reload();
      setJustChanged(result.changed);
      setProposals(result.proposals ?? []);
      setActivityVersion((value) => value + 1);
      if (result.changed.length === 0) setNotice({ tone: 'info', text: `No changes were made. ${result.message ?? 'There was not enough new context in the conversation.'}` });
      else if (result.summary) setNotice({ tone: 'success', text: result.summary });
    } catch (caught) {
      setNotice({ tone: 'error', text: caught instanceof ApiError ? caught.message : String(caught) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-5" data-testid="case-editor">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-center gap-2">
            <p className="shrink-0 whitespace-nowrap font-mono text-xs text-slate-500" data-testid="case-number">{current.number}</p>
            <Badge tone="neutral">{current.channel}</Badge>
            {current.contactEmail && <span className="min-w-0 truncate text-xs text-slate-500">{current.contactEmail}</span>}
            <span className="shrink-0 whitespace-nowrap text-xs text-slate-400">updated {relativeTime(current.updatedAt)}</span>
          </div>
          <label className="sr-only" htmlFor={`title-${current.id}`}>Case title</label>
          <textarea
            id={`title-${current.id}`}
            rows={1}
            value={draft.$title ?? current.title}
            onChange={(event) => edit('$title', event.target.value.replace(/\n/g, ' '))}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.preventDefault();
            }}
            aria-invalid={Boolean(errors.$title) || undefined}
            className="mt-1 field-sizing-content w-full resize-none rounded-md border-0 bg-transparent px-1 py-0.5 text-lg font-semibold text-slate-900 ring-1 ring-transparent hover:ring-slate-200 focus:outline-none focus:ring-2 focus:ring-brand-500"
          />
          {errors.$title && <p className="mt-1 text-xs font-medium text-red-600">{errors.$title}</p>}
        </div>
        <select aria-label="Case status" value={draft.$status ?? current.status} onChange={(event) => edit('$status', event.target.value)} className={controlClass(false, 'w-32 pr-8')}>
          {CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>

      <CaseAiBanner aiKeys={aiKeys} justChanged={aiJustChanged} fields={fields} />
      {notice && (
        <Alert tone={notice.tone} action={<button type="button" className="text-xs font-medium opacity-70 hover:opacity-100" onClick={() => setNotice(null)}>Dismiss</button>}>
          {notice.text}
          {notice.text.startsWith('Someone else') && (
            <button type="button" className="ml-2 font-semibold underline" onClick={() => { setDraft({}); caseResource.reload(); setNotice(null); }}>
              Reload case
            </button>
          )}
        </Alert>
      )}

      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {fields.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">No case fields are configured yet. An admin adds them in the admin console.</p>
        ) : (
          <CaseFieldsForm caseView={current} fields={fields} draft={draft} errors={errors} justChanged={aiJustChanged} proposals={proposals} messages={messages} onChange={edit} />
        )}
        {/* Sticky: Save and Update stay in view however long the form is. */}
        <div className="sticky bottom-0 z-20 mt-4 flex flex-wrap items-center justify-end gap-2 border-t border-slate-100 bg-white/95 pb-1 pt-3 backdrop-blur" data-testid="case-actions">
          {current.conversationId && (
            <Button onClick={updateFromConversation} loading={busy === 'update'} disabled={busy !== null} title="Predict the fields again from the conversation so far; your own edits are kept">
              Update from conversation
            </Button>
          )}
          {dirty && (
            <Button variant="ghost" disabled={busy !== null} onClick={() => { setDraft({}); setErrors({}); }}>
              Discard changes
            </Button>
          )}
          <Button type="submit" variant="primary" loading={busy === 'save'} disabled={!dirty || busy !== null}>
            Save case
          </Button>
        </div>
      </form>

      <CaseActivity caseId={current.id} fields={fields} version={activityVersion} />
    </div>
  );
}
