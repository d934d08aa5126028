import { EmailClaimedError, EmailWaitsForThreadError, type PluginContext } from '@autocase/core';
import { RecordingChannelHost } from '@autocase/core/testing';
import { processStoredEmail, smtpListenerChannel, SmtpListenerConfigSchema, type SmtpListenerConnection } from '@autocase/channels/email';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config/app-config.js';
import { createApp, type RunningApp } from '../src/create-app.js';
import type { EmailProcessing } from '../src/email/email-processing.js';
import type { EmailIntake } from '../src/email/email-intake.js';
import { EMAIL_INTAKE, EMAIL_PROCESSING } from '../src/email/email-tokens.js';
import { createLogger } from '../src/infrastructure/app-logger.js';
import { describeEachDatabase } from './support/database-targets.js';
import { ADMIN, startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'race@autocase.test';
const ignore = () => undefined;
const context: PluginContext = { logger: { debug: ignore, info: ignore, warn: ignore, error: ignore }, fetch: globalThis.fetch, now: () => new Date(), signal: new AbortController().signal };

describeEachDatabase('two API processes on one database process a stored email once', (databaseId) => {
  let first: TestApp;
  let second: RunningApp;
  let customerMx: SmtpListenerConnection;
  const customerInbox = new RecordingChannelHost();

  beforeAll(async () => {
    customerMx = smtpListenerChannel.create(SmtpListenerConfigSchema.parse({ port: 0, mailboxes: ['jane@customer.example'] }), context);
    await customerMx.doStart(customerInbox);
    first = await startTestApp(databaseId, { SMTP_PORT: '0' });
    const env = { AUTOCASE_ADMIN_EMAIL: ADMIN.email, AUTOCASE_ADMIN_PASSWORD: ADMIN.password, AUTOCASE_PLUGINS: '[]', SMTP_PORT: '0' };
    second = await createApp({ config: { ...loadConfig(env), database: first.database.config }, port: 0, logger: createLogger('silent') });
    const token = await first.login();
    const smtp = { host: '127.0.0.1', port: customerMx.address().port, secure: false };
    expect((await first.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX, smtp } })).status).toBe(201);
    const items = [{ id: 'all', name: 'Everything', acknowledge: true, fieldMappings: [{ field: 'title', source: 'subject' }] }];
    expect((await first.api('/admin/arc-rules', { method: 'POST', token, json: { mailbox: MAILBOX, name: 'Race', items } })).status).toBe(201);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await customerMx?.doStop();
  });

  it('one case and one acknowledgement when both run the same email at once', async () => {
    const processingA = first.running.app.get<EmailProcessing>(EMAIL_PROCESSING);
    const processingB = second.app.get<EmailProcessing>(EMAIL_PROCESSING);
    // Stored without queueing (as if the job were duplicated): both processes take it at the same moment.
    const raw = new TextEncoder().encode(['From: Jane <jane@customer.example>', `To: ${MAILBOX}`, 'Subject: Both workers see me', 'Message-ID: <race-1@customer.example>', '', 'Hello.', ''].join('\r\n'));
    const { email } = await processingA.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: new Date().toISOString() });
    const runs = await Promise.allSettled([processStoredEmail(processingA, email.id), processStoredEmail(processingB, email.id)]);
    const fresh = runs.filter((run) => run.status === 'fulfilled' && !run.value.alreadyProcessed);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ value: { outcome: 'case-created' } });
    for (const run of runs.filter((candidate) => candidate !== fresh[0])) {
      if (run.status === 'rejected') expect(run.reason).toBeInstanceOf(EmailClaimedError);
      else expect(run.value).toMatchObject({ alreadyProcessed: true, outcome: 'case-created' });
    }
    const token = await first.login();
    const cases = (await (await first.api('/cases?q=Both%20workers', { token })).json()) as { total: number };
    expect(cases.total).toBe(1);
    await expect.poll(() => customerInbox.accepted.length, { timeout: 10_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(customerInbox.accepted).toHaveLength(1);
    expect(await processingB.emails.claimForProcessing(email.id, { by: 'probe', now: new Date().toISOString(), until: new Date(Date.now() + 1000).toISOString() })).toMatchObject({ status: 'processed' });
  });

  it('a reply one process takes before the other has processed its parent waits, then lands on the parent case', async () => {
    const processingA = first.running.app.get<EmailProcessing>(EMAIL_PROCESSING);
    const processingB = second.app.get<EmailProcessing>(EMAIL_PROCESSING);
    const message = (lines: string[]) => new TextEncoder().encode([...lines, '', 'Any news?', ''].join('\r\n'));
    const parentRaw = message(['From: Jane <jane@customer.example>', `To: ${MAILBOX}`, 'Subject: Thread order parent', 'Message-ID: <order-parent@customer.example>']);
    const replyRaw = message(['From: Jane <jane@customer.example>', `To: ${MAILBOX}`, 'Subject: Re: Thread order parent', 'Message-ID: <order-reply@customer.example>', 'In-Reply-To: <order-parent@customer.example>', 'References: <order-parent@customer.example>']);
    const arrived = Date.now();
    const parent = await processingA.emails.storeRaw({ raw: parentRaw, mailbox: MAILBOX, receivedAt: new Date(arrived).toISOString() });
    const reply = await processingB.emails.storeRaw({ raw: replyRaw, mailbox: MAILBOX, receivedAt: new Date(arrived + 3).toISOString() });
    await expect(processStoredEmail(processingB, reply.email.id)).rejects.toBeInstanceOf(EmailWaitsForThreadError);
    const created = await processStoredEmail(processingA, parent.email.id);
    expect(created.outcome).toBe('case-created');
    const linked = await processStoredEmail(processingB, reply.email.id);
    expect(linked).toMatchObject({ outcome: 'linked', email: { caseId: created.email.caseId, correlation: 'in-reply-to' } });
    const token = await first.login();
    expect(((await (await first.api('/cases?q=thread%20order%20parent', { token })).json()) as { total: number }).total).toBe(1);
  });

  it('the queued job of a reply whose parent is still unprocessed looks again until the parent has its case', async () => {
    const processingA = first.running.app.get<EmailProcessing>(EMAIL_PROCESSING);
    const intakeB = second.app.get<EmailIntake>(EMAIL_INTAKE);
    const message = (lines: string[]) => new TextEncoder().encode([...lines, '', 'Still waiting.', ''].join('\r\n'));
    const arrived = Date.now();
    const parent = await processingA.emails.storeRaw({ raw: message(['From: Jane <jane@customer.example>', `To: ${MAILBOX}`, 'Subject: Queued order parent', 'Message-ID: <queued-parent@customer.example>']), mailbox: MAILBOX, receivedAt: new Date(arrived).toISOString() });
    const reply = await processingA.emails.storeRaw({
      raw: message(['From: Jane <jane@customer.example>', `To: ${MAILBOX}`, 'Subject: Re: Queued order parent', 'Message-ID: <queued-reply@customer.example>', 'In-Reply-To: <queued-parent@customer.example>']),
      mailbox: MAILBOX,
      receivedAt: new Date(arrived + 2).toISOString(),
    });
    // Only the reply is queued (on the second process); its parent is processed by the first one a moment later.
    await intakeB.enqueue(reply.email.id);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await processingA.emails.get(reply.email.id))!.status).toBe('received');
    const created = await processStoredEmail(processingA, parent.email.id);
    await expect.poll(async () => (await processingA.emails.get(reply.email.id))!.outcome, { timeout: 15_000 }).toBe('linked');
    expect((await processingA.emails.get(reply.email.id))!.caseId).toBe(created.email.caseId);
  });
});
