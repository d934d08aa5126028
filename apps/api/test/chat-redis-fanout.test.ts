import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { loadConfig } from '../src/config/app-config.js';
import { createApp, type RunningApp } from '../src/create-app.js';
import { createLogger } from '../src/infrastructure/app-logger.js';
import { createTestDatabase, type TestDatabase } from './support/database-targets.js';
import { ADMIN } from './support/test-app.js';
import { CHAT_FIELDS, CHAT_PLUGINS, connectSocket, forConversation, type RecordingSocket } from './chat-test-support.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function call<T>(app: RunningApp, path: string, init: { method?: string; token?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${app.url}/api${path}`, { method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} failed with ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

describe('live chat across two API processes (PostgreSQL, Bull and the socket.io Redis adapter)', () => {
  let database: TestDatabase;
  const apps: RunningApp[] = [];
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    const config = {
      ...loadConfig({ AUTOCASE_ADMIN_EMAIL: ADMIN.email, AUTOCASE_ADMIN_PASSWORD: ADMIN.password, AUTOCASE_PLUGINS: JSON.stringify(CHAT_PLUGINS), RATE_LIMIT_PER_MINUTE: '1000', REDIS_URL }),
      database: database.config,
    };
    const bullQueueName = `autocase-chat-test-${randomBytes(4).toString('hex')}`;
    for (let index = 0; index < 2; index += 1) {
      apps.push(await createApp({ config, port: 0, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), queueOptions: { bullQueueName } }));
    }
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const app of apps) await app.close();
    await database?.destroy();
  });

  it('delivers events published in one process to sockets connected to the other', async () => {
    const [first, second] = apps as [RunningApp, RunningApp];
    expect(first.queue.kind).toBe('bull');
    const { token: adminToken } = await call<{ token: string }>(first, '/auth/login', { method: 'POST', json: ADMIN });
    await call(first, '/admin/fields', { method: 'PUT', token: adminToken, json: CHAT_FIELDS });
    await call(first, '/admin/users', { method: 'POST', token: adminToken, json: { email: 'agent@example.com', password: 'agent-password', role: 'agent' } });
    const { token: agentToken } = await call<{ token: string }>(second, '/auth/login', { method: 'POST', json: { email: 'agent@example.com', password: 'agent-password' } });

    const agentOnSecond = await connectSocket(second.url, { token: agentToken });
    sockets.push(agentOnSecond);
    const chat = await call<{ id: string; conversationToken: string }>(first, '/chat/conversations', { method: 'POST', json: { context: { question: 'My parcel never arrived' } } });
    await agentOnSecond.waitFor('conversation.waiting', forConversation(chat.id));

    const customerOnFirst = await connectSocket(first.url, { conversationId: chat.id, conversationToken: chat.conversationToken });
    sockets.push(customerOnFirst);
    const accepted = await call<{ caseOutcome: { created: boolean; caseId: string } }>(second, `/conversations/${chat.id}/accept`, { method: 'POST', token: agentToken });
    expect(accepted.caseOutcome.created).toBe(true);
    await customerOnFirst.waitFor('conversation.updated', (payload) => payload.state === 'active');

    const reply = await call<{ id: string }>(second, `/conversations/${chat.id}/messages`, { method: 'POST', token: agentToken, json: { text: 'I am on it.' } });
    await customerOnFirst.waitFor('conversation.message', (payload) => (payload.message as { id: string }).id === reply.id);
    await customerOnFirst.socket.timeout(10_000).emitWithAck('typing', { typing: true });
    await agentOnSecond.waitFor('typing', forConversation(chat.id));

    await call(first, `/conversations/${chat.id}/end`, { method: 'POST', token: agentToken });
    const work = await agentOnSecond.waitFor('conversation.case-work', forConversation(chat.id), 30_000);
    expect(work).toMatchObject({ trigger: 'end', outcome: 'already-exists', caseId: accepted.caseOutcome.caseId, summaryNote: { created: true } });
    await agentOnSecond.waitFor('note.added', (payload) => payload.caseId === accepted.caseOutcome.caseId);
  });
});
