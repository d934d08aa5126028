import type { PluginContext } from '@autocase/core';
import { RecordingChannelHost } from '@autocase/core/testing';
import { parseEmail, smtpListenerChannel, SmtpListenerConfigSchema, type SmtpListenerConnection } from '@autocase/channels/email';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EmailChannels } from '../src/email/email-channels.js';
import { EMAIL_CHANNELS } from '../src/email/email-tokens.js';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'support@autocase.test';
const SECRET = 'inbound-webhook-secret-1234';
const ignore = () => undefined;
const context: PluginContext = { logger: { debug: ignore, info: ignore, warn: ignore, error: ignore }, fetch: globalThis.fetch, now: () => new Date(), signal: new AbortController().signal };

interface EmailView {
  id: string;
  status: string;
  outcome: string | null;
  reason: string | null;
  correlation: string | null;
  caseId: string | null;
  messageId: string | null;
}

describeEachDatabase('email over SMTP and HTTP into cases', (databaseId) => {
  let app: TestApp;
  let token: string;
  /** The customer's side: an SMTP server that receives our acknowledgements. */
  let customerMx: SmtpListenerConnection;
  const customerInbox = new RecordingChannelHost();

  beforeAll(async () => {
    customerMx = smtpListenerChannel.create(SmtpListenerConfigSchema.parse({ port: 0, mailboxes: ['jane@customer.example', 'bob@customer.example'] }), context);
    await customerMx.doStart(customerInbox);
    app = await startTestApp(databaseId, { SMTP_PORT: '0' });
    token = await app.login();
    const mailbox = await app.api('/admin/mailboxes', {
      method: 'POST',
      token,
      json: { address: MAILBOX, displayName: 'Support', webhookSecret: SECRET, smtp: { host: '127.0.0.1', port: customerMx.address().port, secure: false, password: 'outbound-secret' } },
    });
    expect(mailbox.status).toBe(201);
    expect(JSON.stringify(await mailbox.json())).not.toContain('outbound-secret');
    const rule = await app.api('/admin/arc-rules', {
      method: 'POST',
      token,
      json: {
        mailbox: MAILBOX,
        name: 'Support inbox',
        items: [
          { id: 'newsletters', name: 'Newsletters', conditions: [{ type: 'text', target: 'subject', operator: 'contains', value: 'newsletter' }], action: 'skip' },
          { id: 'all', name: 'Everything else', acknowledge: true, fieldMappings: [{ field: 'title', source: 'subject' }, { field: 'priority', source: 'constant', value: 'normal' }] },
        ],
      },
    });
    expect(rule.status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await customerMx?.doStop();
  });

  function smtpPort(): number {
    return app.running.app.get<EmailChannels>(EMAIL_CHANNELS).smtpAddress()!.port;
  }

  async function sendOverSmtp(mail: SendMailOptions, envelopeFrom?: string): Promise<{ code: number; response: string }> {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort(), secure: false, ignoreTLS: true });
    try {
      const info = await transport.sendMail(envelopeFrom === undefined ? mail : { ...mail, envelope: { from: envelopeFrom, to: [MAILBOX] } });
      return { code: 250, response: info.response };
    } catch (error) {
      return { code: (error as { responseCode?: number }).responseCode ?? 0, response: (error as Error).message };
    } finally {
      transport.close();
    }
  }

  async function processedEmail(messageId: string): Promise<EmailView> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const list = (await (await app.api(`/emails?q=${encodeURIComponent(messageId)}`, { token })).json()) as { items: EmailView[] };
      const found = list.items.find((email) => email.messageId === messageId && email.status !== 'received');
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`email ${messageId} was not processed in time`);
  }

  it('creates a case from an email over SMTP, acknowledges it with the token, and threads replies and bounces onto it', async () => {
    const sent = await sendOverSmtp({ from: 'Jane Doe <jane@customer.example>', to: MAILBOX, subject: 'Printer jams', text: 'Our printer jams on every page.', messageId: '<first@customer.example>' });
    expect(sent.code).toBe(250);
    const first = await processedEmail('first@customer.example');
    expect(first).toMatchObject({ outcome: 'case-created', correlation: 'none' });
    expect(first.reason).toContain('rule item "Everything else" matched');
    const caseView = (await (await app.api(`/cases/${first.caseId}`, { token })).json()) as { number: string; title: string; channel: string; fields: Record<string, { value: unknown; source: string }> };
    expect(caseView).toMatchObject({ title: 'Printer jams', channel: 'email', fields: { priority: { value: 'normal', source: 'channel' } } });

    await expect.poll(() => customerInbox.accepted.length, { timeout: 10_000 }).toBe(1);
    const acknowledgement = await parseEmail(customerInbox.accepted[0]!.payload as Uint8Array);
    if (!acknowledgement.ok) throw new Error(acknowledgement.error);
    expect(acknowledgement.email.subject).toBe(`[${caseView.number}] We received your request: Printer jams`);
    expect(acknowledgement.email.inReplyTo).toEqual(['first@customer.example']);
    expect(acknowledgement.email.headers['auto-submitted']).toEqual(['auto-replied']);

    const reply = await sendOverSmtp({ from: 'jane@customer.example', to: MAILBOX, subject: `Re: ${acknowledgement.email.subject}`, text: 'Still broken.', messageId: '<reply@customer.example>', inReplyTo: `<${acknowledgement.email.messageId}>` });
    expect(reply.code).toBe(250);
    expect(await processedEmail('reply@customer.example')).toMatchObject({ outcome: 'linked', correlation: 'in-reply-to', caseId: first.caseId });

    const bounce = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>',
      `To: ${MAILBOX}`,
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce-1@mx.customer.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Delivery to jane@customer.example failed.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.customer.example',
      '',
      'Final-Recipient: rfc822; jane@customer.example',
      'Action: failed',
      'Status: 5.1.1',
      '--b',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: <${acknowledgement.email.messageId}>`,
      `Subject: ${acknowledgement.email.subject}`,
      '--b--',
      '',
    ].join('\r\n');
    expect((await sendOverSmtp({ raw: bounce, envelope: { from: '', to: [MAILBOX] } })).code).toBe(250);
    const bounced = await processedEmail('bounce-1@mx.customer.example');
    expect(bounced).toMatchObject({ outcome: 'linked', caseId: first.caseId });
    expect(bounced.reason).toMatch(/^delivery failure: our acknowledgement/);

    const outOfOffice = await sendOverSmtp({ from: 'bob@customer.example', to: MAILBOX, subject: 'Out of office', text: 'Back Monday.', messageId: '<ooo@customer.example>', headers: { 'Auto-Submitted': 'auto-replied' } });
    expect(outOfOffice.code).toBe(250);
    expect(await processedEmail('ooo@customer.example')).toMatchObject({ outcome: 'skipped', caseId: null });

    const agentReply = await app.api(`/cases/${first.caseId}/email-replies`, { method: 'POST', token, json: { text: 'Please try a new cartridge.' } });
    expect(agentReply.status).toBe(201);
    await expect.poll(() => customerInbox.accepted.length, { timeout: 10_000 }).toBe(2);
    const replied = await parseEmail(customerInbox.accepted[1]!.payload as Uint8Array);
    expect(replied.ok && replied.email).toMatchObject({ to: [{ address: 'jane@customer.example' }], inReplyTo: ['reply@customer.example'], subject: `Re: ${acknowledgement.email.subject}` });
    const customerAnswer = await sendOverSmtp({ from: 'jane@customer.example', to: MAILBOX, subject: 'Re: thanks', text: 'That worked.', messageId: '<answer@customer.example>', inReplyTo: `<${(replied.ok && replied.email.messageId) || ''}>` });
    expect(customerAnswer.code).toBe(250);
    expect(await processedEmail('answer@customer.example')).toMatchObject({ outcome: 'linked', correlation: 'in-reply-to', caseId: first.caseId });

    const caseEmails = (await (await app.api(`/cases/${first.caseId}/emails`, { token })).json()) as { items: EmailView[] };
    expect(caseEmails.items.map((email) => email.messageId)).toEqual(['first@customer.example', 'reply@customer.example', 'bounce-1@mx.customer.example', 'answer@customer.example']);
    expect(customerInbox.accepted).toHaveLength(2);
    expect((await (await app.api('/cases?channel=email', { token })).json()) as { total: number }).toMatchObject({ total: 1 });

    // What we sent is on the case too, each message with its text and delivery state (the acknowledgement bounced).
    const outbound = (await (await app.api(`/cases/${caseView.number}/outbound-emails`, { token })).json()) as { items: { kind: string; to: string[]; subject: string; text: string; delivery: string; deliveryError?: string; sentBy?: string }[] };
    expect(outbound.items).toEqual([
      expect.objectContaining({ kind: 'acknowledgement', to: ['jane@customer.example'], subject: acknowledgement.email.subject, delivery: 'bounced', text: expect.stringContaining(caseView.number) }),
      expect.objectContaining({ kind: 'agent-reply', to: ['jane@customer.example'], delivery: 'sent', text: expect.stringContaining('Please try a new cartridge.'), sentBy: expect.any(String) }),
    ]);
    expect((await app.api('/cases/CAS-99999/outbound-emails', { token })).status).toBe(404);
  });

  it('refuses unknown recipients with 550 and takes raw MIME over HTTP with the mailbox secret, byte for byte and once', async () => {
    expect((await sendOverSmtp({ from: 'jane@customer.example', to: 'nobody@autocase.test', subject: 'x', text: 'y' })).code).toBe(550);
    const raw = 'From: Bob <bob@customer.example>\r\nTo: support@autocase.test\r\nSubject: Invoice question\r\nMessage-ID: <http-1@customer.example>\r\n\r\nWhy was I charged twice?\r\n';
    const post = (secret: string) => app.api('/channels/email/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': secret }, body: raw });
    expect((await post('wrong-secret-wrong-secret')).status).toBe(401);
    const accepted = await post(SECRET);
    expect(accepted.status).toBe(202);
    const { id, duplicate } = (await accepted.json()) as { id: string; duplicate: boolean };
    expect(duplicate).toBe(false);
    expect(await (await post(SECRET)).json()).toEqual({ id, duplicate: true });
    const email = await processedEmail('http-1@customer.example');
    expect(email).toMatchObject({ id, outcome: 'case-created' });
    const stored = await app.api(`/emails/${id}/raw`, { token });
    expect(stored.headers.get('content-type')).toContain('message/rfc822');
    expect(Buffer.from(await stored.arrayBuffer()).toString('utf8')).toBe(raw);

    const withImage = [
      'From: bob@customer.example',
      'To: support@autocase.test',
      'Subject: Screenshot',
      'Message-ID: <img-1@customer.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="rel"',
      '',
      '--rel',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>See <img src="cid:shot@customer.example"></p>',
      '--rel',
      'Content-Type: image/png; name="shot.png"',
      'Content-ID: <shot@customer.example>',
      'Content-Disposition: inline; filename="shot.png"',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '--rel--',
      '',
    ].join('\r\n');
    expect((await app.api('/channels/email/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': SECRET }, body: withImage })).status).toBe(202);
    const imageEmail = await processedEmail('img-1@customer.example');
    const detail = (await (await app.api(`/emails/${imageEmail.id}`, { token })).json()) as { attachments: { contentId: string; inline: boolean }[] };
    expect(detail.attachments).toMatchObject([{ contentId: 'shot@customer.example', inline: true }]);
    const image = await app.api(`/emails/${imageEmail.id}/attachments/cid:shot@customer.example`, { token });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).toString('base64')).toBe('iVBORw0KGgo=');
    expect((await app.api(`/emails/${imageEmail.id}/attachments/5`, { token })).status).toBe(404);

    const newsletter = 'From: news@vendor.example\r\nTo: support@autocase.test\r\nSubject: Our newsletter\r\nMessage-ID: <news-1@vendor.example>\r\nList-Id: <news.vendor.example>\r\n\r\nNews.\r\n';
    expect((await app.api('/channels/email/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': SECRET }, body: newsletter })).status).toBe(202);
    const skipped = await processedEmail('news-1@vendor.example');
    expect(skipped).toMatchObject({ outcome: 'skipped', reason: 'rule item "Newsletters" skips it' });
    const reprocessed = await app.api(`/emails/${skipped.id}/reprocess`, { method: 'POST', token });
    expect(reprocessed.status).toBe(201);
    expect(await reprocessed.json()).toMatchObject({ outcome: 'skipped', alreadyProcessed: false });
    const filtered = (await (await app.api('/emails?outcome=skipped', { token })).json()) as { items: EmailView[]; total: number };
    expect(filtered.items.every((item) => item.outcome === 'skipped')).toBe(true);
  });

  it('answers a dry run for an uploaded .eml without side effects', async () => {
    const rules = (await (await app.api('/admin/arc-rules', { token })).json()) as { items: { id: string }[] };
    const before = ((await (await app.api('/cases', { token })).json()) as { total: number }).total;
    const response = await app.api(`/admin/arc-rules/dry-run?ruleId=${rules.items[0]!.id}`, {
      method: 'POST',
      token,
      headers: { 'content-type': 'message/rfc822' },
      body: 'From: Carol <carol@new.example>\r\nSubject: Need help\r\nMessage-ID: <dry@new.example>\r\n\r\nHello\r\n',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      evaluation: { item: { id: 'all' }, plannedActions: [{ type: 'create-contact', email: 'carol@new.example' }, { type: 'create-case', title: 'Need help' }, { type: 'acknowledge' }] },
    });
    expect(((await (await app.api('/cases', { token })).json()) as { total: number }).total).toBe(before);
    const invalid = await app.api('/admin/arc-rules', { method: 'POST', token, json: { mailbox: 'not-a-mailbox', name: '', items: [] } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { message: string }).message).toContain('mailbox must be an email address');
  });
});
