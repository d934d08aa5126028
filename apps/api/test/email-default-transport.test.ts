import type { PluginContext } from '@autocase/core';
import { RecordingChannelHost } from '@autocase/core/testing';
import { parseEmail, smtpListenerChannel, SmtpListenerConfigSchema, type SmtpListenerConnection } from '@autocase/channels/email';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'support@autocase.test';
const SECRET = 'inbound-webhook-secret-1234';
const ignore = () => undefined;
const context: PluginContext = { logger: { debug: ignore, info: ignore, warn: ignore, error: ignore }, fetch: globalThis.fetch, now: () => new Date(), signal: new AbortController().signal };

interface SentReply {
  messageId: string;
  to: string[];
  transport: string;
  delivered: boolean;
  transportDescription: string;
}

/** A mailbox without outbound SMTP (as the seed's demo mailbox) and one email turned into a case. */
async function appWithEmailCase(databaseId: Parameters<typeof startTestApp>[0], env: Record<string, string>) {
  const app = await startTestApp(databaseId, { SMTP_ENABLED: 'false', ...env });
  const token = await app.login();
  const mailbox = await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX, displayName: 'Support', webhookSecret: SECRET } });
  expect(mailbox.status, await mailbox.clone().text()).toBe(201);
  const view = (await mailbox.json()) as { outboundTransport: { kind: string; delivers: boolean; description: string } };
  const rule = await app.api('/admin/arc-rules', { method: 'POST', token, json: { mailbox: MAILBOX, name: 'Support inbox', items: [{ id: 'all', name: 'Everything', fieldMappings: [{ field: 'title', source: 'subject' }] }] } });
  expect(rule.status, await rule.clone().text()).toBe(201);
  const raw = `From: Jane Doe <jane@customer.example>\r\nTo: ${MAILBOX}\r\nSubject: Printer jams\r\nMessage-ID: <first@customer.example>\r\n\r\nOur printer jams on every page.\r\n`;
  const posted = await app.api('/channels/email/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': SECRET }, body: raw });
  expect(posted.status).toBe(202);
  let caseId: string | null = null;
  for (const deadline = Date.now() + 20_000; !caseId && Date.now() < deadline; ) {
    const list = (await (await app.api('/emails', { token })).json()) as { items: { caseId: string | null }[] };
    caseId = list.items[0]?.caseId ?? null;
    if (!caseId) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!caseId) throw new Error('the email made no case in time');
  return { app, token, caseId, mailboxView: view };
}

describeEachDatabase('email replies through the server\'s default outbound transport', (databaseId) => {
  let relay: SmtpListenerConnection;
  const relayInbox = new RecordingChannelHost();
  const apps: TestApp[] = [];

  beforeAll(async () => {
    relay = smtpListenerChannel.create(SmtpListenerConfigSchema.parse({ port: 0, mailboxes: ['jane@customer.example'] }), context);
    await relay.doStart(relayInbox);
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await relay?.doStop();
  });

  it('by default keeps a reply of a mailbox without SMTP in the outbox, says so, and lists it on the case', async () => {
    const { app, token, caseId, mailboxView } = await appWithEmailCase(databaseId, {});
    apps.push(app);
    expect(mailboxView.outboundTransport).toMatchObject({ kind: 'outbox', delivers: false, description: expect.stringContaining('not delivered') });
    expect(await (await app.api('/admin/mailboxes/default-transport', { token })).json()).toMatchObject({ kind: 'outbox', delivers: false });

    const reply = await app.api(`/cases/${caseId}/email-replies`, { method: 'POST', token, json: { text: 'Please try a new cartridge.' } });
    expect(reply.status, await reply.clone().text()).toBe(201);
    const sent = (await reply.json()) as SentReply;
    expect(sent).toMatchObject({ to: ['jane@customer.example'], transport: 'outbox', delivered: false });
    const listed = (await (await app.api(`/cases/${caseId}/outbound-emails`, { token })).json()) as { items: { kind: string; text: string; transport: string; delivered: boolean; messageId: string }[] };
    expect(listed.items).toEqual([expect.objectContaining({ kind: 'agent-reply', messageId: sent.messageId, text: expect.stringContaining('Please try a new cartridge.'), transport: 'outbox', delivered: false })]);
  });

  it('delivers through the SMTP relay named by MAIL_DEFAULT_TRANSPORT', async () => {
    const { app, token, caseId, mailboxView } = await appWithEmailCase(databaseId, { MAIL_DEFAULT_TRANSPORT: `smtp://127.0.0.1:${relay.address().port}`, MAIL_DEFAULT_FROM: 'Help <help@autocase.test>' });
    apps.push(app);
    expect(mailboxView.outboundTransport).toMatchObject({ kind: 'server-smtp', delivers: true, description: `the server's SMTP relay 127.0.0.1:${relay.address().port}` });
    const reply = await app.api(`/cases/${caseId}/email-replies`, { method: 'POST', token, json: { text: 'Delivered for real.' } });
    expect(reply.status, await reply.clone().text()).toBe(201);
    expect(await reply.json()).toMatchObject({ transport: 'server-smtp', delivered: true });
    await expect.poll(() => relayInbox.accepted.length, { timeout: 10_000 }).toBe(1);
    const delivered = await parseEmail(relayInbox.accepted[0]!.payload as Uint8Array);
    expect(delivered.ok && delivered.email).toMatchObject({ to: [{ address: 'jane@customer.example' }], from: { address: 'help@autocase.test' }, inReplyTo: ['first@customer.example'] });
  });

  it('refuses with 409 and says what to set when the server has no default transport', async () => {
    const { app, token, caseId, mailboxView } = await appWithEmailCase(databaseId, { MAIL_DEFAULT_TRANSPORT: 'none' });
    apps.push(app);
    expect(mailboxView.outboundTransport).toMatchObject({ kind: 'none', delivers: false });
    const reply = await app.api(`/cases/${caseId}/email-replies`, { method: 'POST', token, json: { text: 'Hello' } });
    expect(reply.status).toBe(409);
    expect(((await reply.json()) as { message: string }).message).toBe(
      `mailbox ${MAILBOX} has no outbound SMTP settings and the server has no default transport (MAIL_DEFAULT_TRANSPORT=none); set outbound SMTP on the mailbox in the admin console`,
    );
  });
});
