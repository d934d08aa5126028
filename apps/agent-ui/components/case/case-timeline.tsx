'use client';

import { useState } from 'react';
import { ResourceError } from '../resource-error';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { controlClass } from '../ui/form-field';
import { SkeletonRows } from '../ui/skeleton';
import { api, ApiError } from '@/lib/api-client';
import type { Note, PagedList } from '@/lib/case-types';
import { listItems } from '@/lib/list-items';
import { relativeTime } from '@/lib/relative-time';
import type { ApiResource } from '@/lib/use-api-resource';

const KIND_LABEL = { summary: 'Conversation summary', manual: 'Note', system: 'System' } as const;

/** Notes newest first, the chat summary set apart, and a box to add a note. */
export function CaseTimeline({ caseId, resource }: { caseId: string; resource: ApiResource<PagedList<Note> | Note[]> }) {
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notes = [...listItems(resource.data)].sort((left, right) => right.createdAt.localeCompare(left.createdAt));

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
      ) : notes.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-500">No notes yet. Your team's notes — and the summary of a chat when it ends — appear here.</p>
      ) : (
        <ol className="space-y-3" aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id} data-testid={`note-${note.kind}`} className={note.kind === 'summary' ? 'rounded-lg border border-violet-200 bg-violet-50/60 p-4' : 'rounded-lg border border-slate-200 bg-white p-4'}>
              <div className="mb-1.5 flex items-center gap-2">
                <Badge tone={note.kind === 'summary' ? 'brand' : 'neutral'}>{KIND_LABEL[note.kind] ?? note.kind}</Badge>
                <span className="text-xs text-slate-400">{relativeTime(note.createdAt)}</span>
              </div>
              <p className="whitespace-pre-wrap text-sm text-slate-800">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
