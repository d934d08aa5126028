import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PluginContext } from '@autocase/core';
import { RecordingChannelHost, runChannelContract } from '@autocase/core/testing';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpListenerChannel, SmtpListenerConfigSchema, type SmtpListenerConfigInput, type SmtpListenerConnection } from './smtp-listener.js';
import { createSmtpMailer } from './smtp-mailer.js';
import { parseEmail } from './parse-email.js';

const ignore = () => undefined;
const context: PluginContext = { logger: { debug: ignore, info: ignore, warn: ignore, error: ignore }, fetch: globalThis.fetch, now: () => new Date(), signal: new AbortController().signal };
const MAILBOX = 'support@autocase.test';

function selfSignedCertificate(): { key: string; cert: string } {
  const directory = mkdtempSync(join(tmpdir(), 'autocase-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', join(directory, 'key.pem'), '-out', join(directory, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(directory, 'key.pem'), 'utf8'), cert: readFileSync(join(directory, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function sendMail(connection: SmtpListenerConnection, mail: SendMailOptions, transportOptions: Record<string, unknown> = { ignoreTLS: true }) {
  const { port } = connection.address();
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ...transportOptions });
  try {
    const info = await transport.sendMail(mail);
    return { ok: true as const, response: info.response, code: 250 };
  } catch (error) {
    const failure = error as { responseCode?: number; response?: string; message: string };
    return { ok: false as const, response: failure.response ?? failure.message, code: failure.responseCode ?? 0 };
  } finally {
    transport.close();
  }
}

const started: SmtpListenerConnection[] = [];
async function start(host: RecordingChannelHost, config: Partial<SmtpListenerConfigInput> = {}): Promise<SmtpListenerConnection> {
  const connection = smtpListenerChannel.create(SmtpListenerConfigSchema.parse({ port: 0, mailboxes: [MAILBOX], ...config }), context);
  await connection.doStart(host);
  started.push(connection);
  return connection;
}
afterEach(async () => {
  for (const connection of started.splice(0)) await connection.doStop();
});

const message = (overrides: SendMailOptions = {}): SendMailOptions => ({
  from: 'Jane Doe <jane@customer.example>',
  to: MAILBOX,
  subject: 'Printer broken',
  text: 'My printer does not print.',
  messageId: '<m1@customer.example>',
  ...overrides,
});

describe('SMTP listener over a real socket', () => {
  it('answers 250 after the host stored the message byte for byte, with the envelope', async () => {
    const host = new RecordingChannelHost();
    const connection = await start(host);
    const result = await sendMail(connection, message({ envelope: { from: '', to: [MAILBOX] } }));
    expect(result).toMatchObject({ ok: true, code: 250 });
    expect(result.response).toMatch(/^250 2\.0\.0 Stored as item-1/);
    expect(host.accepted).toHaveLength(1);
    const item = host.accepted[0]!;
    expect(item).toMatchObject({ kind: 'email.raw', address: MAILBOX, metadata: { transport: 'smtp', mailFrom: '', rcptTo: [MAILBOX], tls: false } });
    const parsed = await parseEmail(item.payload as Uint8Array);
    expect(parsed.ok && parsed.email).toMatchObject({ messageId: 'm1@customer.example', subject: 'Printer broken', from: { address: 'jane@customer.example' } });
  });

  it('answers 451 when storage fails, so the sender retries, and 250 once it is back', async () => {
    const host = new RecordingChannelHost();
    host.down = true;
    const connection = await start(host);
    const rejections: string[] = [];
    connection.onRejection((rejection) => rejections.push(`${rejection.code} ${rejection.reason}`));
    const refused = await sendMail(connection, message());
    expect(refused).toMatchObject({ ok: false, code: 451 });
    expect(refused.response).toContain('4.3.0 Temporary storage failure');
    host.down = false;
    expect(await sendMail(connection, message())).toMatchObject({ ok: true, code: 250 });
    expect(host.accepted).toHaveLength(1);
    expect(rejections).toEqual(['451 4.3.0 Temporary storage failure, please try again later']);
  });

  it('answers 552 over the size limit and 550 for an address that is not a mailbox', async () => {
    const host = new RecordingChannelHost();
    const connection = await start(host, { maxMessageBytes: 2048 });
    const rejections: number[] = [];
    connection.onRejection((rejection) => rejections.push(rejection.code));
    const large = await sendMail(connection, message({ text: 'x'.repeat(10_000) }));
    expect(large).toMatchObject({ ok: false, code: 552 });
    const unknown = await sendMail(connection, message({ to: 'nobody@autocase.test' }));
    expect(unknown).toMatchObject({ ok: false, code: 550 });
    expect(unknown.response).toContain('<nobody@autocase.test>: no such mailbox here');
    connection.updateMailboxes(['nobody@autocase.test']);
    expect(await sendMail(connection, message({ to: 'nobody@autocase.test' }))).toMatchObject({ ok: true });
    expect(host.accepted).toHaveLength(1);
    expect(rejections).toEqual([552, 550]);
  });

  it('offers STARTTLS with the configured certificate and can require it', async () => {
    const host = new RecordingChannelHost();
    const certificate = selfSignedCertificate();
    const connection = await start(host, { tls: { mode: 'starttls', ...certificate, required: true } });
    expect(await sendMail(connection, message(), { ignoreTLS: true })).toMatchObject({ ok: false, code: 530 });
    const secured = await sendMail(connection, message(), { requireTLS: true, tls: { rejectUnauthorized: false } });
    expect(secured).toMatchObject({ ok: true, code: 250 });
    expect(host.accepted[0]!.metadata).toMatchObject({ tls: true });
  });

  it('explains a bad configuration', () => {
    const result = SmtpListenerConfigSchema.safeParse({ mailboxes: ['support'], tls: { mode: 'starttls', key: 'nope', cert: 'nope' } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message)).toEqual([
      'each mailbox must be an email address such as support@example.com',
      'tls.key must be a PEM private key (-----BEGIN … PRIVATE KEY-----)',
      'tls.cert must be a PEM certificate (-----BEGIN CERTIFICATE-----)',
    ]);
  });
});

describe('SMTP mailer (nodemailer) against the listener', () => {
  it('keeps our Message-ID, In-Reply-To, References and automatic-message headers', async () => {
    const host = new RecordingChannelHost();
    const connection = await start(host);
    const mailer = createSmtpMailer({ host: '127.0.0.1', port: connection.address().port, secure: false, tls: { rejectUnauthorized: false } });
    const sent = await mailer.send({
      from: 'support@autocase.test',
      to: [MAILBOX],
      subject: '[CAS-00001] We received your request',
      text: 'Thanks',
      messageId: 'ack-1@autocase.test',
      inReplyTo: 'm1@customer.example',
      references: ['root@customer.example', 'm1@customer.example'],
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    mailer.close();
    expect(sent.messageId).toBe('ack-1@autocase.test');
    const parsed = await parseEmail(host.accepted[0]!.payload as Uint8Array);
    expect(parsed.ok && parsed.email).toMatchObject({
      messageId: 'ack-1@autocase.test',
      inReplyTo: ['m1@customer.example'],
      references: ['root@customer.example', 'm1@customer.example'],
      headers: { 'auto-submitted': ['auto-replied'] },
      classification: { kind: 'auto-reply' },
    });
  });

  it('reports a refused recipient as a permanent error and an unreachable server as temporary', async () => {
    const connection = await start(new RecordingChannelHost());
    const mailer = createSmtpMailer({ host: '127.0.0.1', port: connection.address().port, secure: false });
    await expect(mailer.send({ from: 'a@autocase.test', to: ['nobody@autocase.test'], subject: 's', text: 't' })).rejects.toMatchObject({ name: 'PluginError', code: 'INVALID_INPUT' });
    mailer.close();
    const unreachable = createSmtpMailer({ host: '127.0.0.1', port: 1, secure: false });
    await expect(unreachable.send({ from: 'a@autocase.test', to: [MAILBOX], subject: 's', text: 't' })).rejects.toMatchObject({ code: 'TEMPORARY' });
    unreachable.close();
  });
});

runChannelContract({
  plugin: smtpListenerChannel,
  config: { port: 0, mailboxes: [MAILBOX] },
  invalidConfigs: [{ mailboxes: ['not an address'] }, { mailboxes: [MAILBOX], maxMessageBytes: 10 }],
  expectedKind: 'email.raw',
  deliver: async (connection, attempt) => {
    const result = await sendMail(connection as SmtpListenerConnection, message({ messageId: `<contract-${attempt}@customer.example>` }));
    return { acknowledged: result.ok };
  },
});
