import { startDovecot, type RunningDovecot } from '@autocase/channels/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailChannels } from '../src/email/email-channels.js';
import { EMAIL_CHANNELS } from '../src/email/email-tokens.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'help@autocase.test';
const IMAP_USER = 'help@autocase.test';
const IMAP_PASSWORD = 'imap-password-123';

describe('an IMAP mailbox polled by the API (real Dovecot)', () => {
  let dovecot: RunningDovecot;
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    dovecot = await startDovecot({ users: { [IMAP_USER]: IMAP_PASSWORD } });
    app = await startTestApp('sqlite', { SMTP_ENABLED: 'false' });
    token = await app.login();
  });
  afterAll(async () => {
    await app?.close();
    await dovecot?.stop();
  });

  it('takes new messages into cases and marks them seen; the stored password is never shown', async () => {
    const imap = { host: dovecot.host, port: dovecot.port, secure: false, user: IMAP_USER, password: IMAP_PASSWORD, pollIntervalSeconds: 3600 };
    const test = await app.api('/admin/mailboxes/test-connection', { method: 'POST', token, json: { kind: 'imap', settings: imap } });
    expect(await test.json()).toMatchObject({ ok: true, message: expect.stringMatching(/^Connected; INBOX has 0 messages/) });
    const created = await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX, imap } });
    expect(created.status).toBe(201);
    const mailbox = (await created.json()) as { id: string; imap: Record<string, unknown>; imapPasswordSet: boolean };
    expect(mailbox.imap.password).toBeUndefined();
    expect(mailbox.imapPasswordSet).toBe(true);
    expect((await app.api('/admin/arc-rules', { method: 'POST', token, json: { mailbox: MAILBOX, name: 'Help', items: [{ id: 'all', name: 'All' }] } })).status).toBe(201);
    // Saving again without the password keeps the stored one.
    const { password: _password, ...withoutPassword } = imap;
    expect((await app.api(`/admin/mailboxes/${mailbox.id}`, { method: 'PUT', token, json: { address: MAILBOX, displayName: 'Help desk', imap: withoutPassword } })).status).toBe(200);

    dovecot.deliver(IMAP_USER, 'From: Dana <dana@customer.example>\r\nTo: help@autocase.test\r\nSubject: Login fails\r\nMessage-ID: <imap-1@customer.example>\r\n\r\nI cannot log in.\r\n');
    const channels = app.running.app.get<EmailChannels>(EMAIL_CHANNELS);
    // The poller also polls on its own (it restarted when the mailbox was saved); this poll runs after the delivery.
    expect(await channels.pollImapNow()).toEqual([{ mailbox: MAILBOX, taken: expect.any(Number), leftForRetry: 0, error: null }]);
    await expect
      .poll(async () => ((await (await app.api('/emails?q=imap-1', { token })).json()) as { items: { outcome: string | null }[] }).items[0]?.outcome, { timeout: 10_000 })
      .toBe('case-created');
    expect(await channels.pollImapNow()).toEqual([{ mailbox: MAILBOX, taken: 0, leftForRetry: 0, error: null }]);
    expect(((await (await app.api('/cases', { token })).json()) as { items: { title: string }[] }).items.map((item) => item.title)).toEqual(['Login fails']);
  });
});
