import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PluginContext } from '@autocase/core';
import { RecordingChannelHost } from '@autocase/core/testing';
import { smtpListenerChannel, SmtpListenerConfigSchema, type SmtpListenerConnection } from '@autocase/channels/email';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SPAM_DECISIONS } from '../src/email/spam/spam-tokens.js';
import type { MikroSpamDecisionStore } from '../src/email/spam/mikro-spam-decision-store.js';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'support@autocase.test';
const SECRET = 'inbound-webhook-secret-spam-1234';
const ignore = () => undefined;
const context: PluginContext = { logger: { debug: ignore, info: ignore, warn: ignore, error: ignore }, fetch: globalThis.fetch, now: () => new Date(), signal: new AbortController().signal };
/** A real spam of the evaluation set (SpamAssassin spam part 2), without any X-Spam-* header: the classifier's call. */
const REAL_SPAM = readFileSync(resolve(import.meta.dirname, '../../../../shared/eval/emails/spam/00001.317e78fa8ee2f54cd4890fdc09ba8176.txt'));

interface EmailView {
  id: string;
  status: string;
  outcome: string | null;
  reason: string | null;
  caseId: string | null;
  messageId: string | null;
}

function message(id: string, headers: string[], subject: string, body: string): string {
  return [`From: Customer <${id}@customer.example>`, `To: ${MAILBOX}`, `Subject: ${subject}`, `Message-ID: <${id}@customer.example>`, ...headers, '', body, ''].join('\r\n');
}

describeEachDatabase('spam quarantine', (databaseId) => {
  let app: TestApp;
  let token: string;
  let agentToken: string;
  let customerMx: SmtpListenerConnection;
  const customerInbox = new RecordingChannelHost();

  beforeAll(async () => {
    customerMx = smtpListenerChannel.create(SmtpListenerConfigSchema.parse({ port: 0, mailboxes: ['ham@customer.example', 'flagged@customer.example', 'dmarc-through@customer.example'] }), context);
    await customerMx.doStart(customerInbox);
    app = await startTestApp(databaseId, { SMTP_ENABLED: 'false' });
    token = await app.login();
    const smtp = { host: '127.0.0.1', port: customerMx.address().port, secure: false };
    expect((await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX, webhookSecret: SECRET, smtp } })).status).toBe(201);
    const rule = { mailbox: MAILBOX, name: 'Every email becomes a case', items: [{ id: 'all', name: 'Everything', acknowledge: true, fieldMappings: [{ field: 'title', source: 'subject' }] }] };
    expect((await app.api('/admin/arc-rules', { method: 'POST', token, json: rule })).status).toBe(201);
    expect((await app.api('/admin/users', { method: 'POST', token, json: { email: 'agent@autocase.test', password: 'agent-password', role: 'agent' } })).status).toBe(201);
    agentToken = await app.login('agent@autocase.test', 'agent-password');
  });
  afterAll(async () => {
    await app?.close();
    await customerMx?.doStop();
  });

  async function deliver(raw: string | Buffer): Promise<void> {
    const response = await app.api('/channels/email/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': SECRET }, body: raw });
    expect(response.status).toBe(202);
  }

  async function processedEmail(messageId: string): Promise<EmailView> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const list = (await (await app.api(`/emails?q=${encodeURIComponent(messageId)}`, { token })).json()) as { items: EmailView[] };
      const found = list.items.find((email) => email.messageId === messageId && email.status !== 'received');
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`email ${messageId} was not processed in time`);
  }

  it('quarantines spam by the upstream flag, a DMARC failure and the classifier: outcome spam, no case, no acknowledgement', async () => {
    await deliver(message('flagged', ['X-Spam-Flag: YES', 'X-Spam-Status: Yes, score=14.2 required=5.0'], 'Hello', 'Just saying hello.'));
    await deliver(message('dmarc', ['Authentication-Results: mx.autocase.test; spf=fail smtp.mailfrom=bank.example; dmarc=fail header.from=bank.example'], 'Your account', 'Please confirm your account.'));
    await deliver(REAL_SPAM);
    await deliver(message('ham', [], 'Printer jams', 'Our printer jams on every page since Monday. Can you help?'));
    expect(await processedEmail('flagged@customer.example')).toMatchObject({ outcome: 'spam', caseId: null, reason: 'quarantined as spam: the upstream mail server flagged it as spam (score 14.2)' });
    expect(await processedEmail('dmarc@customer.example')).toMatchObject({ outcome: 'spam', caseId: null, reason: 'quarantined as spam: Authentication-Results: dmarc=fail' });
    const classified = await processedEmail('1028311679.886@0.57.142');
    expect(classified).toMatchObject({ outcome: 'spam', caseId: null });
    expect(classified.reason).toMatch(/^quarantined as spam: spam classifier \(base\): \d+(\.\d)? % ≥ 80 %; strongest signs: /);
    expect(await processedEmail('ham@customer.example')).toMatchObject({ outcome: 'case-created' });

    // Searchable in the activity monitor, never a case, only the legitimate email acknowledged.
    const quarantine = (await (await app.api('/emails?outcome=spam', { token })).json()) as { items: EmailView[]; total: number };
    expect(quarantine.total).toBe(3);
    expect(((await (await app.api('/emails?outcome=spam&q=dmarc', { token })).json()) as { total: number }).total).toBe(1);
    expect(((await (await app.api('/cases', { token })).json()) as { total: number }).total).toBe(1);
    await expect.poll(() => customerInbox.accepted.length, { timeout: 10_000 }).toBe(1);
    expect(customerInbox.accepted[0]!.address).toBe('ham@customer.example');
  });

  it('never acknowledges a DMARC failure even when the mailbox lets it through', async () => {
    const mailbox = ((await (await app.api('/admin/mailboxes', { token })).json()) as { items: { id: string }[] }).items[0]!;
    const stored = (await (await app.api(`/admin/mailboxes/${mailbox.id}`, { token })).json()) as Record<string, unknown>;
    const saved = await app.api(`/admin/mailboxes/${mailbox.id}`, { method: 'PUT', token, json: { ...stored, spam: { quarantineOnDmarcFail: false } } });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ spam: { enabled: true, quarantineOnDmarcFail: false, classifier: true } });
    const before = customerInbox.accepted.length;
    await deliver(message('dmarc-through', ['Authentication-Results: mx.autocase.test; dmarc=fail header.from=bank.example'], 'Refund request', 'I would like a refund for order 4411.'));
    const email = await processedEmail('dmarc-through@customer.example');
    expect(email.outcome).toBe('case-created');
    expect(email.reason).toContain('acknowledgement not sent: the sender failed DMARC');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(customerInbox.accepted.length).toBe(before);
    const bad = await app.api(`/admin/mailboxes/${mailbox.id}`, { method: 'PUT', token, json: { ...stored, spam: { classifierThreshold: 7 } } });
    expect(bad.status).toBe(400);
  });

  it('an agent releases a quarantined email: processed normally (case + acknowledgement), the decision kept for retraining', async () => {
    const flagged = await processedEmail('flagged@customer.example');
    const before = customerInbox.accepted.length;
    const released = await app.api(`/emails/${flagged.id}/release`, { method: 'POST', token: agentToken });
    expect(released.status).toBe(201);
    const body = (await released.json()) as { outcome: string; email: EmailView };
    expect(body.outcome).toBe('case-created');
    expect(body.email.caseId).not.toBeNull();
    expect(body.email.reason).toContain('released from the spam quarantine');
    await expect.poll(() => customerInbox.accepted.length, { timeout: 10_000 }).toBe(before + 1);
    const decisions = await app.running.app.get<MikroSpamDecisionStore>(SPAM_DECISIONS).list({ limit: 10 });
    expect(decisions).toEqual([expect.objectContaining({ emailId: flagged.id, verdict: 'not-spam', decidedBy: 'agent@autocase.test', mailbox: MAILBOX })]);
    const again = await app.api(`/emails/${flagged.id}/release`, { method: 'POST', token: agentToken });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toMatch(/not quarantined as spam/);
    expect((await app.api('/emails/00000000-0000-0000-0000-000000000000/release', { method: 'POST', token: agentToken })).status).toBe(404);
  });

  it('marking an email as spam quarantines it when it has no case and teaches the classifier', async () => {
    await deliver(message('skip-me', ['Auto-Submitted: auto-replied'], 'Out of office', 'I am away.'));
    const skipped = await processedEmail('skip-me@customer.example');
    expect(skipped.outcome).toBe('skipped');
    const marked = await app.api(`/emails/${skipped.id}/spam`, { method: 'POST', token: agentToken });
    expect(marked.status).toBe(201);
    expect(await marked.json()).toMatchObject({ outcome: 'spam' });
    const decisions = await app.running.app.get<MikroSpamDecisionStore>(SPAM_DECISIONS).list({ limit: 10 });
    expect(decisions.map((decision) => decision.verdict).sort()).toEqual(['not-spam', 'spam']);
    expect((await app.api(`/emails/${skipped.id}/spam`, { method: 'POST', token: agentToken })).status).toBe(409);
  });
});
