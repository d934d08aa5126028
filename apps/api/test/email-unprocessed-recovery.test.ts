import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EmailProcessing } from '../src/email/email-processing.js';
import type { EmailSweeper } from '../src/email/email-sweeper.js';
import { EMAIL_PROCESSING, EMAIL_SWEEPER } from '../src/email/email-tokens.js';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'support@recovery.autocase.test';

describeEachDatabase('stored emails that were never processed are picked up again', (databaseId) => {
  let app: TestApp;
  let token: string;
  let processing: EmailProcessing;
  let serial = 0;

  beforeAll(async () => {
    // A sweep interval far beyond the test: only the explicit sweeps below run.
    app = await startTestApp(databaseId, { SMTP_ENABLED: 'false', JOB_SWEEP_INTERVAL_SECONDS: '3600' });
    token = await app.login();
    processing = app.running.app.get<EmailProcessing>(EMAIL_PROCESSING);
    expect((await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX, displayName: 'Support' } })).status).toBe(201);
    const rule = { mailbox: MAILBOX, name: 'All', items: [{ id: 'all', name: 'Everything', fieldMappings: [{ field: 'title', source: 'subject' }] }] };
    expect((await app.api('/admin/arc-rules', { method: 'POST', token, json: rule })).status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** An email stored without its job, as when the process died, Redis lost the job or the job failed during a database outage. */
  async function storedWithoutJob(): Promise<string> {
    serial += 1;
    const raw = new TextEncoder().encode(['From: jane@customer.example', `To: ${MAILBOX}`, `Subject: Lost job ${serial}`, `Message-ID: <lost-${serial}-${databaseId}@customer.example>`, '', 'Where is my parcel?', ''].join('\r\n'));
    const { email } = await processing.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: new Date().toISOString() });
    return email.id;
  }

  it('POST /emails/:id/reprocess processes an email still received instead of answering 409', async () => {
    const id = await storedWithoutJob();
    const response = await app.api(`/emails/${id}/reprocess`, { method: 'POST', token });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ outcome: 'case-created', email: { status: 'processed', caseId: expect.any(String) } });
  });

  it('the sweeper queues every unprocessed email no worker holds, and leaves a held one alone', async () => {
    const [lost, held] = [await storedWithoutJob(), await storedWithoutJob()];
    const now = Date.now();
    expect(await processing.emails.claimForProcessing(held, { by: 'live-worker', now: new Date(now).toISOString(), until: new Date(now + 3_600_000).toISOString() })).not.toBeNull();
    expect(await app.running.app.get<EmailSweeper>(EMAIL_SWEEPER).sweep()).toBe(1);
    await expect.poll(async () => (await processing.emails.get(lost))?.status, { timeout: 10_000 }).toBe('processed');
    expect(await processing.emails.get(held)).toMatchObject({ status: 'received' });
  });
});
