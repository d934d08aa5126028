import { describe, expect, it } from 'vitest';
import { createInMemoryCaseEngine } from '../testing/in-memory-case-engine.js';

describe('addCaseNote', () => {
  it('adds a manual note, audits it and announces it', async () => {
    const harness = createInMemoryCaseEngine();
    const caseRecord = await harness.engine.createManualCase({ actorId: 'agent-7', title: 'Call back' });
    const note = await harness.engine.addCaseNote({ caseId: caseRecord.id, authorId: 'agent-7', authorName: 'Sam', body: '  Customer prefers email  ' });
    expect(note).toMatchObject({ caseId: caseRecord.id, kind: 'manual', body: 'Customer prefers email', authorId: 'agent-7' });
    expect(await harness.repositories.notes.listForCase(caseRecord.id)).toEqual([note]);
    expect((await harness.repositories.audit.listForCase(caseRecord.id)).at(-1)).toMatchObject({ action: 'note-added', source: 'agent', actor: { type: 'user', id: 'agent-7', name: 'Sam' } });
    expect(harness.events.ofType('note.added')).toEqual([{ type: 'note.added', caseId: caseRecord.id, noteId: note.id }]);
  });

  it('rejects an empty note and an unknown case', async () => {
    const harness = createInMemoryCaseEngine();
    await expect(harness.engine.addCaseNote({ caseId: 'x', authorId: 'a', body: ' ' })).rejects.toMatchObject({ code: 'VALIDATION', message: 'Invalid note: body: note text must not be empty' });
    await expect(harness.engine.addCaseNote({ caseId: 'missing', authorId: 'a', body: 'hi' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
