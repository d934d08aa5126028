import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/auth.service.js';
import { loadConfig } from '../src/config/app-config.js';
import { createApp, type RunningApp } from '../src/create-app.js';
import { createLogger } from '../src/infrastructure/app-logger.js';
import { MikroUserRepository } from '../src/persistence/repositories/mikro-user-repository.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/database-targets.js';
import { ADMIN } from './support/test-app.js';
import { connectSocket, startChatApp, type ChatTestApp, type RecordingSocket } from './chat-test-support.js';

interface Ack {
  ok: boolean;
  error?: { statusCode: number; message: string };
}

function disconnected(socket: RecordingSocket, timeoutMs = 10_000): Promise<string> {
  if (!socket.socket.connected) return Promise.resolve('already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the socket was still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describeEachDatabase('an agent socket ends with its session', (databaseId) => {
  let app: ChatTestApp;
  const sockets: RecordingSocket[] = [];
  let counter = 0;

  async function agentSession(): Promise<{ id: string; token: string; socket: RecordingSocket }> {
    counter += 1;
    const email = `revoked-${counter}@example.com`;
    const created = await app.api('/admin/users', { method: 'POST', token: app.adminToken, json: { email, password: 'agent-password', role: 'agent' } });
    const { id } = (await created.json()) as { id: string };
    const token = await app.login(email, 'agent-password');
    const socket = await connectSocket(app.running.url, { token });
    sockets.push(socket);
    return { id, token, socket };
  }

  beforeAll(async () => {
    app = await startChatApp(databaseId);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await app?.close();
  });

  it('is disconnected at logout, and another session of the same user stays', async () => {
    const agent = await agentSession();
    const otherToken = await app.login(`revoked-${counter}@example.com`, 'agent-password');
    const other = await connectSocket(app.running.url, { token: otherToken });
    sockets.push(other);
    const gone = disconnected(agent.socket);
    expect((await app.api('/auth/logout', { method: 'POST', token: agent.token })).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect(other.socket.connected).toBe(true);
    // Still signed in: an event is judged on its content (404), not refused as a dead session (401).
    expect(await other.emitWithAck<Ack>('message', { conversationId: 'no-such-conversation', text: 'hello' })).toMatchObject({ ok: false, error: { statusCode: 404 } });
  });

  it.each([
    ['disabled', { disabled: true }],
    ['password reset', { password: 'a-new-password-1' }],
    ['role change', { role: 'admin' }],
  ])('is disconnected when the user is %s', async (_what, change) => {
    const agent = await agentSession();
    const gone = disconnected(agent.socket);
    expect((await app.api(`/admin/users/${agent.id}`, { method: 'PATCH', token: app.adminToken, json: change })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });

  it('checks the session again on every event: a token deleted elsewhere refuses the next message and disconnects', async () => {
    const agent = await agentSession();
    const chat = await app.startChat({ context: { question: 'Where is my parcel?' } });
    // Another process deleting the tokens (no Redis to tell this one): the next event must see it.
    await new MikroUserRepository(app.running.orm, { now: () => new Date() }).deleteToken(hashToken(agent.token));
    const gone = disconnected(agent.socket);
    const ack = await agent.socket.emitWithAck<Ack>('message', { conversationId: chat.id, text: 'I can read this' });
    expect(ack).toMatchObject({ ok: false, error: { statusCode: 401 } });
    await gone;
    const view = (await app.agentGet<{ messages: { text: string }[] }>(`/conversations/${chat.id}`)).messages.map((message) => message.text);
    expect(view).not.toContain('I can read this');
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('an agent socket on another API process ends with its session (Redis adapter)', () => {
  let database: TestDatabase;
  const apps: RunningApp[] = [];
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    const config = { ...loadConfig({ AUTOCASE_ADMIN_EMAIL: ADMIN.email, AUTOCASE_ADMIN_PASSWORD: ADMIN.password, AUTOCASE_PLUGINS: '[]', RATE_LIMIT_PER_MINUTE: '1000', REDIS_URL }), database: database.config };
    const bullQueueName = `autocase-revocation-test-${randomBytes(4).toString('hex')}`;
    for (let index = 0; index < 2; index += 1) apps.push(await createApp({ config, port: 0, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), queueOptions: { bullQueueName } }));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const app of apps) await app.close();
    await database?.destroy();
  });

  async function post<T>(app: RunningApp, path: string, json: unknown, token?: string, method = 'POST'): Promise<T> {
    const response = await fetch(`${app.url}/api${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(json) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  it('disables on one process and the socket on the other is disconnected at once', async () => {
    const [first, second] = apps as [RunningApp, RunningApp];
    const { token: adminToken } = await post<{ token: string }>(first, '/auth/login', ADMIN);
    const agent = await post<{ id: string }>(first, '/admin/users', { email: 'far-agent@example.com', password: 'agent-password', role: 'agent' }, adminToken);
    const { token } = await post<{ token: string }>(second, '/auth/login', { email: 'far-agent@example.com', password: 'agent-password' });
    const socket = await connectSocket(second.url, { token });
    sockets.push(socket);
    const gone = disconnected(socket, 3000);
    await post(first, `/admin/users/${agent.id}`, { disabled: true }, adminToken, 'PATCH');
    expect(await gone).toBe('io server disconnect');
  });
});
