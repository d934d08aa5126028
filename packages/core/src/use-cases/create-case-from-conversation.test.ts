import { describe, expect, it } from 'vitest';
import { PluginError } from '../plugins/errors.js';
import { buildFieldDefinition, buildSettings } from '../testing/builders.js';
import { FakePredictorInstance } from '../testing/fake-predictor.js';
import { createInMemoryCaseEngine } from '../testing/in-memory-case-engine.js';

const fields = [
  buildFieldDefinition({ key: 'category', label: 'Category', type: 'choice', options: [{ value: 'billing' }, { value: 'shipping' }], requiredForCreation: true }),
  buildFieldDefinition({ key: 'email', label: 'Email', type: 'email', requiredForCreation: true }),
  buildFieldDefinition({ key: 'orderId', label: 'Order ID', type: 'text' }),
];

function setup(answer: ConstructorParameters<typeof FakePredictorInstance>[0] = {}) {
  const llm = new FakePredictorInstance({ id: 'llm', ...answer });
  const harness = createInMemoryCaseEngine({ fields, settings: buildSettings({ autoCreateCaseOnAccept: false }), predictors: { llm } });
  return { ...harness, llm };
}

async function startChat(harness: ReturnType<typeof setup>, context: Record<string, string> = {}) {
  return harness.engine.startConversation({
    customer: { name: 'Jane Doe' },
    context,
    messages: [{ sender: 'customer', text: 'I was charged twice for order A-77' }],
  });
}

describe('createCaseFromConversation', () => {
  it('creates the case when every required field has a value, mapping context and predicting the rest', async () => {
    const harness = setup({ answer: [{ field: 'category', value: 'billing', confidence: 0.9, evidence: [{ quote: 'charged twice' }] }, { field: 'orderId', value: 'A-77', confidence: 0.95 }] });
    const conversation = await startChat(harness, { email: 'jane@example.com' });
    const result = await harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'accept' });
    if (!result.created) throw new Error(`expected a case: ${result.message}`);
    expect(result.case).toMatchObject({ number: 'CAS-00001', title: 'I was charged twice for order A-77', status: 'new', channel: 'chat', conversationId: conversation.id, contactEmail: 'jane@example.com' });
    expect(result.case.fields.email).toMatchObject({ value: 'jane@example.com', source: 'channel' });
    expect(result.case.fields.category).toMatchObject({ value: 'billing', source: 'ai', confidence: 0.9, predictor: { id: 'llm', version: '1.0.0' }, evidence: [{ quote: 'charged twice' }] });
    expect(result.fields).toEqual(['category', 'email', 'orderId']);
    expect((await harness.repositories.conversations.get(conversation.id))?.caseId).toBe(result.case.id);
    expect(harness.events.ofType('case.created')).toEqual([{ type: 'case.created', caseId: result.case.id, conversationId: conversation.id, fields: ['category', 'email', 'orderId'] }]);
    const audit = await harness.repositories.audit.listForCase(result.case.id);
    expect(audit.map((entry) => [entry.action, entry.field, entry.source])).toEqual([
      ['case-created', undefined, 'system'],
      ['field-changed', 'email', 'channel'],
      ['field-changed', 'category', 'ai'],
      ['field-changed', 'orderId', 'ai'],
    ]);
    expect(audit[0]?.reason).toBe('created autonomously when an agent accepted the conversation');
    const log = await harness.repositories.predictionLog.listForCase(result.case.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ scope: 'chatCreation', trigger: 'accept', changed: ['category', 'orderId'] });
  });

  it('asks predictors with the transcript, the context and the channel values', async () => {
    const harness = setup();
    const conversation = await startChat(harness, { email: 'jane@example.com' });
    await harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'accept' });
    const call = harness.llm.calls[0];
    expect(call?.messages).toEqual([{ id: conversation.messages[0]?.id, author: 'customer', text: 'I was charged twice for order A-77', at: conversation.messages[0]?.at }]);
    expect(call?.context).toMatchObject({ channel: 'chat', customerName: 'Jane Doe', email: 'jane@example.com' });
    expect(call?.currentValues).toEqual({ email: 'jane@example.com' });
    expect(call?.channel).toBe('chat');
  });

  it('does not create a case without enough context and says which fields are missing', async () => {
    const harness = setup({ answer: [{ field: 'category', value: 'billing', confidence: 0.3 }] });
    const conversation = await startChat(harness);
    const result = await harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'accept' });
    expect(result).toMatchObject({ created: false, reason: 'not-enough-context', missing: ['category', 'email'], message: 'Not enough context yet: no value could be predicted for Category, Email' });
    expect(!result.created && result.reason === 'not-enough-context' && result.decisions).toEqual([expect.objectContaining({ reason: 'below-threshold' })]);
    expect(!result.created && result.reason === 'not-enough-context' && result.abstentions).toEqual([
      { field: 'category', reason: 'all-rejected', detail: 'llm: confidence 0.3 is below the field threshold 0.7' },
      { field: 'email', reason: 'no-prediction', detail: 'no predictor proposed a value' },
      { field: 'orderId', reason: 'no-prediction', detail: 'no predictor proposed a value' },
    ]);
    expect((await harness.repositories.cases.list({})).total).toBe(0);
    expect(harness.events.ofType('case.created')).toEqual([]);
  });

  it('keeps the channel value over a conflicting prediction at creation', async () => {
    const harness = setup({ answer: [{ field: 'category', value: 'billing', confidence: 0.9 }, { field: 'email', value: 'other@example.com', confidence: 0.99 }] });
    const conversation = await startChat(harness, { email: 'jane@example.com' });
    const result = await harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'end' });
    expect(result.created && result.case.fields.email?.value).toBe('jane@example.com');
    expect(harness.llm.calls[0]?.fields.map((field) => field.key)).toEqual(['category', 'orderId']);
    expect(result.created && result.abstentions).toContainEqual({ field: 'email', reason: 'kept-existing-value', detail: 'the value came from channel and is kept' });
  });

  it('never creates a second case for a conversation', async () => {
    const harness = setup({ answer: [{ field: 'category', value: 'billing', confidence: 0.9 }] });
    const conversation = await startChat(harness, { email: 'jane@example.com' });
    const first = await harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'accept' });
    const second = await harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'end' });
    expect(second).toMatchObject({ created: false, reason: 'already-exists', message: 'The conversation already has case CAS-00001' });
    expect(first.created && !second.created && second.reason === 'already-exists' && second.case.id === first.case.id).toBe(true);
    expect((await harness.repositories.cases.list({})).total).toBe(1);
    expect(harness.llm.calls).toHaveLength(1);
  });

  it('finds a case created for the conversation even when the conversation does not point to it', async () => {
    const harness = setup();
    const conversation = await startChat(harness);
    const manual = await harness.repositories.cases.create({ title: 'x', status: 'new', channel: 'chat', fields: {}, conversationId: conversation.id, contactEmail: null });
    const result = await harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'end' });
    expect(result).toMatchObject({ created: false, reason: 'already-exists' });
    expect((await harness.repositories.conversations.get(conversation.id))?.caseId).toBe(manual.id);
  });

  it('rethrows when every predictor failed with a retryable error', async () => {
    const harness = setup();
    harness.llm.failWith(new PluginError('RATE_LIMITED', 'slow down'));
    const conversation = await startChat(harness, { email: 'jane@example.com' });
    await expect(harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'accept' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('fails with NOT_FOUND for an unknown conversation', async () => {
    await expect(setup().engine.createCaseFromConversation({ conversationId: 'nope', trigger: 'accept' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'conversation nope not found' });
  });
});
