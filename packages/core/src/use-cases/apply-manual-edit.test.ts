import { describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/errors.js';
import { buildFieldDefinition } from '../testing/builders.js';
import { createInMemoryCaseEngine } from '../testing/in-memory-case-engine.js';

const fields = [
  buildFieldDefinition({ key: 'category', label: 'Category', type: 'choice', options: [{ value: 'billing' }, { value: 'shipping' }] }),
  buildFieldDefinition({ key: 'email', label: 'Email', type: 'email' }),
  buildFieldDefinition({ key: 'amount', label: 'Amount', type: 'number' }),
];

async function setup() {
  const harness = createInMemoryCaseEngine({ fields });
  const caseRecord = await harness.repositories.cases.create({
    title: 'Charged twice',
    status: 'new',
    channel: 'chat',
    fields: { category: { value: 'billing', source: 'ai', updatedAt: '2026-01-01T08:00:00.000Z', confidence: 0.9, predictor: { id: 'llm', version: '1' } } },
    conversationId: null,
    contactEmail: null,
  });
  harness.clock.advance(1000);
  return { ...harness, caseRecord };
}

describe('applyManualEdit', () => {
  it('sets provenance agent with the actor, audits every change and publishes case.updated', async () => {
    const harness = await setup();
    const result = await harness.engine.applyManualEdit({
      caseId: harness.caseRecord.id,
      actorId: 'agent-7',
      actorName: 'Sam',
      fields: { category: 'shipping', email: 'jane@example.com', amount: '12.5' },
    });
    expect(result.changed).toEqual(['category', 'email', 'amount']);
    expect(result.case.version).toBe(2);
    expect(result.case.fields.category).toEqual({ value: 'shipping', source: 'agent', updatedAt: '2026-01-01T09:00:01.000Z', actorId: 'agent-7' });
    expect(result.case.fields.amount?.value).toBe(12.5);
    const audit = await harness.repositories.audit.listForCase(harness.caseRecord.id);
    expect(audit[0]).toMatchObject({ action: 'field-changed', field: 'category', oldValue: 'billing', newValue: 'shipping', source: 'agent', actor: { type: 'user', id: 'agent-7', name: 'Sam' }, reason: 'edited by an agent' });
    expect(audit).toHaveLength(3);
    expect(harness.events.ofType('case.updated')).toEqual([{ type: 'case.updated', caseId: harness.caseRecord.id, conversationId: null, changed: ['category', 'email', 'amount'] }]);
  });

  it('changes title and status, setting and clearing resolvedAt, and audits a reopening', async () => {
    const harness = await setup();
    const resolved = await harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'a', title: '  Refund   needed ', status: 'resolved' });
    expect(resolved.changed).toEqual(['title', 'status']);
    expect(resolved.case).toMatchObject({ title: 'Refund needed', status: 'resolved', resolvedAt: '2026-01-01T09:00:01.000Z' });
    const reopened = await harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'a', status: 'active' });
    expect(reopened.case.resolvedAt).toBeNull();
    const audit = await harness.repositories.audit.listForCase(harness.caseRecord.id);
    expect(audit.map((entry) => [entry.action, entry.oldValue, entry.newValue])).toEqual([
      ['field-changed', 'Charged twice', 'Refund needed'],
      ['status-changed', 'new', 'resolved'],
      ['case-reopened', 'resolved', 'active'],
    ]);
  });

  it('rejects invalid values with an error naming every bad field', async () => {
    const harness = await setup();
    const attempt = harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'a', status: 'done', fields: { category: 'refund', email: 'nope', colour: 'red' } });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [
        { path: 'status', message: 'status must be one of new, active, waiting, resolved, closed, got "done"' },
        { path: 'fields.category', message: 'Category (category): "refund" is not one of the allowed options (billing, shipping)' },
        { path: 'fields.email', message: 'Email (email): "nope" is not a valid email address' },
        { path: 'fields.colour', message: 'unknown field; the case fields are: category, email, amount' },
      ],
    });
    expect((await harness.repositories.cases.get(harness.caseRecord.id))?.version).toBe(1);
  });

  it('rejects an empty title and an edit with nothing in it', async () => {
    const harness = await setup();
    await expect(harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'a', title: '  ' })).rejects.toMatchObject({ message: 'Invalid edit of case CAS-00001: title: title must not be empty' });
    await expect(harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'a' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('clears a field with null and keeps it as an agent decision', async () => {
    const harness = await setup();
    const result = await harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'a', fields: { category: null } });
    expect(result.case.fields.category).toMatchObject({ value: null, source: 'agent' });
  });

  it('does nothing when the values are unchanged', async () => {
    const harness = await setup();
    const result = await harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'a', title: 'Charged twice', fields: { category: 'billing', email: null } });
    expect(result.changed).toEqual([]);
    expect(result.case.version).toBe(1);
    expect(harness.events.events).toEqual([]);
  });

  it('refuses an edit based on a stale version and an unknown case', async () => {
    const harness = await setup();
    await expect(harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'a', expectedVersion: 7, title: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(harness.engine.applyManualEdit({ caseId: 'missing', actorId: 'a', title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('merges an edit without expectedVersion with an AI update of other fields saved meanwhile', async () => {
    const harness = await setup();
    const cases = harness.repositories.cases;
    const save = cases.save.bind(cases);
    let raced = false;
    cases.save = async (next) => {
      if (!raced) {
        raced = true;
        const current = (await cases.get(next.id))!;
        await save({ ...current, fields: { ...current.fields, email: { value: 'ai@example.com', source: 'ai', updatedAt: current.updatedAt } } });
      }
      return save(next);
    };
    const result = await harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'agent-7', fields: { amount: '3' } });
    expect(result.changed).toEqual(['amount']);
    expect(result.case.fields.amount).toMatchObject({ value: 3, source: 'agent' });
    expect(result.case.fields.email).toMatchObject({ value: 'ai@example.com', source: 'ai' });
    expect(result.case.version).toBe(3);
  });

  it('refuses with CONFLICT an edit of a field that changed under the agent, and any race when expectedVersion is given', async () => {
    const harness = await setup();
    const cases = harness.repositories.cases;
    const save = cases.save.bind(cases);
    let races = 0;
    cases.save = async (next) => {
      if (races < 2) {
        races += 1;
        const current = (await cases.get(next.id))!;
        await save({ ...current, fields: { ...current.fields, category: { value: 'shipping', source: 'ai', updatedAt: current.updatedAt } } });
      }
      return save(next);
    };
    await expect(harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'agent-7', fields: { category: 'billing', amount: '3' } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('category now has another value'),
    });
    const latest = (await cases.get(harness.caseRecord.id))!;
    await expect(harness.engine.applyManualEdit({ caseId: latest.id, actorId: 'agent-7', expectedVersion: latest.version, fields: { amount: '4' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await cases.get(latest.id))!.fields.amount).toBeUndefined();
  });
});
