import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { connectSocket, forConversation, startChatApp, type ChatTestApp, type RecordingSocket } from './chat-test-support.js';

const FAQ_BOT_KEY = 'faq-bot-key-0123456789abcdef';

interface Ack {
  ok: boolean;
  message?: { id: string; sender: string; text: string };
  error?: { statusCode: number; message: string; issues?: { path: string }[] };
}

describeEachDatabase('live chat: customers and agents over HTTP and socket.io', (databaseId) => {
  let app: ChatTestApp;
  const sockets: RecordingSocket[] = [];
  const connect = async (auth: Record<string, string>) => {
    const socket = await connectSocket(app.running.url, auth);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    app = await startChatApp(databaseId, { CHAT_BOT_KEYS: `faq-bot:${FAQ_BOT_KEY}` });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await app?.close();
  });

  it('fans customer and agent messages, typing and state changes out live, both ways', async () => {
    const agent = await connect({ token: app.agentToken });
    const chat = await app.startChat({ customer: { name: 'Robin', email: 'robin@example.com' }, context: { question: 'Can you help with my parcel?' } });
    const waiting = await agent.waitFor('conversation.waiting', forConversation(chat.id));
    expect(waiting.conversation).toMatchObject({ state: 'waiting', customer: { name: 'Robin' }, messageCount: 1 });
    const customer = await connect({ conversationId: chat.id, conversationToken: chat.conversationToken });

    await app.agentPost(`/conversations/${chat.id}/accept`);
    expect(await customer.waitFor('conversation.updated')).toEqual({ conversationId: chat.id, state: 'active' });
    expect(await agent.waitFor('conversation.updated', forConversation(chat.id))).toMatchObject({ state: 'active', agentId: app.agentId });

    const sent = await customer.emitWithAck<Ack>('message', { text: 'It never arrived.' });
    expect(sent).toMatchObject({ ok: true, message: { sender: 'customer', text: 'It never arrived.' } });
    expect(await agent.waitFor('conversation.message', (payload) => (payload.message as { id: string }).id === sent.message?.id)).toMatchObject({
      conversationId: chat.id,
      message: { sender: 'customer', senderName: 'Robin', text: 'It never arrived.' },
    });

    expect(await customer.emitWithAck<Ack>('typing', { typing: true })).toEqual({ ok: true });
    expect(await agent.waitFor('typing', forConversation(chat.id))).toEqual({ conversationId: chat.id, sender: 'customer', name: 'Robin', typing: true });
    expect(await agent.emitWithAck<Ack>('typing', { conversationId: chat.id, typing: true })).toEqual({ ok: true });
    expect(await customer.waitFor('typing')).toEqual({ conversationId: chat.id, sender: 'agent', name: 'Alex Agent', typing: true });

    const reply = await app.agentPost<{ id: string }>(`/conversations/${chat.id}/messages`, { text: 'Let me check that for you.' });
    expect(await customer.waitFor('conversation.message', (payload) => (payload.message as { id: string }).id === reply.id)).toMatchObject({ message: { sender: 'agent', senderName: 'Alex Agent' } });
    const overSocket = await agent.emitWithAck<Ack>('message', { conversationId: chat.id, text: 'Found it: it is at the depot.' });
    expect(overSocket).toMatchObject({ ok: true, message: { sender: 'agent' } });
    await customer.waitFor('conversation.message', (payload) => (payload.message as { id: string }).id === overSocket.message?.id);

    const view = await app.api(`/chat/conversations/${chat.id}`, { headers: { 'x-conversation-token': chat.conversationToken } });
    expect(view.status).toBe(200);
    const body = (await view.json()) as Record<string, unknown> & { messages: { sender: string }[] };
    expect(body).toMatchObject({ id: chat.id, state: 'active' });
    expect(body.messages.map((message) => message.sender)).toEqual(['customer', 'customer', 'agent', 'agent']);
    expect(body).not.toHaveProperty('caseId');
    expect(body).not.toHaveProperty('agentId');

    expect(customer.events('case.created')).toEqual([]);
    await app.agentPost(`/conversations/${chat.id}/end`);
    expect(await customer.waitFor('conversation.updated', (payload) => payload.state === 'closed')).toEqual({ conversationId: chat.id, state: 'closed' });
    const closedSend = await customer.emitWithAck<Ack>('message', { text: 'one more thing' });
    expect(closedSend).toMatchObject({ ok: false, error: { statusCode: 409 } });
    await agent.waitFor('conversation.case-work', forConversation(chat.id));
    expect(customer.events('case.created')).toEqual([]);
    expect(customer.events('note.added')).toEqual([]);
  });

  it('lets a self-service bot escalate with its transcript, context variables and origin', async () => {
    const started = await app.api('/chat/conversations', {
      method: 'POST',
      headers: { 'x-bot-key': FAQ_BOT_KEY },
      json: {
      origin: 'faq-bot',
      customer: { email: 'kim@example.com' },
      context: { orderNumber: 'ORD-135790', intent: 'refund' },
      messages: [
        { sender: 'bot', senderName: 'FAQ bot', text: 'Hi! What can I do for you?' },
        { sender: 'customer', text: 'I was charged twice on my invoice' },
        { sender: 'bot', text: 'Let me get you a human.' },
      ],
      },
    });
    expect(started.status).toBe(201);
    const chat = (await started.json()) as { id: string };
    const conversation = await app.agentGet<{ origin: string; context: Record<string, string>; messages: { sender: string }[] }>(`/conversations/${chat.id}`);
    expect(conversation).toMatchObject({ origin: 'faq-bot', context: { orderNumber: 'ORD-135790', intent: 'refund' } });
    expect(conversation.messages.map((message) => message.sender)).toEqual(['bot', 'customer', 'bot']);
    const accepted = await app.agentPost<{ caseOutcome: { caseId: string } }>(`/conversations/${chat.id}/accept`);
    const caseRecord = await app.agentGet<{ title: string; fields: Record<string, { value: unknown; source: string }> }>(`/cases/${accepted.caseOutcome.caseId}`);
    expect(caseRecord.fields.orderNumber).toMatchObject({ value: 'ORD-135790', source: 'channel' });
    expect(caseRecord.fields.category).toMatchObject({ value: 'billing', source: 'ai' });
    expect(caseRecord.fields.customerEmail).toMatchObject({ value: 'kim@example.com' });
  });

  it('documents the chat endpoints in the OpenAPI document', async () => {
    const document = (await (await app.api('/docs-json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const route of ['/api/chat/conversations', '/api/chat/conversations/{id}/messages', '/api/conversations/{id}/accept', '/api/conversations/{id}/case', '/api/cases/{id}/update-from-conversation']) {
      expect(document.paths[route]?.post, route).toBeDefined();
    }
    expect(JSON.stringify(document.paths['/api/chat/conversations']?.post)).toContain('"origin"');
  });

  it('lists conversations by state for agents', async () => {
    const chat = await app.startChat({ context: { question: 'Listing check' } });
    const waiting = await app.agentGet<{ items: { id: string; state: string }[] }>('/conversations?state=waiting');
    expect(waiting.items.map((item) => item.id)).toContain(chat.id);
    expect(waiting.items.every((item) => item.state === 'waiting')).toBe(true);
    await app.agentPost(`/conversations/${chat.id}/accept`);
    expect((await app.agentGet<{ items: { id: string }[] }>('/conversations?state=waiting')).items.map((item) => item.id)).not.toContain(chat.id);
    expect((await app.agentGet<{ items: { id: string }[] }>('/conversations?state=active&mine=true')).items.map((item) => item.id)).toContain(chat.id);
    const bad = await app.api('/conversations?state=sleeping', { token: app.agentToken });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('query.state');
  });

  it('answers bad customer input with a 400 naming the field, and a wrong token with 401', async () => {
    const invalid = await app.api('/chat/conversations', { method: 'POST', json: { customer: { email: 'not-an-email' }, messages: [{ sender: 'agent', text: 'x' }] } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toEqual(['messages.0.sender']);
    const badEmail = await app.api('/chat/conversations', { method: 'POST', json: { customer: { email: 'not-an-email' } } });
    expect(badEmail.status).toBe(400);
    expect(((await badEmail.json()) as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toEqual(['customer.email']);

    const chat = await app.startChat({});
    const empty = await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'x-conversation-token': chat.conversationToken }, json: { text: '  ' } });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('text');
    const other = await app.startChat({});
    const wrongToken = await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'x-conversation-token': other.conversationToken }, json: { text: 'hi' } });
    expect(wrongToken.status).toBe(401);
    expect((await app.api(`/chat/conversations/${chat.id}`)).status).toBe(401);
    expect((await app.api(`/conversations/${chat.id}`)).status).toBe(401);

    await expect(connectSocket(app.running.url, { conversationId: chat.id, conversationToken: other.conversationToken })).rejects.toThrow(/does not match/);
    await expect(connectSocket(app.running.url, { token: 'not-a-token' })).rejects.toThrow(/invalid or expired token/);
    await expect(connectSocket(app.running.url, {})).rejects.toThrow(/conversationToken/);
    const customer = await connect({ conversationId: chat.id, conversationToken: chat.conversationToken });
    expect(await customer.emitWithAck<Ack>('message', { text: '' })).toMatchObject({ ok: false, error: { statusCode: 400, issues: [{ path: 'text' }] } });
  });
});

describe('live chat: customer socket messages are rate-limited like the public HTTP API', () => {
  let app: ChatTestApp;
  beforeAll(async () => {
    app = await startChatApp('sqlite', { RATE_LIMIT_PER_MINUTE: '4' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses the customer’s messages over RATE_LIMIT_PER_MINUTE with a 429 ack', async () => {
    const chat = await app.startChat({});
    const customer = await connectSocket(app.running.url, { conversationId: chat.id, conversationToken: chat.conversationToken });
    try {
      const acks: Ack[] = [];
      for (let index = 0; index < 5; index += 1) acks.push(await customer.emitWithAck<Ack>('message', { text: `message ${index}` }));
      expect(acks.map((ack) => ack.ok)).toEqual([true, true, true, true, false]);
      expect(acks[4]?.error).toMatchObject({ statusCode: 429, message: expect.stringContaining('at most 4 a minute'), details: { retryAfterSeconds: expect.any(Number) } });
      const stored = await app.agentGet<{ messages: unknown[] }>(`/conversations/${chat.id}`);
      expect(stored.messages).toHaveLength(4);
    } finally {
      customer.close();
    }
  });
});
