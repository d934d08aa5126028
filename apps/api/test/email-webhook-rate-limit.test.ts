import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'limits@autocase.test';
const SECRET = 'rate-limit-webhook-secret-1234';

function message(index: number): string {
  return [`From: Jane <jane@customer.example>`, `To: ${MAILBOX}`, `Subject: Printer ${index} jams`, `Message-ID: <limit-${index}@customer.example>`, 'Date: Tue, 24 Nov 2026 06:00:00 +0000', '', `Printer ${index} jams on every page.`, ''].join('\r\n');
}

describe('the public inbound email webhook is rate-limited per client address', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp('sqlite', { RATE_LIMIT_PER_MINUTE: '3', SMTP_PORT: '0' });
    token = await app.login();
    expect((await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX, displayName: 'Limits', webhookSecret: SECRET } })).status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers 429 with Retry-After and a clear message over the limit, and keeps every message it accepted', async () => {
    const responses = [];
    for (let index = 1; index <= 5; index += 1) {
      responses.push(await app.api('/channels/email/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': SECRET }, body: message(index) }));
    }
    expect(responses.map((response) => response.status)).toEqual([202, 202, 202, 429, 429]);
    const refused = responses[3]!;
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { statusCode: number; message: string };
    expect(body.statusCode).toBe(429);
    expect(body.message).toMatch(/at most 3 a minute; this message was not stored, post it again in \d+ s/);

    const accepted = await Promise.all(responses.slice(0, 3).map(async (response) => ((await response.json()) as { id: string }).id));
    const listed = (await (await app.api(`/emails?mailbox=${encodeURIComponent(MAILBOX)}&pageSize=50`, { token })).json()) as { items: { id: string; messageId: string | null }[]; total: number };
    expect(listed.total).toBe(3);
    expect(listed.items.map((item) => item.id).sort()).toEqual([...accepted].sort());
  });
});
