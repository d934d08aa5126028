import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { connectSocket, forConversation, startChatApp, type ChatTestApp, type RecordingSocket } from './chat-test-support.js';

interface EndAck {
  ok: boolean;
  conversation?: { id: string; state: string; endedAt: string | null };
  alreadyEnded?: boolean;
  error?: { statusCode: number; message: string };
}

describeEachDatabase('live chat: the customer ends the chat', (databaseId) => {
  let app: ChatTestApp;
  let agent: RecordingSocket;

  beforeAll(async () => {
    app = await startChatApp(databaseId);
    await app.setSettings({ autoCreateCaseOnAccept: false, summaryNoteOnChatEnd: true });
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(async () => {
    agent = await connectSocket(app.running.url, { token: app.agentToken });
  });
  afterEach(() => {
    agent?.close();
  });

  async function acceptedChat() {
    const chat = await app.startChat({ customer: { name: 'Dana', email: 'dana@example.com' }, context: { question: 'My parcel never arrived, order ORD-123456' } });
    await app.agentPost(`/conversations/${chat.id}/accept`);
    return chat;
  }

  it('over HTTP with the conversation token: closed through the same end as an agent’s — case, summary note, agents told', async () => {
    const chat = await acceptedChat();
    const customer = await connectSocket(app.running.url, { conversationId: chat.id, conversationToken: chat.conversationToken });
    try {
      const refused = await app.api(`/chat/conversations/${chat.id}/end`, { method: 'POST', headers: { 'x-conversation-token': 'not-the-token' } });
      expect(refused.status).toBe(401);
      const response = await app.api(`/chat/conversations/${chat.id}/end`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ id: chat.id, state: 'closed', alreadyEnded: false, endedAt: expect.any(String) });
      expect(body).not.toHaveProperty('caseId');

      expect(await customer.waitFor('conversation.updated', (payload) => payload.state === 'closed')).toEqual({ conversationId: chat.id, state: 'closed' });
      expect(await agent.waitFor('conversation.updated', (payload) => payload.conversationId === chat.id && payload.state === 'closed')).toMatchObject({ agentId: app.agentId });
      const work = await agent.waitFor('conversation.case-work', forConversation(chat.id));
      expect(work).toMatchObject({ trigger: 'end', outcome: 'created', summaryNote: { created: true } });
      const created = await app.agentGet<{ conversationId: string; fields: Record<string, { value: unknown }> }>(`/cases/${String(work.caseId)}`);
      expect(created).toMatchObject({ conversationId: chat.id, fields: { category: { value: 'shipping' } } });
      const notes = await app.agentGet<{ items: { kind: string }[] }>(`/cases/${String(work.caseId)}/notes`);
      expect(notes.items.filter((note) => note.kind === 'summary')).toHaveLength(1);

      const again = await app.api(`/chat/conversations/${chat.id}/end`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken } });
      expect(await again.json()).toMatchObject({ state: 'closed', alreadyEnded: true });
      expect(agent.events('conversation.updated', (payload) => payload.conversationId === chat.id && payload.state === 'closed')).toHaveLength(1);
    } finally {
      customer.close();
    }
  });

  it('over the socket with an `end` message, acked with the ended state', async () => {
    const chat = await acceptedChat();
    const customer = await connectSocket(app.running.url, { conversationId: chat.id, conversationToken: chat.conversationToken });
    try {
      const ack = await customer.emitWithAck<EndAck>('end', {});
      expect(ack).toMatchObject({ ok: true, alreadyEnded: false, conversation: { id: chat.id, state: 'closed', endedAt: expect.any(String) } });
      expect(await customer.waitFor('conversation.updated', (payload) => payload.state === 'closed')).toEqual({ conversationId: chat.id, state: 'closed' });
      expect(await agent.waitFor('conversation.case-work', forConversation(chat.id))).toMatchObject({ trigger: 'end', outcome: 'created' });
      expect(await app.agentGet(`/conversations/${chat.id}`)).toMatchObject({ state: 'closed', caseId: expect.any(String) });
      expect(await customer.emitWithAck<EndAck>('end', {})).toMatchObject({ ok: true, alreadyEnded: true });
      expect(await agent.emitWithAck<EndAck>('end', {})).toMatchObject({ ok: false, error: { statusCode: 400, message: expect.stringContaining('conversationId') } });
    } finally {
      customer.close();
    }
  });
});
