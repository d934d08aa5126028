import type { PluginContext } from '@autocase/core';
import { RecordingChannelHost } from '@autocase/core/testing';
import { smtpListenerChannel, SmtpListenerConfigSchema, type SmtpListenerConnection } from '@autocase/channels/email';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailChannels } from '../src/email/email-channels.js';
import { EMAIL_CHANNELS } from '../src/email/email-tokens.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'metrics@autocase.test';
const SECRET = 'metrics-webhook-secret-1234';
const ignore = () => undefined;
const context: PluginContext = { logger: { debug: ignore, info: ignore, warn: ignore, error: ignore }, fetch: globalThis.fetch, now: () => new Date(), signal: new AbortController().signal };

/** The value of one sample in Prometheus text, e.g. `autocase_email_inbound_total{channel="smtp"}`. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  if (!line) throw new Error(`no sample ${series} in /api/metrics`);
  return Number(line.slice(series.length + 1));
}

describe('email metrics on /api/metrics', () => {
  let app: TestApp;
  let token: string;
  let customerMx: SmtpListenerConnection;
  const customerInbox = new RecordingChannelHost();

  beforeAll(async () => {
    customerMx = smtpListenerChannel.create(SmtpListenerConfigSchema.parse({ port: 0, mailboxes: ['jane@customer.example'] }), context);
    await customerMx.doStart(customerInbox);
    app = await startTestApp('sqlite', { SMTP_PORT: '0', SMTP_MAX_MESSAGE_BYTES: '4096' });
    token = await app.login();
    const smtp = { host: '127.0.0.1', port: customerMx.address().port, secure: false, password: 'outbound-secret' };
    expect((await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX, webhookSecret: SECRET, smtp } })).status).toBe(201);
    const items = [
      { id: 'newsletters', name: 'Newsletters', conditions: [{ type: 'text', target: 'subject', operator: 'contains', value: 'newsletter' }], action: 'skip' },
      { id: 'all', name: 'Everything else', acknowledge: true, fieldMappings: [{ field: 'title', source: 'subject' }] },
    ];
    expect((await app.api('/admin/arc-rules', { method: 'POST', token, json: { mailbox: MAILBOX, name: 'Metrics inbox', items } })).status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await customerMx?.doStop();
  });

  async function sendOverSmtp(mail: SendMailOptions): Promise<number> {
    const port = app.running.app.get<EmailChannels>(EMAIL_CHANNELS).smtpAddress()!.port;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail(mail);
      return 250;
    } catch (error) {
      return (error as { responseCode?: number }).responseCode ?? 0;
    } finally {
      transport.close();
    }
  }

  const postRaw = (lines: string[]) => app.api('/channels/email/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': SECRET }, body: lines.join('\r\n') });
  const metrics = async () => (await app.api('/metrics', { token })).text();

  it('counts stored emails per channel, outcomes, acknowledgements, SMTP refusals, and times stored → outcome', async () => {
    const before = await metrics();
    expect(sample(before, 'autocase_email_inbound_total{channel="imap"}')).toBe(0);
    expect(sample(before, 'autocase_email_smtp_rejections_total{code="451"}')).toBe(0);

    expect(await sendOverSmtp({ from: 'Jane <jane@customer.example>', to: MAILBOX, subject: 'Printer jams', text: 'It jams.', messageId: '<m1@customer.example>' })).toBe(250);
    expect(await sendOverSmtp({ from: 'jane@customer.example', to: 'nobody@autocase.test', subject: 'Lost', text: 'x' })).toBe(550);
    expect(await sendOverSmtp({ from: 'jane@customer.example', to: MAILBOX, subject: 'Huge', text: 'x'.repeat(20_000) })).toBe(552);
    expect((await postRaw(['From: news@vendor.example', `To: ${MAILBOX}`, 'Subject: Monthly newsletter', 'Message-ID: <m2@vendor.example>', '', 'News.', ''])).status).toBe(202);
    await expect.poll(async () => sample(await metrics(), 'autocase_email_outcomes_total{outcome="case-created"}'), { timeout: 15_000 }).toBe(1);
    expect((await postRaw(['From: jane@customer.example', `To: ${MAILBOX}`, 'Subject: Re: Printer jams', 'Message-ID: <m3@customer.example>', 'In-Reply-To: <m1@customer.example>', '', 'Still jams.', ''])).status).toBe(202);
    await expect.poll(async () => sample(await metrics(), 'autocase_email_outcomes_total{outcome="linked"}'), { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => sample(await metrics(), 'autocase_email_outcomes_total{outcome="skipped"}'), { timeout: 15_000 }).toBe(1);

    const text = await metrics();
    expect(sample(text, 'autocase_email_inbound_total{channel="smtp"}')).toBe(1);
    expect(sample(text, 'autocase_email_inbound_total{channel="http"}')).toBe(2);
    expect(sample(text, 'autocase_email_inbound_total{channel="imap"}')).toBe(0);
    expect(sample(text, 'autocase_email_outcomes_total{outcome="failed"}')).toBe(0);
    expect(sample(text, 'autocase_email_acknowledgements_total')).toBe(1);
    expect(sample(text, 'autocase_email_smtp_rejections_total{code="550"}')).toBe(1);
    expect(sample(text, 'autocase_email_smtp_rejections_total{code="552"}')).toBe(1);
    expect(sample(text, 'autocase_email_smtp_rejections_total{code="451"}')).toBe(0);
    expect(sample(text, 'autocase_email_processing_seconds_count{outcome="case-created"}')).toBe(1);
    expect(sample(text, 'autocase_email_processing_seconds_count{outcome="linked"}')).toBe(1);
    expect(sample(text, 'autocase_email_processing_seconds_bucket{le="900",outcome="case-created"}')).toBe(1);
    await expect.poll(() => customerInbox.accepted.length, { timeout: 10_000 }).toBe(1);
  });
});
