import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface ErrorBody {
  issues: { path: string; message: string }[];
}

describeEachDatabase('stored secrets stay write-only and go only where they were saved for', (databaseId) => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp(databaseId, { SMTP_ENABLED: 'false' });
    token = await app.login();
  });
  afterAll(async () => {
    await app?.close();
  });

  function inbound(secret: string, messageId: string): Promise<Response> {
    const raw = ['From: jane@customer.example', 'To: hooks@autocase.test', 'Subject: Hello', `Message-ID: <${messageId}@customer.example>`, '', 'Hello'].join('\r\n');
    return app.api('/channels/email/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': secret }, body: raw });
  }

  it('shows the webhook secret only when the mailbox is created or the secret rotated', async () => {
    const created = await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: 'hooks@autocase.test' } });
    expect(created.status, await created.clone().text()).toBe(201);
    const mailbox = (await created.json()) as { id: string; webhookSecret: string; webhookSecretSet: boolean };
    expect(mailbox.webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mailbox.webhookSecretSet).toBe(true);

    for (const path of ['/admin/mailboxes', `/admin/mailboxes/${mailbox.id}`]) {
      const text = await (await app.api(path, { token })).text();
      expect(text).not.toContain(mailbox.webhookSecret);
      expect(text).not.toContain('"webhookSecret"');
      expect(text).toContain('"webhookSecretSet":true');
    }
    expect((await inbound(mailbox.webhookSecret, 'hook-1')).status).toBe(202);

    // Saving the mailbox without the secret keeps it.
    const saved = await app.api(`/admin/mailboxes/${mailbox.id}`, { method: 'PUT', token, json: { address: 'hooks@autocase.test', displayName: 'Hooks' } });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(await saved.text()).not.toContain(mailbox.webhookSecret);
    expect((await inbound(mailbox.webhookSecret, 'hook-2')).status).toBe(202);

    const rotated = await app.api(`/admin/mailboxes/${mailbox.id}/webhook-secret`, { method: 'POST', token });
    expect(rotated.status).toBe(200);
    const { webhookSecret } = (await rotated.json()) as { webhookSecret: string };
    expect(webhookSecret).not.toBe(mailbox.webhookSecret);
    expect((await inbound(mailbox.webhookSecret, 'hook-3')).status).toBe(401);
    expect((await inbound(webhookSecret, 'hook-4')).status).toBe(202);
  });

  it('uses a stored mailbox password only with the host it was saved with', async () => {
    const created = await app.api('/admin/mailboxes', {
      method: 'POST',
      token,
      json: { address: 'smtp-out@autocase.test', smtp: { host: '127.0.0.1', port: 1, user: 'robot', password: 'smtp-stored-secret' } },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const elsewhere = await app.api('/admin/mailboxes/test-connection', { method: 'POST', token, json: { kind: 'smtp', mailboxId: id, settings: { host: 'localhost', port: 1, user: 'robot' } } });
    expect(elsewhere.status).toBe(400);
    expect(((await elsewhere.json()) as ErrorBody).issues).toEqual([{ path: 'settings.password', message: expect.stringContaining('only used with 127.0.0.1') }]);
    // The same host may use it (the connection itself fails: nothing listens on port 1).
    const sameHost = await app.api('/admin/mailboxes/test-connection', { method: 'POST', token, json: { kind: 'smtp', mailboxId: id, settings: { host: '127.0.0.1', port: 1, user: 'robot' } } });
    expect(sameHost.status).toBe(200);
    // Typing the password again allows another host.
    const retyped = await app.api('/admin/mailboxes/test-connection', { method: 'POST', token, json: { kind: 'smtp', mailboxId: id, settings: { host: 'localhost', port: 1, user: 'robot', password: 'typed-again' } } });
    expect(retyped.status).toBe(200);

    const moved = await app.api(`/admin/mailboxes/${id}`, { method: 'PUT', token, json: { address: 'smtp-out@autocase.test', smtp: { host: 'mail.attacker.example', port: 25, user: 'robot' } } });
    expect(moved.status).toBe(400);
    expect(((await moved.json()) as ErrorBody).issues.map((issue) => issue.path)).toEqual(['smtp.password']);
    const kept = await app.api(`/admin/mailboxes/${id}`, { method: 'PUT', token, json: { address: 'smtp-out@autocase.test', smtp: { host: '127.0.0.1', port: 2, user: 'robot' } } });
    expect(kept.status).toBe(200);
    expect(((await kept.json()) as { smtpPasswordSet: boolean }).smtpPasswordSet).toBe(true);
  });

  it('sends the stored LLM key only to the provider and base URL it was saved for', async () => {
    const baseURL = 'http://127.0.0.1:9/v1';
    const saved = await app.api('/admin/predictors/llm', { method: 'PUT', token, json: { enabled: false, provider: 'openai-compatible', model: 'local-model', baseURL, apiKey: 'sk-stored-llm-key-1234' } });
    expect(saved.status, await saved.clone().text()).toBe(200);

    const tested = await app.api('/admin/predictors/llm/test', { method: 'POST', token, json: { provider: 'openai-compatible', model: 'local-model', baseURL: 'http://localhost:9/v1' } });
    expect(tested.status).toBe(400);
    expect(((await tested.json()) as ErrorBody).issues).toEqual([{ path: 'apiKey', message: expect.stringContaining('http://127.0.0.1:9/v1') }]);
    const moved = await app.api('/admin/predictors/llm', { method: 'PUT', token, json: { enabled: false, provider: 'openai-compatible', model: 'local-model', baseURL: 'http://attacker.example/v1' } });
    expect(moved.status).toBe(400);
    const toOpenAi = await app.api('/admin/predictors/llm/test', { method: 'POST', token, json: { provider: 'openai', model: 'gpt-4o-mini' } });
    expect(toOpenAi.status).toBe(400);

    const unchanged = (await (await app.api('/admin/predictors/llm', { token })).json()) as { baseURL: string; apiKeySet: boolean };
    expect(unchanged).toMatchObject({ baseURL, apiKeySet: true });
    const sameUrl = await app.api('/admin/predictors/llm', { method: 'PUT', token, json: { enabled: false, provider: 'openai-compatible', model: 'other-model', baseURL } });
    expect(sameUrl.status).toBe(200);
    const withNewKey = await app.api('/admin/predictors/llm', { method: 'PUT', token, json: { enabled: false, provider: 'openai-compatible', model: 'other-model', baseURL: 'http://localhost:9/v1', apiKey: 'sk-new-llm-key-5678' } });
    expect(withNewKey.status).toBe(200);
  });
});
