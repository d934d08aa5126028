import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChatGateway } from '../src/chat/chat-gateway.js';
import { describeEachDatabase } from './support/database-targets.js';
import { connectSocket, startChatApp, type ChatTestApp, type RecordingSocket } from './chat-test-support.js';

/**
 * Who may call what. Every route of the OpenAPI document and every socket.io event must be listed
 * here: a new one fails this test until someone decides who may call it — and the test then
 * checks that every role outside that decision is refused (401/403) and every role inside is not.
 */
type Role = 'anonymous' | 'customer' | 'agent' | 'admin';
type Access =
  | 'everyone' // public: login, health, starting a chat
  | 'customer' // the conversation token of that conversation (X-Conversation-Token)
  | 'signed-in' // agents and admins
  | 'admin'
  | 'metrics' // METRICS_TOKEN or an admin
  | 'webhook-secret'; // nobody without the mailbox's webhook secret

const ALLOWED: Record<Access, Role[]> = {
  everyone: ['anonymous', 'customer', 'agent', 'admin'],
  customer: ['customer'],
  'signed-in': ['agent', 'admin'],
  admin: ['admin'],
  metrics: ['admin'],
  'webhook-secret': [],
};

const ROUTES: Record<string, Access> = {
  'GET /api/health': 'everyone',
  'GET /api/metrics': 'metrics',
  'POST /api/auth/login': 'everyone',
  'POST /api/auth/logout': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'POST /api/chat/conversations': 'everyone',
  'GET /api/chat/conversations/{id}': 'customer',
  'POST /api/chat/conversations/{id}/end': 'customer',
  'POST /api/chat/conversations/{id}/messages': 'customer',
  'POST /api/channels/email/inbound': 'webhook-secret',
  'GET /api/fields': 'signed-in',
  'GET /api/cases': 'signed-in',
  'POST /api/cases': 'signed-in',
  'GET /api/cases/{id}': 'signed-in',
  'PATCH /api/cases/{id}': 'signed-in',
  'GET /api/cases/{id}/audit': 'signed-in',
  'POST /api/cases/{id}/email-replies': 'signed-in',
  'GET /api/cases/{id}/outbound-emails': 'signed-in',
  'GET /api/admin/audit/settings': 'admin',
  'GET /api/admin/mailboxes/default-transport': 'admin',
  'DELETE /api/admin/cases/import/{batchId}': 'admin',
  'GET /api/cases/{id}/emails': 'signed-in',
  'GET /api/cases/{id}/notes': 'signed-in',
  'POST /api/cases/{id}/notes': 'signed-in',
  'GET /api/cases/{id}/predictions': 'signed-in',
  'POST /api/cases/{id}/update-from-conversation': 'signed-in',
  'GET /api/conversations': 'signed-in',
  'GET /api/conversations/{id}': 'signed-in',
  'POST /api/conversations/{id}/accept': 'signed-in',
  'POST /api/conversations/{id}/case': 'signed-in',
  'POST /api/conversations/{id}/end': 'signed-in',
  'POST /api/conversations/{id}/messages': 'signed-in',
  'POST /api/conversations/{id}/wrap-up': 'signed-in',
  'GET /api/emails': 'signed-in',
  'GET /api/emails/{id}': 'signed-in',
  'GET /api/emails/{id}/attachments/{ref}': 'signed-in',
  'GET /api/emails/{id}/raw': 'signed-in',
  'POST /api/emails/{id}/reprocess': 'admin',
  'POST /api/emails/{id}/release': 'signed-in',
  'POST /api/emails/{id}/spam': 'signed-in',
  'GET /api/admin/arc-rules': 'admin',
  'POST /api/admin/arc-rules': 'admin',
  'POST /api/admin/arc-rules/dry-run': 'admin',
  'DELETE /api/admin/arc-rules/{id}': 'admin',
  'GET /api/admin/arc-rules/{id}': 'admin',
  'PUT /api/admin/arc-rules/{id}': 'admin',
  'GET /api/admin/audit': 'admin',
  'GET /api/admin/backtest': 'admin',
  'POST /api/admin/backtest': 'admin',
  'GET /api/admin/backtest/{id}': 'admin',
  'DELETE /api/admin/cases/import': 'admin',
  'GET /api/admin/cases/import': 'admin',
  'POST /api/admin/cases/import': 'admin',
  'GET /api/admin/fields': 'admin',
  'PUT /api/admin/fields': 'admin',
  'GET /api/admin/jobs': 'admin',
  'POST /api/admin/jobs/{id}/retry': 'admin',
  'GET /api/admin/mailboxes': 'admin',
  'POST /api/admin/mailboxes': 'admin',
  'POST /api/admin/mailboxes/test-connection': 'admin',
  'DELETE /api/admin/mailboxes/{id}': 'admin',
  'GET /api/admin/mailboxes/{id}': 'admin',
  'PUT /api/admin/mailboxes/{id}': 'admin',
  'POST /api/admin/mailboxes/{id}/webhook-secret': 'admin',
  'GET /api/admin/predictors': 'admin',
  'GET /api/admin/predictors/learned': 'admin',
  'GET /api/admin/predictors/learned/schedule': 'admin',
  'PUT /api/admin/predictors/learned/schedule': 'admin',
  'POST /api/admin/predictors/learned/train': 'admin',
  'GET /api/admin/predictors/llm': 'admin',
  'PUT /api/admin/predictors/llm': 'admin',
  'POST /api/admin/predictors/llm/test': 'admin',
  'POST /api/admin/predictors/test': 'admin',
  'GET /api/admin/predictors/{predictorId}/config': 'admin',
  'PUT /api/admin/predictors/{predictorId}/config': 'admin',
  'POST /api/admin/queues/board-session': 'admin',
  'GET /api/admin/settings': 'admin',
  'PUT /api/admin/settings': 'admin',
  'GET /api/admin/users': 'admin',
  'POST /api/admin/users': 'admin',
  'PATCH /api/admin/users/{id}': 'admin',
};

/** socket.io events (client → server) and who may send them; anonymous sockets are refused at the handshake. */
const SOCKET_EVENTS: Record<string, Role[]> = {
  message: ['customer', 'agent', 'admin'],
  end: ['customer', 'agent', 'admin'],
  typing: ['customer', 'agent', 'admin'],
};

const ROLES: Role[] = ['anonymous', 'customer', 'agent', 'admin'];
const REFUSED = [401, 403];

function gatewayEvents(): string[] {
  const prototype = ChatGateway.prototype as unknown as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .map((name) => prototype[name])
    .filter((handler): handler is object => typeof handler === 'function')
    .map((handler) => Reflect.getMetadata('message', handler) as string | undefined)
    .filter((event): event is string => typeof event === 'string')
    .sort();
}

describeEachDatabase('authorization matrix: every route and socket event × anonymous, customer, agent, admin', (databaseId) => {
  let app: ChatTestApp;
  let chat: { id: string; conversationToken: string };
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    app = await startChatApp(databaseId);
    chat = await app.startChat({ context: { question: 'Where is my parcel?' } });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await app?.close();
  });

  async function credentials(role: Role, route: string): Promise<Record<string, string>> {
    // Logging out ends the session it is called with: give it a session of its own.
    const fresh = route === 'POST /api/auth/logout';
    if (role === 'agent') return { authorization: `Bearer ${fresh ? await app.login('agent@example.com', 'agent-password') : app.agentToken}` };
    if (role === 'admin') return { authorization: `Bearer ${fresh ? await app.login() : app.adminToken}` };
    if (role === 'customer') return { 'x-conversation-token': chat.conversationToken };
    return {};
  }

  it('lists every route of the OpenAPI document, and no route that is gone', async () => {
    const document = (await (await app.api('/docs-json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.filter((route) => !(route in ROUTES)), 'routes without an entry in ROUTES: decide who may call them').toEqual([]);
    expect(Object.keys(ROUTES).filter((route) => !documented.includes(route)), 'ROUTES entries that are no longer documented').toEqual([]);
  });

  it('refuses every role a route is not for (401/403) and lets the others through', async () => {
    const failures: string[] = [];
    for (const [route, access] of Object.entries(ROUTES)) {
      const [method, template] = route.split(' ') as [string, string];
      const path = template
        .replace('/api', '')
        .replace('{id}', access === 'customer' ? chat.id : 'matrix-probe')
        .replace(/\{[^}]+\}/g, 'matrix-probe');
      for (const role of ROLES) {
        const headers = await credentials(role, route);
        const response = await app.api(path, { method, headers, ...(method === 'GET' || method === 'DELETE' ? {} : { json: {} }) });
        await response.arrayBuffer();
        const allowed = ALLOWED[access].includes(role);
        if (allowed === REFUSED.includes(response.status)) failures.push(`${route} as ${role}: ${response.status} (${allowed ? 'should be let through' : 'should be refused'})`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('lists every socket event, refuses anonymous sockets and lets each allowed role send each event', async () => {
    expect(gatewayEvents()).toEqual(Object.keys(SOCKET_EVENTS).sort());
    await expect(connectSocket(app.running.url, {})).rejects.toThrow(/send auth/);
    await expect(connectSocket(app.running.url, { token: 'not-a-token' })).rejects.toThrow(/invalid or expired token/);
    await expect(connectSocket(app.running.url, { conversationId: chat.id, conversationToken: 'not-the-token' })).rejects.toThrow(/conversationToken does not match/);
    const auth: Record<Exclude<Role, 'anonymous'>, Record<string, string>> = {
      customer: { conversationId: chat.id, conversationToken: chat.conversationToken },
      agent: { token: app.agentToken },
      admin: { token: app.adminToken },
    };
    const payloads: Record<string, Record<string, unknown>> = { message: { conversationId: chat.id, text: 'matrix probe' }, typing: { conversationId: chat.id, typing: true }, end: { conversationId: chat.id } };
    const failures: string[] = [];
    for (const role of ['customer', 'agent', 'admin'] as const) {
      const socket = await connectSocket(app.running.url, auth[role]);
      sockets.push(socket);
      for (const [event, roles] of Object.entries(SOCKET_EVENTS)) {
        if (event === 'end') continue; // ends the chat for everyone: sent last, below
        const ack = await socket.emitWithAck<{ ok: boolean; error?: { statusCode: number } }>(event, payloads[event]);
        const refused = !ack.ok && REFUSED.includes(ack.error?.statusCode ?? 0);
        if (roles.includes(role) === refused) failures.push(`${event} as ${role}: ${JSON.stringify(ack)}`);
      }
    }
    const ended = await sockets[0]!.emitWithAck<{ ok: boolean }>('end', {});
    expect(ended.ok).toBe(true);
    expect(failures).toEqual([]);
  });
});
