import { describe, expect, it } from 'vitest';
import { buildFieldDefinition, buildSettings } from '../testing/builders.js';
import { FakePredictorInstance } from '../testing/fake-predictor.js';
import { createInMemoryCaseEngine } from '../testing/in-memory-case-engine.js';

const fields = [buildFieldDefinition({ key: 'category', label: 'Category', type: 'choice', options: [{ value: 'billing' }], requiredForCreation: true })];

function setup() {
  const llm = new FakePredictorInstance({ id: 'llm', answer: [{ field: 'category', value: 'billing', confidence: 0.9 }] });
  return createInMemoryCaseEngine({ fields, settings: buildSettings({ autoCreateCaseOnAccept: false }), predictors: { llm } });
}

async function waitingChat(harness: ReturnType<typeof setup>) {
  return harness.engine.startConversation({ messages: [{ sender: 'customer', text: 'I was charged twice' }] });
}

function settledOutcomes<T>(results: PromiseSettledResult<T>[]) {
  return {
    won: results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    lost: results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : [])),
  };
}

describe('racing conversation transitions', () => {
  it('gives a waiting conversation to exactly one of two agents accepting at once; the other is told who has it', async () => {
    const harness = setup();
    const conversation = await waitingChat(harness);
    const { won, lost } = settledOutcomes(
      await Promise.allSettled(['agent-1', 'agent-2'].map((agentId) => harness.engine.acceptConversation({ conversationId: conversation.id, agentId }))),
    );
    expect(won).toHaveLength(1);
    const winner = won[0]!.conversation.agentId;
    expect(lost).toEqual([expect.objectContaining({ code: 'CONFLICT', message: `conversation ${conversation.id} was already accepted by agent ${winner}` })]);
    expect(await harness.repositories.conversations.get(conversation.id)).toMatchObject({ state: 'active', agentId: winner });
    expect(harness.events.ofType('conversation.updated')).toHaveLength(1);
  });

  it('moves to wrap-up once when two requests race; the other gets a conflict', async () => {
    const harness = setup();
    const conversation = await waitingChat(harness);
    await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-1' });
    const { won, lost } = settledOutcomes(await Promise.allSettled([1, 2].map(() => harness.engine.wrapUpConversation({ conversationId: conversation.id, deferCaseWork: true }))));
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.objectContaining({ code: 'CONFLICT', message: `conversation ${conversation.id} is already in wrap-up` })]);
    expect(harness.events.ofType('conversation.updated').map((event) => event.state)).toEqual(['active', 'wrap-up']);
  });

  it('ends once when two requests race: one closes the conversation, the other learns it was already ended', async () => {
    const harness = setup();
    const conversation = await waitingChat(harness);
    await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-1' });
    const results = await Promise.all([1, 2].map(() => harness.engine.endConversation({ conversationId: conversation.id, deferCaseWork: true })));
    expect(results.map((result) => result.alreadyEnded).sort()).toEqual([false, true]);
    expect(results.every((result) => result.conversation.state === 'closed')).toBe(true);
    expect(harness.events.ofType('conversation.updated').map((event) => event.state)).toEqual(['active', 'closed']);
  });

  it('lets an end that raced a wrap-up still close the conversation, and the late wrap-up is refused', async () => {
    const harness = setup();
    const conversation = await waitingChat(harness);
    await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-1' });
    const [wrapUp, end] = await Promise.allSettled([
      harness.engine.wrapUpConversation({ conversationId: conversation.id, deferCaseWork: true }),
      harness.engine.endConversation({ conversationId: conversation.id, deferCaseWork: true }),
    ]);
    expect(end).toMatchObject({ status: 'fulfilled', value: { alreadyEnded: false, conversation: { state: 'closed' } } });
    expect(wrapUp.status === 'fulfilled' || (wrapUp.reason as { code?: string }).code === 'INVALID_STATE').toBe(true);
    expect((await harness.repositories.conversations.get(conversation.id))?.state).toBe('closed');
  });

  it('keeps a case link made while a transition was in flight', async () => {
    const harness = setup();
    const conversation = await waitingChat(harness);
    await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: 'agent-1' });
    const [manual] = await Promise.all([
      harness.engine.createManualCase({ actorId: 'agent-1', title: 'By hand', conversationId: conversation.id }),
      harness.engine.wrapUpConversation({ conversationId: conversation.id, deferCaseWork: true }),
    ]);
    expect(await harness.repositories.conversations.get(conversation.id)).toMatchObject({ state: 'wrap-up', caseId: manual.id });
  });
});
