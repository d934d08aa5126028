import { io, type Socket } from 'socket.io-client';
import type { FieldDefinitionInput } from '@autocase/core';
import { startTestApp, type TestApp } from './support/test-app.js';
import type { TestDatabase } from './support/database-targets.js';

/** Real first-party plugins, configured as an admin would: rules for category and priority, regex for email and order number, the extractive summarizer. */
export const CHAT_PLUGINS = [
  {
    kind: 'predictor',
    package: '@autocase/predictors/rules',
    config: {
      rules: [
        { field: 'category', value: 'billing', conditions: [{ type: 'containsAny', words: ['invoice', 'charged', 'refund my payment'] }] },
        { field: 'category', value: 'shipping', conditions: [{ type: 'containsAny', words: ['parcel', 'delivery', 'never arrived'] }] },
        { field: 'category', value: 'returns', conditions: [{ type: 'containsAny', words: ['send it back', 'return the'] }] },
        { field: 'priority', value: 'high', conditions: [{ type: 'containsAny', words: ['urgent', 'asap'] }] },
      ],
    },
  },
  { kind: 'predictor', package: '@autocase/predictors/regex', config: { fields: { orderNumber: { extractor: 'reference', labels: ['order number', 'order'], pattern: 'ORD-\\d{6}', uppercase: true } } } },
  { kind: 'summarizer', package: '@autocase/predictors/summarizers' },
];

export const CHAT_FIELDS: FieldDefinitionInput[] = [
  {
    key: 'category',
    label: 'Category',
    type: 'choice',
    requiredForCreation: true,
    options: [{ value: 'billing' }, { value: 'shipping' }, { value: 'returns' }],
    threshold: 0.6,
  },
  { key: 'priority', label: 'Priority', type: 'choice', options: [{ value: 'normal' }, { value: 'high' }], threshold: 0.6 },
  { key: 'customerEmail', label: 'Customer email', type: 'email', threshold: 0.8 },
  { key: 'orderNumber', label: 'Order number', type: 'text', threshold: 0.7 },
];

export interface ChatTestApp extends TestApp {
  adminToken: string;
  agentToken: string;
  agentId: string;
  setSettings(settings: Record<string, unknown>): Promise<void>;
  /** Starts a chat as a customer; returns its id and conversation token. */
  startChat(body: Record<string, unknown>): Promise<{ id: string; conversationToken: string }>;
  /** POST as the agent; throws unless the status is 2xx. */
  agentPost<T>(path: string, json?: unknown): Promise<T>;
  agentGet<T>(path: string): Promise<T>;
}

async function expectOk<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what} failed with ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The real app with the chat plugins, the chat fields and an agent account. */
export async function startChatApp(databaseId: TestDatabase['id'], env: Record<string, string> = {}): Promise<ChatTestApp> {
  const app = await startTestApp(databaseId, { AUTOCASE_PLUGINS: JSON.stringify(CHAT_PLUGINS), ...env });
  const adminToken = await app.login();
  await expectOk(await app.api('/admin/fields', { method: 'PUT', token: adminToken, json: CHAT_FIELDS }), 'saving fields');
  const agent = await expectOk<{ id: string }>(
    await app.api('/admin/users', { method: 'POST', token: adminToken, json: { email: 'agent@example.com', password: 'agent-password', role: 'agent', displayName: 'Alex Agent' } }),
    'creating the agent',
  );
  const agentToken = await app.login('agent@example.com', 'agent-password');
  const chatApp: ChatTestApp = {
    ...app,
    adminToken,
    agentToken,
    agentId: agent.id,
    async setSettings(settings) {
      const current = await expectOk<Record<string, unknown>>(await app.api('/admin/settings', { token: adminToken }), 'reading settings');
      await expectOk(await app.api('/admin/settings', { method: 'PUT', token: adminToken, json: { ...current, ...settings } }), 'saving settings');
    },
    async startChat(body) {
      return expectOk(await app.api('/chat/conversations', { method: 'POST', json: body }), 'starting a chat');
    },
    async agentPost(path, json) {
      return expectOk(await app.api(path, { method: 'POST', token: agentToken, json: json ?? {} }), `POST ${path}`);
    },
    async agentGet(path) {
      return expectOk(await app.api(path, { token: agentToken }), `GET ${path}`);
    },
  };
  return chatApp;
}

export interface ReceivedEvent {
  event: string;
  payload: Record<string, unknown>;
}

/** A socket.io client that records every event it receives, so a test can wait for one that may already have arrived. */
export class RecordingSocket {
  readonly received: ReceivedEvent[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: Record<string, unknown>) => {
      this.received.push({ event, payload });
      for (const waiter of this.waiters) waiter();
    });
  }

  /** Resolves with the first event of that name matching `where` (already received or coming). */
  waitFor(event: string, where: (payload: Record<string, unknown>) => boolean = () => true, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.received.find((item) => item.event === event && where(item.payload));
        if (!found) return false;
        this.waiters.delete(listener);
        clearTimeout(timer);
        resolve(found.payload);
        return true;
      };
      const listener = (): void => {
        check();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(listener);
        reject(new Error(`no ${event} event within ${timeoutMs} ms; received: ${this.received.map((item) => item.event).join(', ') || 'nothing'}`));
      }, timeoutMs);
      this.waiters.add(listener);
      check();
    });
  }

  events(event: string, where: (payload: Record<string, unknown>) => boolean = () => true): Record<string, unknown>[] {
    return this.received.filter((item) => item.event === event && where(item.payload)).map((item) => item.payload);
  }

  emitWithAck<T>(event: string, payload: unknown): Promise<T> {
    return this.socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>;
  }

  close(): void {
    this.socket.close();
  }
}

/** Connects to `/api/socket.io` with the given handshake auth; rejects with the server's reason when refused. */
export function connectSocket(baseUrl: string, auth: Record<string, string>): Promise<RecordingSocket> {
  const socket = io(baseUrl, { path: '/api/socket.io', auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const recording = new RecordingSocket(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(recording));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export const forConversation = (conversationId: string) => (payload: Record<string, unknown>) => payload.conversationId === conversationId;
