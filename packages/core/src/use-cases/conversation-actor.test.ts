import { describe, expect, it } from 'vitest';
import { createInMemoryCaseEngine } from '../testing/in-memory-case-engine.js';

const ALEX = { id: 'agent-alex', mayActOnOthersChats: false };
const BLAKE = { id: 'agent-blake', mayActOnOthersChats: false };
const SUPERVISOR = { id: 'supervisor-sam', mayActOnOthersChats: true };

async function acceptedByAlex() {
  const harness = createInMemoryCaseEngine();
  const conversation = await harness.engine.startConversation({ messages: [{ sender: 'customer', text: 'Hello' }] });
  await harness.engine.acceptConversation({ conversationId: conversation.id, agentId: ALEX.id, deferCaseWork: true });
  return { harness, id: conversation.id };
}

describe('who may act on an accepted chat', () => {
  it('refuses another agent’s reply, wrap-up and end, and changes nothing', async () => {
    const { harness, id } = await acceptedByAlex();
    await expect(harness.engine.postMessage({ conversationId: id, sender: 'agent', text: 'Hi, Blake here', actor: BLAKE })).rejects.toMatchObject({ code: 'FORBIDDEN', details: { agentId: ALEX.id } });
    await expect(harness.engine.wrapUpConversation({ conversationId: id, actor: BLAKE, deferCaseWork: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(harness.engine.endConversation({ conversationId: id, actor: BLAKE, deferCaseWork: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const stored = await harness.repositories.conversations.get(id);
    expect(stored).toMatchObject({ state: 'active' });
    expect(stored?.messages.map((message) => message.sender)).toEqual(['customer']);
  });

  it('lets the accepting agent and a supervisor act', async () => {
    const { harness, id } = await acceptedByAlex();
    await harness.engine.postMessage({ conversationId: id, sender: 'agent', text: 'Alex here', actor: ALEX });
    await harness.engine.postMessage({ conversationId: id, sender: 'agent', text: 'Sam, supervising', actor: SUPERVISOR });
    const ended = await harness.engine.endConversation({ conversationId: id, actor: SUPERVISOR, deferCaseWork: true });
    expect(ended.conversation.state).toBe('closed');
    // Ending again is harmless, whoever asks.
    expect((await harness.engine.endConversation({ conversationId: id, actor: BLAKE, deferCaseWork: true })).alreadyEnded).toBe(true);
  });
});
