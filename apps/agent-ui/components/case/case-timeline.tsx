'use client';

import { useState } from 'react';
import { ResourceError } from '../resource-error';
import { DeliveryBadge, outboundLabel } from '../email/outbound-email';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { controlClass } from '../ui/form-field';
import { SkeletonRows } from '../ui/skeleton';
import { api, ApiError } from '@/lib/api-client';
import type { Note, OutboundEmailView, PagedList } from '@/lib/case-types';
import { listItems } from '@/lib/list-items';
import { relativeTime } from '@/lib/relative-time';
import type { ApiResource } from '@/lib/use-api-resource';

const KIND_LABEL = { summary: 'Conversation summary', manual: 'Note', system: 'System' } as const;

type TimelineEntry = { kind: 'note'; at: string; note: Note } | { kind: 'sent'; at: string; email: OutboundEmailView };

/** Notes and the emails sent on the case (with their delivery state), newest first; the chat summary set apart; a box to add a note. */
export function CaseTimeline({ caseId, resource, sent = [] }: { caseId: string; resource: ApiResource<PagedList<Note> | Note[]>; sent?: OutboundEmailView[] }) {
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notes = listItems(resource.data);
  const entries: TimelineEntry[] = [
    ...notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
    ...sent.map((email) => ({ kind: 'sent' as const, at: email.sentAt, email })),
  ].sort((left, right) => right.at.localeCompare(left.at));

  async function addNote() {
    if (!text.trim()) {
      setError('Write something before adding the note.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await api.post(`/cases/${encodeURIComponent(caseId)}/notes`, { body: text });
      setText('');
      resource.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="space-y-4">
      <form
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          void addNote();
        }}
      >
        <label htmlFor={`note-${caseId}`} className="sr-only">
          New note
        </label>
        <textarea
          id={`note-${caseId}`}
          value={text}
          rows={2}
          placeholder="Add a note for your team…"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              void addNote();
            }
          }}
          className={controlClass(Boolean(error))}
        />
        <div className="flex items-center justify-between gap-3">
          <p className="text-xs text-red-600">{error}</p>
          <Button type="submit" size="sm" loading={saving}>
            Add note
          </Button>
        </div>
      </form>
      {resource.error && !resource.data ? (
        <ResourceError error={resource.error} feature="Notes" onRetry={resource.reload} />
      ) : !resource.data ? (
        <SkeletonRows rows={2} label="Loading notes" />
      ) : entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-500">No notes yet. Your team's notes — and the summary of a chat when it ends — appear here.</p>
      ) : (
        <ol className="space-y-3" aria-label="Notes">
          {entries.map((entry) =>
            entry.kind === 'note' ? (
              <li key={entry.note.id} data-testid={`note-${entry.note.kind}`} className={entry.note.kind === 'summary' ? 'rounded-lg border border-violet-200 bg-violet-50/60 p-4' : 'rounded-lg border border-slate-200 bg-white p-4'}>
                <div className="mb-1.5 flex items-center gap-2">
                  <Badge tone={entry.note.kind === 'summary' ? 'brand' : 'neutral'}>{KIND_LABEL[entry.note.kind] ?? entry.note.kind}</Badge>
                  <span className="text-xs text-slate-400">{relativeTime(entry.note.createdAt)}</span>
                </div>
                <p className="whitespace-pre-wrap text-sm text-slate-800">{entry.note.body}</p>
              </li>
            ) : (
              <li key={entry.email.messageId} data-testid="timeline-sent-email" data-delivery={entry.email.delivery} className="rounded-lg border border-brand-100 bg-brand-50/40 p-4">
                <div className="mb-1.5 flex flex-wrap items-center gap-2">
                  <Badge tone="brand">{outboundLabel(entry.email)} email</Badge>
                  <DeliveryBadge email={entry.email} />
                  <span className="text-xs text-slate-400">{relativeTime(entry.email.sentAt)}</span>
                </div>
                <p className="text-sm text-slate-800">
                  {entry.email.subject} — to {entry.email.to.join(', ')}
                  {entry.email.sentBy ? `, by ${entry.email.sentBy}` : ''}
                </p>
                {entry.email.deliveryError && <p className="mt-1 text-xs text-red-700">{entry.email.deliveryError}</p>}
              </li>
            ),
          )}
        </ol>
      )}
    </div>
  );
}
