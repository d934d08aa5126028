import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { connectSocket, startChatApp, type ChatTestApp, type RecordingSocket } from './chat-test-support.js';

interface Ack {
  ok: boolean;
  error?: { statusCode: number; message: string };
}

describeEachDatabase('an agent cannot act on another agent’s accepted chat; a supervisor (admin) can', (databaseId) => {
  let app: ChatTestApp;
  let otherToken: string;
  const sockets: RecordingSocket[] = [];
  beforeAll(async () => {
    app = await startChatApp(databaseId);
    await app.api('/admin/users', { method: 'POST', token: app.adminToken, json: { email: 'blake@example.com', password: 'agent-password', role: 'agent', displayName: 'Blake' } });
    otherToken = await app.login('blake@example.com', 'agent-password');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await app?.close();
  });

  async function acceptedChat(): Promise<string> {
    const chat = await app.startChat({ context: { question: 'My parcel never arrived' } });
    await app.agentPost(`/conversations/${chat.id}/accept`);
    return chat.id;
  }

  const texts = async (id: string) => (await app.agentGet<{ messages: { text: string }[] }>(`/conversations/${id}`)).messages.map((message) => message.text);

  it('refuses another agent’s reply, wrap-up and end over HTTP (403) and keeps the chat as it was', async () => {
    const id = await acceptedChat();
    const reply = await app.api(`/conversations/${id}/messages`, { method: 'POST', token: otherToken, json: { text: 'Blake butting in' } });
    expect(reply.status).toBe(403);
    expect(((await reply.json()) as { message: string }).message).toMatch(/accepted by another agent: only that agent or a supervisor may reply in it/);
    expect((await app.api(`/conversations/${id}/wrap-up`, { method: 'POST', token: otherToken })).status).toBe(403);
    expect((await app.api(`/conversations/${id}/end`, { method: 'POST', token: otherToken })).status).toBe(403);
    const stored = await app.agentGet<{ state: string }>(`/conversations/${id}`);
    expect(stored.state).toBe('active');
    expect(await texts(id)).not.toContain('Blake butting in');
  });

  it('refuses the same over the socket', async () => {
    const id = await acceptedChat();
    const socket = await connectSocket(app.running.url, { token: otherToken });
    sockets.push(socket);
    expect(await socket.emitWithAck<Ack>('message', { conversationId: id, text: 'Blake over the socket' })).toMatchObject({ ok: false, error: { statusCode: 403 } });
    expect(await socket.emitWithAck<Ack>('typing', { conversationId: id, typing: true })).toMatchObject({ ok: false, error: { statusCode: 403 } });
    expect(await socket.emitWithAck<Ack>('end', { conversationId: id })).toMatchObject({ ok: false, error: { statusCode: 403 } });
    expect((await app.agentGet<{ state: string }>(`/conversations/${id}`)).state).toBe('active');
    expect(await texts(id)).not.toContain('Blake over the socket');
  });

  it('lets the accepting agent and an admin (supervisor) reply and end', async () => {
    const id = await acceptedChat();
    expect((await app.api(`/conversations/${id}/messages`, { method: 'POST', token: app.agentToken, json: { text: 'Alex here' } })).status).toBe(201);
    expect((await app.api(`/conversations/${id}/messages`, { method: 'POST', token: app.adminToken, json: { text: 'Supervisor here' } })).status).toBe(201);
    expect((await app.api(`/conversations/${id}/end`, { method: 'POST', token: app.adminToken })).status).toBe(200);
    expect(await texts(id)).toEqual(expect.arrayContaining(['Alex here', 'Supervisor here']));
  });
});
