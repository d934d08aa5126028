import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../domain/errors.js';
import { buildFieldDefinition, buildSettings } from '../testing/builders.js';
import { FakePredictorInstance } from '../testing/fake-predictor.js';
import { createInMemoryCaseEngine } from '../testing/in-memory-case-engine.js';

const fields = [
  buildFieldDefinition({ key: 'category', label: 'Category', type: 'choice', options: [{ value: 'billing' }, { value: 'shipping' }], requiredForCreation: true }),
  buildFieldDefinition({ key: 'orderId', label: 'Order ID', type: 'text', fillOn: ['updates'] }),
  buildFieldDefinition({ key: 'priority', label: 'Priority', type: 'choice', options: [{ value: 'low' }, { value: 'high' }] }),
];

async function caseFromChat(settings = buildSettings({ autoCreateCaseOnAccept: false })) {
  const llm = new FakePredictorInstance({ id: 'llm', answer: [{ field: 'category', value: 'billing', confidence: 0.9 }] });
  const harness = createInMemoryCaseEngine({ fields, settings, predictors: { llm } });
  const conversation = await harness.engine.startConversation({ messages: [{ sender: 'customer', text: 'I was charged twice' }] });
  const created = await harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'accept' });
  if (!created.created) throw new Error(created.message);
  harness.events.clear();
  return { ...harness, llm, conversation, caseRecord: created.case };
}

describe('updateCaseFromConversation', () => {
  it('updates the fields the conversation now supports and names them', async () => {
    const harness = await caseFromChat();
    await harness.engine.postMessage({ conversationId: harness.conversation.id, sender: 'customer', text: 'Order A-77, it is urgent' });
    harness.clock.advance(60_000);
    harness.llm.answerWith([
      { field: 'category', value: 'billing', confidence: 0.9 },
      { field: 'orderId', value: 'A-77', confidence: 0.95, evidence: [{ quote: 'Order A-77' }] },
      { field: 'priority', value: 'high', confidence: 0.8 },
    ]);
    const result = await harness.engine.updateCaseFromConversation({ caseId: harness.caseRecord.id, requestedBy: 'agent-7' });
    expect(result.changed).toEqual(['orderId', 'priority']);
    expect(result.message).toBeUndefined();
    expect(result.case.version).toBe(2);
    expect(result.case.updatedAt).toBe('2026-01-01T09:01:00.000Z');
    expect(result.case.fields.orderId).toMatchObject({ value: 'A-77', source: 'ai', confidence: 0.95, evidence: [{ quote: 'Order A-77' }] });
    expect(harness.llm.calls.at(-1)?.messages.map((message) => message.text)).toEqual(['I was charged twice', 'Order A-77, it is urgent']);
    expect(harness.llm.calls.at(-1)?.currentValues).toEqual({ category: 'billing' });
    expect(harness.events.ofType('case.updated')).toEqual([
      { type: 'case.updated', caseId: harness.caseRecord.id, conversationId: harness.conversation.id, changed: ['orderId', 'priority'] },
    ]);
    const audit = await harness.repositories.audit.list({ caseId: harness.caseRecord.id, field: 'orderId' });
    expect(audit.items[0]).toMatchObject({ oldValue: null, newValue: 'A-77', source: 'ai', reason: 'updated from the conversation at the request of agent agent-7', confidence: 0.95 });
    expect((await harness.repositories.predictionLog.listForCase(harness.caseRecord.id)).map((entry) => entry.trigger)).toEqual(['accept', 'agent-request']);
  });

  it('changes nothing and says so when there is not enough context', async () => {
    const harness = await caseFromChat();
    harness.llm.answerWith([{ field: 'priority', value: 'high', confidence: 0.2 }]);
    const result = await harness.engine.updateCaseFromConversation({ caseId: harness.caseRecord.id });
    expect(result).toMatchObject({ changed: [], message: 'Not enough context in the conversation to update the case' });
    expect(result.case.version).toBe(1);
    expect(harness.events.ofType('case.updated')).toEqual([]);
    expect(result.decisions).toEqual([expect.objectContaining({ field: 'priority', reason: 'below-threshold' })]);
  });

  it('says which values the conversation confirms, and not more', async () => {
    const harness = await caseFromChat();
    const result = await harness.engine.updateCaseFromConversation({ caseId: harness.caseRecord.id });
    expect(result).toMatchObject({ changed: [], changes: [], kept: [], message: 'Not enough context in the conversation to update the case; it confirms the current values of category' });
    harness.llm.answerWith([
      { field: 'category', value: 'billing', confidence: 0.9 },
      { field: 'orderId', value: 'A-77', confidence: 0.95 },
      { field: 'priority', value: 'high', confidence: 0.8 },
    ]);
    await harness.engine.updateCaseFromConversation({ caseId: harness.caseRecord.id });
    const confirmed = await harness.engine.updateCaseFromConversation({ caseId: harness.caseRecord.id });
    expect(confirmed.message).toBe('Nothing to update: the conversation confirms the current values of category, orderId, priority');
    expect(confirmed.summary).toBe('Nothing to update: the conversation confirms the current values of category, orderId, priority.');
  });

  it('names the fields it changed (old and new value) and those it kept because an agent set them, with why', async () => {
    const harness = await caseFromChat();
    harness.llm.answerWith([{ field: 'orderId', value: 'ORD-551203', confidence: 0.95 }]);
    await harness.engine.updateCaseFromConversation({ caseId: harness.caseRecord.id });
    await harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'agent-7', fields: { priority: 'low' } });
    harness.llm.answerWith([{ field: 'orderId', value: 'ORD-551230', confidence: 0.95 }]);
    const result = await harness.engine.updateCaseFromConversation({ caseId: harness.caseRecord.id });
    expect(result.changed).toEqual(['orderId']);
    expect(result.changes).toEqual([{ field: 'orderId', from: 'ORD-551203', to: 'ORD-551230' }]);
    expect(result.kept).toEqual([{ field: 'priority', reason: 'an agent set this field by hand; the AI does not overwrite it' }]);
    expect(result.summary).toBe('Changed orderId (ORD-551203 → ORD-551230). Kept priority: an agent set this field by hand; the AI does not overwrite it.');
  });

  it('never overwrites a field an agent edited, unless the admin allows it', async () => {
    const harness = await caseFromChat();
    await harness.engine.applyManualEdit({ caseId: harness.caseRecord.id, actorId: 'agent-7', fields: { category: 'shipping' } });
    harness.llm.answerWith([{ field: 'category', value: 'billing', confidence: 0.99 }]);
    const protectedResult = await harness.engine.updateCaseFromConversation({ caseId: harness.caseRecord.id });
    expect(protectedResult.changed).toEqual([]);
    expect(protectedResult.message).toBe('Not enough context in the conversation to update the case; fields set by an agent are kept (category)');
    expect(protectedResult.case.fields.category).toMatchObject({ value: 'shipping', source: 'agent', actorId: 'agent-7' });
    expect(harness.llm.calls.at(-1)?.fields.map((field) => field.key)).toEqual(['orderId', 'priority']);

    await harness.repositories.configuration.saveSettings(buildSettings({ allowAiOverrideOfAgentEdits: true }));
    const overridden = await harness.engine.updateCaseFromConversation({ caseId: harness.caseRecord.id });
    expect(overridden.changed).toEqual(['category']);
    expect(overridden.case.fields.category).toMatchObject({ value: 'billing', source: 'ai' });
  });

  it('merges again on a concurrent save and keeps the other writer’s change', async () => {
    const harness = await caseFromChat();
    harness.llm.answerWith([{ field: 'priority', value: 'high', confidence: 0.9 }]);
    const cases = harness.repositories.cases;
    const originalSave = cases.save.bind(cases);
    let interfered = false;
    cases.save = async (record) => {
      if (!interfered) {
        interfered = true;
        const fresh = await cases.get(record.id);
        await originalSave({ ...fresh!, title: 'renamed meanwhile' });
        throw new ConcurrencyError('case', record.number);
      }
      return originalSave(record);
    };
    const result = await harness.engine.updateCaseFromConversation({ caseId: harness.caseRecord.id });
    expect(result.changed).toEqual(['priority']);
    expect(result.case.title).toBe('renamed meanwhile');
    expect(result.case.version).toBe(3);
  });

  it('refuses a case that does not come from a conversation', async () => {
    const harness = await caseFromChat();
    const manual = await harness.engine.createManualCase({ actorId: 'agent-7', title: 'Phone call' });
    await expect(harness.engine.updateCaseFromConversation({ caseId: manual.id })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: `case ${manual.number} was not created from a conversation; there is nothing to update it from`,
    });
    await expect(harness.engine.updateCaseFromConversation({ caseId: 'missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("keeps the email the customer gave in the survey and proposes the one a message names instead", async () => {
    const withEmail = [...fields, buildFieldDefinition({ key: 'customerEmail', label: 'Customer email', type: 'email' })];
    const llm = new FakePredictorInstance({ id: 'llm', answer: [{ field: 'category', value: 'billing', confidence: 0.9 }] });
    const harness = createInMemoryCaseEngine({ fields: withEmail, settings: buildSettings({ autoCreateCaseOnAccept: false }), predictors: { llm } });
    const conversation = await harness.engine.startConversation({ customer: { name: 'Jane', email: 'jane@survey.example' }, messages: [{ sender: 'customer', text: 'I was charged twice' }] });
    const created = await harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'accept' });
    if (!created.created) throw new Error(created.message);
    expect(created.case.fields.customerEmail).toMatchObject({ value: 'jane@survey.example', source: 'channel' });

    await harness.engine.postMessage({ conversationId: conversation.id, sender: 'customer', text: 'my email is jane.work@office.example' });
    llm.answerWith([
      { field: 'category', value: 'billing', confidence: 0.9 },
      { field: 'customerEmail', value: 'jane.work@office.example', confidence: 0.95 },
      { field: 'priority', value: 'high', confidence: 0.9 },
    ]);
    const result = await harness.engine.updateCaseFromConversation({ caseId: created.case.id });
    expect(result.changed).toEqual(['priority']);
    expect(result.case.fields.customerEmail).toMatchObject({ value: 'jane@survey.example', source: 'channel' });
    expect(result.proposals).toEqual([expect.objectContaining({ field: 'customerEmail', value: 'jane.work@office.example', accepted: false, reason: 'source-protected' })]);

    llm.answerWith([{ field: 'customerEmail', value: 'jane.work@office.example', confidence: 0.95 }]);
    const unchanged = await harness.engine.updateCaseFromConversation({ caseId: created.case.id });
    expect(unchanged.message).toBe("Not enough context in the conversation to update the case; values the customer gave are kept, the conversation's are proposed instead (customerEmail)");
  });
});
