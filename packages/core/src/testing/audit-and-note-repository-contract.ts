import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../domain/audit.js';
import { caseDraft, uniqueToken, useRepositorySet, type RepositoryContractOptions, type RepositorySetFactory } from './repository-contract-support.js';

function auditEntry(caseId: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: randomUUID(),
    caseId,
    at: '2026-01-01T09:00:00.000Z',
    action: 'field-changed',
    field: 'category',
    oldValue: null,
    newValue: 'billing',
    actor: { type: 'ai', id: 'llm' },
    source: 'ai',
    reason: 'predicted from the conversation when the case was created',
    predictor: { id: 'llm', version: '2' },
    confidence: 0.9,
    evidence: [{ messageId: 'm1', quote: 'charged twice' }],
    ...overrides,
  };
}

/** The behaviour every AuditRepository implementation must have. */
export function runAuditRepositoryContract(name: string, factory: RepositorySetFactory, options: RepositoryContractOptions = {}): void {
  describe(`AuditRepository contract: ${name}`, () => {
    const repositories = useRepositorySet(factory, options);

    it('appends entries and lists a case’s entries oldest first, unchanged', async () => {
      const { cases, audit } = repositories();
      const caseRecord = await cases.create(caseDraft());
      const other = await cases.create(caseDraft());
      const created = auditEntry(caseRecord.id, { action: 'case-created', field: undefined, oldValue: undefined, newValue: undefined, predictor: undefined, confidence: undefined, evidence: undefined, actor: { type: 'system' }, source: 'system', reason: 'created' });
      const changed = auditEntry(caseRecord.id, { at: '2026-01-01T09:00:01.000Z' });
      const edited = auditEntry(caseRecord.id, {
        at: '2026-01-01T09:00:02.000Z',
        field: 'amount',
        oldValue: 12.5,
        newValue: true,
        actor: { type: 'user', id: 'user-1', name: 'Agent Smith' },
        source: 'agent',
        reason: 'manual edit',
        predictor: undefined,
        confidence: undefined,
        evidence: undefined,
      });
      await audit.append([created, changed]);
      await audit.append([edited]);
      await audit.append([auditEntry(other.id)]);
      const entries = await audit.listForCase(caseRecord.id);
      expect(entries.map((entry) => entry.id)).toEqual([created.id, changed.id, edited.id]);
      expect(entries[1]).toEqual(changed);
      expect(entries[2]).toMatchObject({ field: 'amount', oldValue: 12.5, newValue: true, actor: { type: 'user', id: 'user-1', name: 'Agent Smith' }, source: 'agent' });
      expect(entries[0]).toMatchObject({ action: 'case-created', source: 'system', actor: { type: 'system' } });
    });

    it('accepts an empty append', async () => {
      const { cases, audit } = repositories();
      const caseRecord = await cases.create(caseDraft());
      await audit.append([]);
      expect(await audit.listForCase(caseRecord.id)).toEqual([]);
    });

    it('lists entries newest first, filtered by case, source, field and time, with paging', async () => {
      const { cases, audit } = repositories();
      const caseRecord = await cases.create(caseDraft());
      const first = auditEntry(caseRecord.id, { at: '2026-01-01T09:00:00.000Z' });
      const second = auditEntry(caseRecord.id, { at: '2026-01-01T10:00:00.000Z', field: 'email', newValue: 'a@b.co' });
      const third = auditEntry(caseRecord.id, { at: '2026-01-01T11:00:00.000Z', source: 'agent', actor: { type: 'user', id: 'u1' } });
      await audit.append([first, second, third]);
      const all = await audit.list({ caseId: caseRecord.id });
      expect(all.total).toBe(3);
      expect(all.items.map((entry) => entry.id)).toEqual([third.id, second.id, first.id]);
      expect((await audit.list({ caseId: caseRecord.id, source: 'agent' })).items.map((entry) => entry.id)).toEqual([third.id]);
      expect((await audit.list({ caseId: caseRecord.id, field: 'email' })).items.map((entry) => entry.id)).toEqual([second.id]);
      expect((await audit.list({ caseId: caseRecord.id, since: '2026-01-01T10:00:00.000Z' })).items.map((entry) => entry.id)).toEqual([third.id, second.id]);
      expect(await audit.list({ caseId: caseRecord.id, page: 2, pageSize: 2 })).toEqual({ items: [first], total: 3 });
    });
  });
}

/** The behaviour every NoteRepository implementation must have. */
export function runNoteRepositoryContract(name: string, factory: RepositorySetFactory, options: RepositoryContractOptions = {}): void {
  describe(`NoteRepository contract: ${name}`, () => {
    const repositories = useRepositorySet(factory, options);

    it('adds notes and lists a case’s notes oldest first', async () => {
      const { cases, notes } = repositories();
      const caseRecord = await cases.create(caseDraft());
      const first = await notes.add({ caseId: caseRecord.id, kind: 'manual', body: 'Called the customer', authorId: 'user-1', dedupeKey: null });
      const second = await notes.add({ caseId: caseRecord.id, kind: 'system', body: 'Linked email', authorId: null, dedupeKey: null });
      expect(first.created).toBe(true);
      expect(first.note).toMatchObject({ id: expect.any(String), caseId: caseRecord.id, kind: 'manual', body: 'Called the customer', authorId: 'user-1' });
      expect(first.note.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect((await notes.listForCase(caseRecord.id)).map((note) => note.id)).toEqual([first.note.id, second.note.id]);
    });

    it('adds a note with a dedupe key only once and returns the existing one', async () => {
      const { cases, notes } = repositories();
      const caseRecord = await cases.create(caseDraft());
      const dedupeKey = `summary:${uniqueToken()}`;
      const first = await notes.add({ caseId: caseRecord.id, kind: 'summary', body: 'First summary', dedupeKey });
      const again = await notes.add({ caseId: caseRecord.id, kind: 'summary', body: 'Second summary', dedupeKey });
      expect(first.created).toBe(true);
      expect(again.created).toBe(false);
      expect(again.note).toEqual(first.note);
      const other = await notes.add({ caseId: caseRecord.id, kind: 'summary', body: 'Other', dedupeKey: `${dedupeKey}-other` });
      expect(other.created).toBe(true);
      expect((await notes.listForCase(caseRecord.id)).map((note) => note.body)).toEqual(['First summary', 'Other']);
    });

    it('allows many notes without a dedupe key', async () => {
      const { cases, notes } = repositories();
      const caseRecord = await cases.create(caseDraft());
      await notes.add({ caseId: caseRecord.id, kind: 'manual', body: 'same text' });
      await notes.add({ caseId: caseRecord.id, kind: 'manual', body: 'same text' });
      expect(await notes.listForCase(caseRecord.id)).toHaveLength(2);
    });
  });
}
