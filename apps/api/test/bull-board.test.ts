import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullJobQueue } from '../src/queue/bull-job-queue.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface BoardQueues {
  queues: { name: string; counts: Record<string, number>; jobs: { id: string; name: string; data: unknown }[] }[];
}

describe('bull-board with the Bull queue on the real Redis', () => {
  let app: TestApp;
  let adminToken: string;

  const SECRET_KEY = 'bull-board test deployment key';

  beforeAll(async () => {
    app = await startTestApp('sqlite', { REDIS_URL, AUTOCASE_SECRET_KEY: SECRET_KEY });
    adminToken = await app.login();
  });
  afterAll(async () => {
    const queue = app?.running.queue;
    if (queue instanceof BullJobQueue) await queue.bullQueue.obliterate({ force: true }).catch(() => undefined);
    await app?.close();
  });

  async function openSession(): Promise<{ path: string; cookie: string; html: string }> {
    const created = await app.api('/admin/queues/board-session', { method: 'POST', token: adminToken });
    expect(created.status).toBe(201);
    const { path, expiresAt } = (await created.json()) as { path: string; expiresAt: string };
    expect(path).toMatch(/^\/api\/admin\/queues\/board\?session=/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(2 * 60_000);
    const opened = await fetch(`${app.running.url}${path}`);
    expect(opened.status).toBe(200);
    const setCookie = opened.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^autocase_bull_board=[^;]+; Path=\/api\/admin\/queues\/board; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect(opened.headers.get('content-security-policy')).toContain("script-src 'self';");
    return { path, cookie: setCookie.split(';')[0]!, html: await opened.text() };
  }

  it('answers 401 without a session, with a forged one and with a used link', async () => {
    expect((await fetch(`${app.running.url}/api/admin/queues/board`)).status).toBe(401);
    expect((await fetch(`${app.running.url}/api/admin/queues/board/api/queues`)).status).toBe(401);
    expect((await fetch(`${app.running.url}/api/admin/queues/board?session=abc.def`)).status).toBe(401);
    expect((await fetch(`${app.running.url}/api/admin/queues/board`, { headers: { cookie: 'autocase_bull_board=abc.def' } })).status).toBe(401);
    const { path } = await openSession();
    const replayed = await fetch(`${app.running.url}${path}`);
    expect(replayed.status).toBe(401);
    expect(await replayed.text()).toContain('POST /api/admin/queues/board-session');
  });

  it('accepts a board session in another API process of the same deployment (same secret key), not in a stranger', async () => {
    const { cookie } = await openSession();
    const sibling = await startTestApp('sqlite', { REDIS_URL, AUTOCASE_SECRET_KEY: SECRET_KEY });
    const stranger = await startTestApp('sqlite', { REDIS_URL, AUTOCASE_SECRET_KEY: 'another deployment entirely' });
    try {
      expect((await fetch(`${sibling.running.url}/api/admin/queues/board/api/queues`, { headers: { cookie } })).status).toBe(200);
      expect((await fetch(`${stranger.running.url}/api/admin/queues/board/api/queues`, { headers: { cookie } })).status).toBe(401);
    } finally {
      await sibling.close();
      await stranger.close();
    }
  });

  it('refuses a session to an agent (403) and to an anonymous caller (401)', async () => {
    const created = await app.api('/admin/users', { method: 'POST', token: adminToken, json: { email: 'board-agent@example.com', password: 'agent-password', role: 'agent' } });
    expect(created.status).toBe(201);
    const agentToken = await app.login('board-agent@example.com', 'agent-password');
    expect((await app.api('/admin/queues/board-session', { method: 'POST', token: agentToken })).status).toBe(403);
    expect((await app.api('/admin/queues/board-session', { method: 'POST' })).status).toBe(401);
  });

  it('serves the board HTML and shows a queued job through its JSON API with a valid session', async () => {
    const { cookie, html } = await openSession();
    expect(html).toContain('<base href="/api/admin/queues/board/"');
    expect(html).toContain('Autocase jobs');
    const jobId = await app.running.queue.enqueue('board.visible-check', { marker: 'seen-on-the-board' }, { delayMs: 60_000 });

    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${app.running.url}/api/admin/queues/board/${script}`, { headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');

    const listed = await fetch(`${app.running.url}/api/admin/queues/board/api/queues?activeQueue=autocase&status=delayed&page=1`, { headers: { cookie } });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as BoardQueues;
    const queue = body.queues.find((candidate) => candidate.name === 'autocase');
    expect(queue?.counts.delayed).toBeGreaterThanOrEqual(1);
    expect(queue?.jobs).toEqual(expect.arrayContaining([expect.objectContaining({ id: jobId, name: 'board.visible-check', data: { marker: 'seen-on-the-board' } })]));
  });
});

describe('bull-board with the in-process queue', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sqlite');
  });
  afterAll(async () => app?.close());

  it('has no board route and no board session (404)', async () => {
    const adminToken = await app.login();
    expect(app.running.queue.kind).toBe('in-process');
    expect((await fetch(`${app.running.url}/api/admin/queues/board`)).status).toBe(404);
    expect((await fetch(`${app.running.url}/api/admin/queues/board/api/queues`)).status).toBe(404);
    const session = await app.api('/admin/queues/board-session', { method: 'POST', token: adminToken });
    expect(session.status).toBe(404);
    expect(await session.text()).toContain('REDIS_URL');
  });
});
