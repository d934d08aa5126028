import type { Note } from '../domain/audit.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { newId, type CaseEngineDeps } from './case-engine-deps.js';

const MAX_NOTE_LENGTH = 20_000;

export interface AddCaseNoteInput {
  caseId: string;
  /** The agent's user id. */
  authorId: string;
  authorName?: string;
  body: unknown;
}

/** An agent adds a note to a case; the note is audited and announced. */
export async function addCaseNote(deps: CaseEngineDeps, input: AddCaseNoteInput): Promise<Note> {
  const body = typeof input.body === 'string' ? input.body.trim() : '';
  if (!body) throw new ValidationError('Invalid note', [{ path: 'body', message: 'note text must not be empty' }]);
  if (body.length > MAX_NOTE_LENGTH) throw new ValidationError('Invalid note', [{ path: 'body', message: `note is ${body.length} characters long; the limit is ${MAX_NOTE_LENGTH}` }]);
  const caseRecord = await deps.cases.get(input.caseId);
  if (!caseRecord) throw new NotFoundError('case', input.caseId);
  const { note } = await deps.notes.add({ caseId: caseRecord.id, kind: 'manual', body, authorId: input.authorId, dedupeKey: null });
  await deps.audit.append([
    {
      id: newId(deps),
      caseId: caseRecord.id,
      at: note.createdAt,
      action: 'note-added',
      actor: { type: 'user', id: input.authorId, ...(input.authorName ? { name: input.authorName } : {}) },
      source: 'agent',
      reason: 'note added by an agent',
    },
  ]);
  await deps.events.publish({ type: 'note.added', caseId: caseRecord.id, noteId: note.id });
  return note;
}
