import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface ErrorBody {
  issues: { path: string; message: string }[];
}

const MINUTE = 60_000;

describeEachDatabase('accounts: password policy, session idle timeout and maximum age, agent names customers see', (databaseId) => {
  let app: TestApp;
  let token: string;
  /** The app's clock, moved by the tests (the token cache lasts 2 s of real time, so each test also waits that out). */
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };

  beforeAll(async () => {
    app = await startTestApp(databaseId, { AUTH_IDLE_TIMEOUT_MINUTES: '30', AUTH_MAX_AGE_HOURS: '2' }, { clock });
    token = await app.login();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function passwordIssue(response: Response): Promise<string> {
    expect(response.status, await response.clone().text()).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.issues.map((issue) => issue.path)).toEqual(['password']);
    return body.issues[0]!.message;
  }

  function createUser(email: string, password: string, adminToken = token): Promise<Response> {
    return app.api('/admin/users', { method: 'POST', token: adminToken, json: { email, password, role: 'agent' } });
  }

  it('refuses short, common and self-describing passwords with a plain reason', async () => {
    expect(await passwordIssue(await createUser('ann@example.com', 'Xy7#q2'))).toBe('password must be at least 10 characters');
    expect(await passwordIssue(await createUser('ann@example.com', 'password1234'))).toMatch(/too easy to guess \(it is very close to a common password\)/);
    expect(await passwordIssue(await createUser('ann@example.com', 'qwertyuiop123'))).toMatch(/too easy to guess/);
    expect(await passwordIssue(await createUser('ann.walker@example.com', 'ann.walker@example.com'))).toMatch(/too easy to guess/);
    const created = await createUser('ann@example.com', 'violet tractor sings loudly');
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await passwordIssue(await app.api(`/admin/users/${id}`, { method: 'PATCH', token, json: { password: 'iloveyou2024' } }))).toMatch(/too easy to guess/);
    expect((await app.api(`/admin/users/${id}`, { method: 'PATCH', token, json: { password: 'orange lamp drifts north' } })).status).toBe(200);
  });

  it('ends a session that was idle longer than AUTH_IDLE_TIMEOUT_MINUTES, and keeps one in use', async () => {
    const created = await createUser('idle@example.com', 'quiet harbor seven lamps');
    expect(created.status).toBe(201);
    const idle = await app.login('idle@example.com', 'quiet harbor seven lamps');
    const busy = await app.login();
    for (let step = 0; step < 3; step += 1) {
      offsetMs += 20 * MINUTE;
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect((await app.api('/auth/me', { token: busy })).status).toBe(200);
    }
    // 60 minutes without a request: the idle token is refused; the busy one (used every 20 minutes) still works.
    expect((await app.api('/auth/me', { token: idle })).status).toBe(401);
    expect((await app.api('/auth/me', { token: busy })).status).toBe(200);
  });

  it('ends every session at AUTH_MAX_AGE_HOURS, however busy', async () => {
    const fresh = await app.login();
    for (let step = 0; step < 7; step += 1) {
      offsetMs += 20 * MINUTE;
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const status = (await app.api('/auth/me', { token: fresh })).status;
      // The sixth step (120 minutes and a few real seconds) is past the 2-hour maximum age.
      expect(status, `after ${(step + 1) * 20} minutes`).toBe(step < 5 ? 200 : 401);
    }
  });

  it("never shows an agent's login email to the customer: an agent without a display name is 'Support agent'", async () => {
    const created = await createUser('nameless.agent@example.com', 'marble canyon whistles softly', await app.login());
    expect(created.status).toBe(201);
    const agent = await app.login('nameless.agent@example.com', 'marble canyon whistles softly');
    const started = await app.api('/chat/conversations', { method: 'POST', json: { customer: { name: 'Carla' }, context: { question: 'Where is my parcel?' } } });
    const chat = (await started.json()) as { id: string; conversationToken: string };
    expect((await app.api(`/conversations/${chat.id}/accept`, { method: 'POST', token: agent, json: {} })).status).toBeLessThan(300);
    expect((await app.api(`/conversations/${chat.id}/messages`, { method: 'POST', token: agent, json: { text: 'Hello Carla, let me check.' } })).status).toBe(201);
    const customerView = await (await app.api(`/chat/conversations/${chat.id}`, { headers: { 'x-conversation-token': chat.conversationToken } })).text();
    expect(customerView).not.toContain('nameless.agent@example.com');
    const messages = (JSON.parse(customerView) as { messages: { sender: string; senderName: string | null }[] }).messages;
    expect(messages.find((message) => message.sender === 'agent')?.senderName).toBe('Support agent');
  });
});
