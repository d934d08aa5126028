import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailIntake } from '../src/email/email-intake.js';
import type { EmailProcessing } from '../src/email/email-processing.js';
import { EMAIL_INTAKE, EMAIL_PROCESSING } from '../src/email/email-tokens.js';
import type { HostJobQueue } from '../src/queue/host-job-queue.js';
import { JOB_QUEUE } from '../src/tokens.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'claimed@autocase.test';

describe('the email.process job when another worker holds the email', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('sqlite', { SMTP_PORT: '0', EMAIL_PROCESS_ATTEMPTS: '1' });
    const token = await app.login();
    expect((await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX } })).status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('never marks the email failed, and queues a later run for when a dead worker’s claim has lapsed', async () => {
    const processing = app.running.app.get<EmailProcessing>(EMAIL_PROCESSING);
    const intake = app.running.app.get<EmailIntake>(EMAIL_INTAKE);
    const queue = app.running.app.get<HostJobQueue>(JOB_QUEUE);
    const raw = new TextEncoder().encode(['From: jane@customer.example', `To: ${MAILBOX}`, 'Subject: Held', 'Message-ID: <held-1@customer.example>', '', 'Held by a crashed worker.', ''].join('\r\n'));
    const { email } = await processing.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: new Date().toISOString() });
    const now = Date.now();
    expect(await processing.emails.claimForProcessing(email.id, { by: 'crashed-worker', now: new Date(now).toISOString(), until: new Date(now + 3_600_000).toISOString() })).not.toBeNull();

    await intake.enqueue(email.id);
    await expect.poll(async () => (await queue.listJobs({ name: 'email.process' })).map((job) => job.status).sort(), { timeout: 10_000 }).toEqual(['done', 'pending']);
    const jobs = await queue.listJobs({ name: 'email.process' });
    expect(jobs.find((job) => job.status === 'pending')).toMatchObject({ data: { emailId: email.id }, id: expect.stringContaining(`email.process:${email.id}:after-claim:`) });
    expect(await processing.emails.get(email.id)).toMatchObject({ status: 'received', outcome: null });
  });
});
