import { describe, expect, it } from 'vitest';
import { buildFieldDefinition } from '../testing/builders.js';
import { createInMemoryCaseEngine } from '../testing/in-memory-case-engine.js';

const fields = [buildFieldDefinition({ key: 'category', label: 'Category', type: 'choice', options: [{ value: 'billing' }] })];

describe('createManualCase', () => {
  it('creates a manual case with agent provenance and audit', async () => {
    const harness = createInMemoryCaseEngine({ fields });
    const created = await harness.engine.createManualCase({ actorId: 'agent-7', title: 'Phone call about a refund', fields: { category: 'billing' }, contactEmail: 'jane@example.com' });
    expect(created).toMatchObject({ number: 'CAS-00001', channel: 'manual', status: 'new', contactEmail: 'jane@example.com', conversationId: null });
    expect(created.fields.category).toMatchObject({ value: 'billing', source: 'agent', actorId: 'agent-7' });
    const audit = await harness.repositories.audit.listForCase(created.id);
    expect(audit.map((entry) => [entry.action, entry.field ?? null])).toEqual([
      ['case-created', null],
      ['field-changed', 'category'],
    ]);
    expect(harness.events.ofType('case.created')).toEqual([{ type: 'case.created', caseId: created.id, conversationId: null, fields: ['category'] }]);
  });

  it('links the case to a conversation, which then gets no second case', async () => {
    const harness = createInMemoryCaseEngine({ fields });
    const conversation = await harness.engine.startConversation({ messages: [{ sender: 'customer', text: 'help' }] });
    const created = await harness.engine.createManualCase({ actorId: 'agent-7', title: 'Help', conversationId: conversation.id });
    expect(created.channel).toBe('chat');
    expect((await harness.repositories.conversations.get(conversation.id))?.caseId).toBe(created.id);
    await expect(harness.engine.createManualCase({ actorId: 'agent-7', title: 'Again', conversationId: conversation.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `conversation ${conversation.id} already has case CAS-00001`,
    });
    expect(await harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'end' })).toMatchObject({ created: false, reason: 'already-exists' });
  });

  it('validates title, status, fields, contact email and the conversation', async () => {
    const harness = createInMemoryCaseEngine({ fields });
    await expect(harness.engine.createManualCase({ actorId: 'a', title: '', status: 'odd', fields: { category: 'x' }, contactEmail: 'bad' })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [
        { path: 'title', message: 'title must not be empty' },
        { path: 'status', message: 'status must be one of new, active, waiting, resolved, closed, got "odd"' },
        { path: 'fields.category', message: 'Category (category): "x" is not one of the allowed options (billing)' },
        { path: 'contactEmail', message: '"bad" is not a valid email address' },
      ],
    });
    await expect(harness.engine.createManualCase({ actorId: 'a', title: 'x', conversationId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('marks a case created as resolved with resolvedAt', async () => {
    const harness = createInMemoryCaseEngine({ fields });
    const created = await harness.engine.createManualCase({ actorId: 'a', title: 'Quick answer', status: 'resolved' });
    expect(created.resolvedAt).toBe('2026-01-01T09:00:00.000Z');
  });
});
