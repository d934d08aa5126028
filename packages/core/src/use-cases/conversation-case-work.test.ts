import { describe, expect, it } from 'vitest';
import { PluginError } from '../plugins/errors.js';
import { buildFieldDefinition, buildSettings } from '../testing/builders.js';
import { FakePredictorInstance } from '../testing/fake-predictor.js';
import { FakeSummarizer } from '../testing/fake-summarizer.js';
import { createInMemoryCaseEngine } from '../testing/in-memory-case-engine.js';

const fields = [
  buildFieldDefinition({ key: 'category', label: 'Category', type: 'choice', options: [{ value: 'billing' }], requiredForCreation: true }),
  buildFieldDefinition({ key: 'orderId', label: 'Order ID', type: 'text' }),
];

function setup() {
  const llm = new FakePredictorInstance({ id: 'llm', answer: [{ field: 'category', value: 'billing', confidence: 0.9 }] });
  const harness = createInMemoryCaseEngine({ fields, settings: buildSettings(), predictors: { llm }, summarizer: new FakeSummarizer({ text: 'Billing question answered.' }) });
  return { ...harness, llm };
}

async function chat(harness: ReturnType<typeof setup>) {
  return harness.engine.startConversation({ messages: [{ sender: 'customer', text: 'I was charged twice' }] });
}

describe('deferred case work', () => {
  it('accept with deferCaseWork only changes the state; the job creates the case later', async () => {
    const harness = setup();
    const conversation = await chat(harness);
    const accepted = await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7', deferCaseWork: true });
    expect(accepted.caseOutcome).toEqual({ created: false, reason: 'deferred', message: 'The case work was queued' });
    expect(harness.llm.calls).toEqual([]);
    const created = await harness.engine.createCaseFromConversation({ conversationId: conversation.id, trigger: 'accept' });
    expect(created.created).toBe(true);
  });

  it('still reports creation as disabled when the admin switched it off, even when deferred', async () => {
    const harness = setup();
    await harness.repositories.configuration.saveSettings(buildSettings({ autoCreateCaseOnAccept: false }));
    const conversation = await chat(harness);
    const accepted = await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7', deferCaseWork: true });
    expect(accepted.caseOutcome).toMatchObject({ reason: 'disabled' });
  });

  it('wrap-up work creates the case when none exists, then updates it', async () => {
    const harness = setup();
    const conversation = await chat(harness);
    await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7', deferCaseWork: true });
    const wrapped = await harness.engine.wrapUpConversation({ conversationId: conversation.id, deferCaseWork: true });
    expect(wrapped).toMatchObject({ conversation: { state: 'wrap-up' }, caseOutcome: { reason: 'deferred' } });
    const first = await harness.engine.createOrUpdateCaseAtWrapUp({ conversationId: conversation.id });
    expect(first).toMatchObject({ kind: 'created', caseOutcome: { created: true } });
    harness.llm.answerWith([{ field: 'category', value: 'billing', confidence: 0.9 }, { field: 'orderId', value: 'A-1', confidence: 0.9 }]);
    const second = await harness.engine.createOrUpdateCaseAtWrapUp({ conversationId: conversation.id });
    expect(second).toMatchObject({ kind: 'updated', caseUpdate: { changed: ['orderId'] } });
  });

  it('wrap-up work throws a retryable prediction failure so the job is retried', async () => {
    const harness = setup();
    harness.llm.failWith(new PluginError('TEMPORARY', 'provider down'));
    const conversation = await chat(harness);
    await expect(harness.engine.createOrUpdateCaseAtWrapUp({ conversationId: conversation.id })).rejects.toMatchObject({ code: 'TEMPORARY' });
  });

  it('end work creates the case and the summary note once, however often it runs', async () => {
    const harness = setup();
    const conversation = await chat(harness);
    const ended = await harness.engine.endConversation({ conversationId: conversation.id, deferCaseWork: true });
    expect(ended).toMatchObject({ alreadyEnded: false, caseOutcome: { reason: 'deferred' }, summaryNote: { reason: 'deferred' }, conversation: { state: 'closed' } });
    const first = await harness.engine.completeEndedConversation({ conversationId: conversation.id });
    const second = await harness.engine.completeEndedConversation({ conversationId: conversation.id });
    expect(first).toMatchObject({ caseOutcome: { created: true }, summaryNote: { created: true, note: { body: 'Billing question answered.' } } });
    expect(second).toMatchObject({ caseOutcome: { created: false, reason: 'already-exists' }, summaryNote: { created: false, reason: 'already-exists' } });
    expect((await harness.repositories.cases.list({})).total).toBe(1);
  });

  it('end work fails with NOT_FOUND for an unknown conversation', async () => {
    await expect(setup().engine.completeEndedConversation({ conversationId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
