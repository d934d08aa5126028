import { describe, expect, it } from 'vitest';
import type { Settings } from '../domain/settings.js';
import { PluginError } from '../plugins/errors.js';
import { buildFieldDefinition, buildSettings } from '../testing/builders.js';
import { FakePredictorInstance } from '../testing/fake-predictor.js';
import { FakeSummarizer } from '../testing/fake-summarizer.js';
import { createInMemoryCaseEngine } from '../testing/in-memory-case-engine.js';

const fields = [
  buildFieldDefinition({ key: 'category', label: 'Category', type: 'choice', options: [{ value: 'billing' }, { value: 'shipping' }], requiredForCreation: true }),
  buildFieldDefinition({ key: 'orderId', label: 'Order ID', type: 'text' }),
];
const billing = { field: 'category', value: 'billing', confidence: 0.9 };

function setup(settings: Partial<Settings> = {}, withSummarizer = true) {
  const llm = new FakePredictorInstance({ id: 'llm' });
  const summarizer = new FakeSummarizer({ text: 'Customer was charged twice; refund issued.' });
  const harness = createInMemoryCaseEngine({ fields, settings: buildSettings(settings), predictors: { llm }, ...(withSummarizer ? { summarizer } : {}) });
  return { ...harness, llm, summarizer };
}

async function waitingChat(harness: ReturnType<typeof setup>) {
  return harness.engine.startConversation({ messages: [{ sender: 'customer', text: 'I was charged twice' }] });
}

describe('acceptConversation', () => {
  it('activates the conversation and creates the case when there is enough context', async () => {
    const harness = setup();
    harness.llm.answerWith([billing]);
    const conversation = await waitingChat(harness);
    const result = await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7' });
    expect(result.conversation).toMatchObject({ state: 'active', agentId: 'agent-7', acceptedAt: '2026-01-01T09:00:00.000Z' });
    expect(result.caseOutcome.created).toBe(true);
    expect(result.conversation.caseId).toBe(result.caseOutcome.created ? result.caseOutcome.case.id : 'missing');
    expect(harness.events.events.map((event) => event.type)).toEqual(['conversation.waiting', 'conversation.updated', 'case.created']);
  });

  it('creates no case without enough context, then creates it when the conversation ends', async () => {
    const harness = setup();
    const conversation = await waitingChat(harness);
    const accepted = await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7' });
    expect(accepted.caseOutcome).toMatchObject({ created: false, reason: 'not-enough-context', missing: ['category'] });
    expect(accepted.conversation.caseId).toBeNull();
    await harness.engine.postMessage({ conversationId: conversation.id, sender: 'customer', text: 'It is a billing problem' });
    harness.llm.answerWith([billing]);
    const ended = await harness.engine.endConversation({ conversationId: conversation.id });
    expect(ended.caseOutcome).toMatchObject({ created: true, message: expect.stringContaining('created autonomously when the conversation ended') });
    expect(ended.conversation).toMatchObject({ state: 'closed', endedAt: '2026-01-01T09:00:00.000Z' });
    expect(ended.conversation.caseId).toEqual(expect.any(String));
  });

  it('does not create a case on accept when the admin switched it off', async () => {
    const harness = setup({ autoCreateCaseOnAccept: false });
    harness.llm.answerWith([billing]);
    const conversation = await waitingChat(harness);
    const result = await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7' });
    expect(result.caseOutcome).toEqual({ created: false, reason: 'disabled', message: 'Automatic case creation on accept is switched off' });
    expect(harness.llm.calls).toEqual([]);
  });

  it('still accepts when prediction fails, reporting whether to retry', async () => {
    const harness = setup();
    harness.llm.failWith(new PluginError('TEMPORARY', 'provider down'));
    const conversation = await waitingChat(harness);
    const result = await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7' });
    expect(result.conversation.state).toBe('active');
    expect(result.caseOutcome).toEqual({ created: false, reason: 'prediction-failed', message: 'The case could not be created: provider down', retryable: true });
  });

  it('refuses to accept a conversation that is not waiting', async () => {
    const harness = setup();
    const conversation = await waitingChat(harness);
    await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7' });
    await expect(harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-8' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `conversation ${conversation.id} was already accepted by agent agent-7`,
      details: { agentId: 'agent-7', state: 'active' },
    });
    const ended = await waitingChat(harness);
    await harness.engine.endConversation({ conversationId: ended.id });
    await expect(harness.engine.acceptConversation({ conversationId: ended.id, agentId: 'agent-8' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: `conversation ${ended.id} is closed; only a waiting conversation can be accepted`,
    });
    await expect(harness.engine.acceptConversation({ conversationId: 'nope', agentId: 'a' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(harness.engine.acceptConversation({ conversationId: conversation.id, agentId: ' ' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('wrapUpConversation', () => {
  it('creates the case when none exists', async () => {
    const harness = setup({ autoCreateCaseOnAccept: false });
    harness.llm.answerWith([billing]);
    const conversation = await waitingChat(harness);
    await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7' });
    const result = await harness.engine.wrapUpConversation({ conversationId: conversation.id });
    expect(result.conversation.state).toBe('wrap-up');
    expect(result.caseOutcome).toMatchObject({ created: true, message: expect.stringContaining('wrap-up') });
    expect(result.caseUpdate).toBeUndefined();
  });

  it('updates the existing case’s fields', async () => {
    const harness = setup();
    harness.llm.answerWith([billing]);
    const conversation = await waitingChat(harness);
    await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7' });
    harness.llm.answerWith([billing, { field: 'orderId', value: 'A-77', confidence: 0.9 }]);
    const result = await harness.engine.wrapUpConversation({ conversationId: conversation.id });
    expect(result.caseOutcome).toBeUndefined();
    expect(result.caseUpdate).toMatchObject({ changed: ['orderId'] });
    const audit = await harness.repositories.audit.list({ field: 'orderId' });
    expect(audit.items[0]?.reason).toBe('updated from the conversation when it moved to wrap-up');
  });

  it('reports a failed update without failing the wrap-up', async () => {
    const harness = setup();
    harness.llm.answerWith([billing]);
    const conversation = await waitingChat(harness);
    await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7' });
    harness.llm.failWith(new PluginError('RATE_LIMITED', 'slow down'));
    const result = await harness.engine.wrapUpConversation({ conversationId: conversation.id });
    expect(result.conversation.state).toBe('wrap-up');
    expect(result.caseUpdate).toEqual({ changed: [], message: 'The case could not be updated: slow down', retryable: true });
  });

  it('refuses wrap-up unless the conversation is active', async () => {
    const harness = setup();
    const conversation = await waitingChat(harness);
    await expect(harness.engine.wrapUpConversation({ conversationId: conversation.id })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: `conversation ${conversation.id} is waiting; only an active conversation can move to wrap-up`,
    });
  });
});

describe('endConversation', () => {
  async function endedWithCase(harness: ReturnType<typeof setup>) {
    harness.llm.answerWith([billing]);
    const conversation = await waitingChat(harness);
    await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7' });
    await harness.engine.postMessage({ conversationId: conversation.id, sender: 'agent', text: 'Refund issued' });
    return { conversation, ended: await harness.engine.endConversation({ conversationId: conversation.id }) };
  }

  it('adds the summary note once, even when ended twice', async () => {
    const harness = setup();
    const { conversation, ended } = await endedWithCase(harness);
    expect(ended.alreadyEnded).toBe(false);
    expect(ended.caseOutcome).toMatchObject({ created: false, reason: 'already-exists' });
    expect(ended.summaryNote).toMatchObject({ created: true, note: { kind: 'summary', body: 'Customer was charged twice; refund issued.', dedupeKey: `summary:${conversation.id}` } });
    expect(harness.summarizer.calls[0]?.messages.map((message) => message.author)).toEqual(['customer', 'agent']);
    expect(harness.summarizer.calls[0]?.format).toBe('paragraph');
    const again = await harness.engine.endConversation({ conversationId: conversation.id });
    expect(again.alreadyEnded).toBe(true);
    expect(again.summaryNote).toMatchObject({ created: false, reason: 'already-exists' });
    const caseId = ended.conversation.caseId!;
    expect(await harness.repositories.notes.listForCase(caseId)).toHaveLength(1);
    expect(harness.summarizer.calls).toHaveLength(1);
    expect(harness.events.ofType('note.added')).toHaveLength(1);
    expect((await harness.repositories.audit.listForCase(caseId)).map((entry) => entry.action)).toContain('note-added');
  });

  it('adds no summary note when the admin switched it off or no summarizer is configured', async () => {
    const off = setup({ summaryNoteOnChatEnd: false });
    expect((await endedWithCase(off)).ended.summaryNote).toMatchObject({ created: false, reason: 'disabled' });
    expect(off.summarizer.calls).toEqual([]);
    const none = setup({}, false);
    expect((await endedWithCase(none)).ended.summaryNote).toMatchObject({ created: false, reason: 'no-summarizer' });
  });

  it('reports a summarizer failure without failing the end', async () => {
    const harness = setup();
    harness.summarizer.failWith(new Error('model unavailable'));
    const { ended } = await endedWithCase(harness);
    expect(ended.conversation.state).toBe('closed');
    expect(ended.summaryNote).toEqual({ created: false, reason: 'failed', message: 'The summarizer failed: model unavailable' });
  });

  it('ends without a case or note when there is still not enough context', async () => {
    const harness = setup();
    const conversation = await waitingChat(harness);
    const ended = await harness.engine.endConversation({ conversationId: conversation.id });
    expect(ended.caseOutcome).toMatchObject({ created: false, reason: 'not-enough-context' });
    expect(ended.summaryNote).toMatchObject({ created: false, reason: 'no-case' });
  });

  it('never makes a second case when an agent created one by hand', async () => {
    const harness = setup({ autoCreateCaseOnAccept: false });
    harness.llm.answerWith([billing]);
    const conversation = await waitingChat(harness);
    await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-7' });
    const manual = await harness.engine.createManualCase({ actorId: 'agent-7', title: 'By hand', conversationId: conversation.id });
    const ended = await harness.engine.endConversation({ conversationId: conversation.id });
    expect(ended.caseOutcome).toMatchObject({ created: false, reason: 'already-exists', case: { id: manual.id } });
    expect((await harness.repositories.cases.list({})).total).toBe(1);
    expect(ended.summaryNote).toMatchObject({ created: true, note: { caseId: manual.id } });
  });
});
