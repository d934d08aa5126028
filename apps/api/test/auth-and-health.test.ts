import { PluginError } from '@autocase/core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { ADMIN, startTestApp, type TestApp } from './support/test-app.js';

const METRICS_TOKEN = 'prometheus-scrape-token-0123456789';

describeEachDatabase('auth, users and health over HTTP', (databaseId) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(databaseId, { METRICS_TOKEN });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('reports database and queue health', async () => {
    const response = await app.api('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true, kind: databaseId }, queue: { ok: true, kind: 'in-process' } });
  });

  it('logs the bootstrap admin in and answers /auth/me', async () => {
    const login = await app.api('/auth/login', { method: 'POST', json: { email: 'ADMIN@example.com', password: ADMIN.password } });
    expect(login.status).toBe(200);
    const body = (await login.json()) as { token: string; user: { email: string; role: string } };
    expect(body.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    const me = await app.api('/auth/me', { token: body.token });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(JSON.stringify(await (await app.api('/admin/users', { token: body.token })).json())).not.toContain('scrypt');
  });

  it('refuses a wrong password with 401 and a missing token with 401', async () => {
    expect((await app.api('/auth/login', { method: 'POST', json: { email: ADMIN.email, password: 'wrong-password' } })).status).toBe(401);
    const anonymous = await app.api('/cases');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toContain('bearer token');
    expect((await app.api('/cases', { token: 'not-a-real-token' })).status).toBe(401);
  });

  it('names the bad field of an invalid login body with a 400', async () => {
    const response = await app.api('/auth/login', { method: 'POST', json: { email: 'not-an-email', password: '' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { path: string }[] };
    expect(body.issues.map((issue) => issue.path).sort()).toEqual(['email', 'password']);
  });

  it('lets an admin create an agent, who is forbidden from admin endpoints (403)', async () => {
    const adminToken = await app.login();
    const created = await app.api('/admin/users', { method: 'POST', token: adminToken, json: { email: 'agent@example.com', password: 'agent-password', role: 'agent' } });
    expect(created.status).toBe(201);
    const agent = (await created.json()) as { id: string; role: string };
    expect(agent.role).toBe('agent');
    const duplicate = await app.api('/admin/users', { method: 'POST', token: adminToken, json: { email: 'agent@example.com', password: 'agent-password' } });
    expect(duplicate.status).toBe(409);
    const agentToken = await app.login('agent@example.com', 'agent-password');
    const forbidden = await app.api('/admin/users', { token: agentToken });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { message: string }).message).toContain('admin');
    expect((await app.api('/admin/fields', { token: agentToken })).status).toBe(403);
    expect((await app.api('/fields', { token: agentToken })).status).toBe(200);
  });

  it('disabling a user ends their sessions; a password reset lets them in with the new password', async () => {
    const adminToken = await app.login();
    const created = (await (await app.api('/admin/users', { method: 'POST', token: adminToken, json: { email: 'temp@example.com', password: 'temporary-hammock-42' } })).json()) as { id: string };
    const tempToken = await app.login('temp@example.com', 'temporary-hammock-42');
    const disabled = await app.api(`/admin/users/${created.id}`, { method: 'PATCH', token: adminToken, json: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect((await app.api('/auth/me', { token: tempToken })).status).toBe(401);
    expect((await app.api('/auth/login', { method: 'POST', json: { email: 'temp@example.com', password: 'temporary-hammock-42' } })).status).toBe(401);
    await app.api(`/admin/users/${created.id}`, { method: 'PATCH', token: adminToken, json: { disabled: false, password: 'new-password-2', role: 'admin' } });
    const token = await app.login('temp@example.com', 'new-password-2');
    expect((await (await app.api('/auth/me', { token })).json()) as { role: string }).toMatchObject({ role: 'admin' });
    expect((await app.api('/admin/users/00000000-0000-4000-8000-000000000000', { method: 'PATCH', token: adminToken, json: { role: 'agent' } })).status).toBe(404);
    expect((await app.api(`/admin/users/${created.id}`, { method: 'PATCH', token: adminToken, json: { role: 'owner' } })).status).toBe(400);
  });

  it('logs out: the token stops working', async () => {
    const token = await app.login();
    expect((await app.api('/auth/logout', { method: 'POST', token })).status).toBe(204);
    expect((await app.api('/auth/me', { token })).status).toBe(401);
  });

  it('serves the OpenAPI document with the zod-described bodies, and Prometheus metrics', async () => {
    const document = (await (await app.api('/docs-json')).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>> };
    expect(document.paths['/api/auth/login']?.post?.requestBody?.content['application/json']?.schema.properties).toHaveProperty('email');
    expect(document.paths).toHaveProperty('/api/cases/{id}');
    const metrics = await (await app.api('/metrics', { token: METRICS_TOKEN })).text();
    expect(metrics).toContain('autocase_http_requests_total');
    expect(metrics).toContain('autocase_process_cpu_user_seconds_total');
  });

  it('keeps the metrics from anonymous callers and agents: METRICS_TOKEN or an admin token', async () => {
    const anonymous = await app.api('/metrics');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('autocase_http_requests_total');
    expect((await app.api('/metrics', { token: 'not-the-metrics-token-0123456789' })).status).toBe(401);
    await app.api('/admin/users', { method: 'POST', token: await app.login(), json: { email: 'metrics-agent@example.com', password: 'agent-password', role: 'agent' } });
    expect((await app.api('/metrics', { token: await app.login('metrics-agent@example.com', 'agent-password') })).status).toBe(403);
    const asAdmin = await app.api('/metrics', { token: await app.login() });
    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.text()).toContain('autocase_http_requests_total');
  });

  it('counts finished jobs in the metrics', async () => {
    const done = new Promise<void>((resolve) => app.running.queue.register('test.ping', async () => resolve()));
    await app.running.queue.enqueue('test.ping', {});
    await done;
    await vi.waitFor(async () => expect(await (await app.api('/metrics', { token: METRICS_TOKEN })).text()).toContain('autocase_jobs_total{name="test.ping",outcome="completed"} 1'));
  });

  it('lets admins list failed jobs with their error and retry them', async () => {
    let calls = 0;
    app.running.queue.register('test.fragile', async () => {
      calls += 1;
      if (calls === 1) throw new PluginError('INVALID_INPUT', 'the message could not be parsed');
    });
    const id = await app.running.queue.enqueue('test.fragile', { emailId: 'e-1' });
    const token = await app.login();
    await vi.waitFor(async () => {
      const failed = (await (await app.api('/admin/jobs?status=failed&name=test.fragile', { token })).json()) as { items: { id: string; lastError: string; data: unknown }[] };
      expect(failed.items).toEqual([expect.objectContaining({ id, data: { emailId: 'e-1' }, lastError: expect.stringContaining('could not be parsed') })]);
    });
    expect((await app.api(`/admin/jobs/${id}/retry`, { method: 'POST', token })).status).toBe(202);
    await vi.waitFor(async () => {
      const done = (await (await app.api('/admin/jobs?status=done&name=test.fragile', { token })).json()) as { items: { id: string }[] };
      expect(done.items.map((job) => job.id)).toEqual([id]);
    });
    expect((await app.api(`/admin/jobs/${id}/retry`, { method: 'POST', token })).status).toBe(404);
    expect((await app.api('/admin/jobs?status=lost', { token })).status).toBe(400);
    const agentForbidden = await app.api('/admin/jobs', { token: await app.login('agent@example.com', 'agent-password') });
    expect(agentForbidden.status).toBe(403);
  });

  it('sends secure headers and allows the UI origins', async () => {
    const response = await app.api('/health', { headers: { origin: 'http://127.0.0.1:3001' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect((await app.api('/docs')).status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3001');
    const foreign = await app.api('/health', { headers: { origin: 'http://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
