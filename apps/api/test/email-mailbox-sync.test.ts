import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config/app-config.js';
import { createApp, type RunningApp } from '../src/create-app.js';
import type { EmailChannels } from '../src/email/email-channels.js';
import { EMAIL_CHANNELS } from '../src/email/email-tokens.js';
import { createLogger } from '../src/infrastructure/app-logger.js';
import { describeEachDatabase } from './support/database-targets.js';
import { ADMIN, startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'added-later@autocase.test';

/** An admin adds a mailbox through one API process; another process sharing the database accepts mail for it soon after. */
describeEachDatabase('mailbox changes reach every API process', (databaseId) => {
  let first: TestApp;
  let second: RunningApp;

  beforeAll(async () => {
    first = await startTestApp(databaseId, { SMTP_PORT: '0' });
    const env = { AUTOCASE_ADMIN_EMAIL: ADMIN.email, AUTOCASE_ADMIN_PASSWORD: ADMIN.password, AUTOCASE_PLUGINS: '[]', SMTP_PORT: '0', EMAIL_MAILBOX_REFRESH_MS: '200' };
    second = await createApp({ config: { ...loadConfig(env), database: first.database.config }, port: 0, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const sendToSecond = async () => {
    const port = second.app.get<EmailChannels>(EMAIL_CHANNELS).smtpAddress()!.port;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    try {
      return await transport.sendMail({ from: 'jane@customer.example', to: MAILBOX, subject: 'Hello', text: 'Hello there.' });
    } finally {
      transport.close();
    }
  };

  it('the second process refuses the address before it exists and accepts it once the first process added it', async () => {
    await expect(sendToSecond()).rejects.toThrow(/no such mailbox/);
    const token = await first.login();
    expect((await first.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX } })).status).toBe(201);
    await expect.poll(async () => (await sendToSecond().then(() => 'accepted', (error: Error) => error.message)), { timeout: 10_000, interval: 250 }).toBe('accepted');
  });
});
