import { createCaseFromConversation, type CaseEngineDeps, type PredictionLogRepository } from '@autocase/core';
import { processStoredEmail } from '@autocase/channels/email';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EmailProcessing } from '../src/email/email-processing.js';
import { EMAIL_PROCESSING } from '../src/email/email-tokens.js';
import { CASE_ENGINE } from '../src/tokens.js';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'support@atomic.autocase.test';

/** A prediction log whose first write fails, as when the database drops in the middle of a case creation. */
function failingOnce(real: PredictionLogRepository): PredictionLogRepository & { failures: number } {
  return {
    failures: 0,
    async append(entry) {
      if (this.failures === 0) {
        this.failures += 1;
        throw new Error('connection lost while writing the prediction log');
      }
      return real.append(entry);
    },
    listForCase: (caseId) => real.listForCase(caseId),
  };
}

describeEachDatabase('case creation is one transaction keyed by the creating event', (databaseId) => {
  let app: TestApp;
  let token: string;
  let engine: CaseEngineDeps;

  beforeAll(async () => {
    app = await startTestApp(databaseId, { SMTP_ENABLED: 'false' });
    token = await app.login();
    engine = app.running.app.get<CaseEngineDeps>(CASE_ENGINE);
    // No field needed for creation (an empty SQLite database starts with the demo fields): every chat has enough context.
    expect((await app.api('/admin/fields', { method: 'PUT', token, json: [] })).status).toBe(200);
    expect((await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX, displayName: 'Support' } })).status).toBe(201);
    const rule = { mailbox: MAILBOX, name: 'All', items: [{ id: 'all', name: 'Everything', fieldMappings: [{ field: 'title', source: 'subject' }] }] };
    expect((await app.api('/admin/arc-rules', { method: 'POST', token, json: rule })).status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  const caseTotal = async () => ((await (await app.api('/cases?pageSize=1', { token })).json()) as { total: number }).total;

  it('leaves no case behind when a chat case creation fails half-way, and the retry creates exactly one with its log', async () => {
    const conversation = await engine.conversations.create({ state: 'active', customer: { name: 'Dana', email: 'dana@customer.example' }, context: {}, origin: 'direct', messages: [{ sender: 'customer', text: 'My parcel is late', at: new Date().toISOString() }] });
    const before = await caseTotal();
    const predictionLog = failingOnce(engine.predictionLog!);
    await expect(createCaseFromConversation({ ...engine, predictionLog }, { conversationId: conversation.id, trigger: 'accept' })).rejects.toThrow('connection lost');
    expect(await caseTotal()).toBe(before);
    expect((await engine.conversations.get(conversation.id))?.caseId ?? null).toBeNull();

    const retried = await createCaseFromConversation({ ...engine, predictionLog }, { conversationId: conversation.id, trigger: 'accept' });
    expect(retried.created).toBe(true);
    const again = await createCaseFromConversation(engine, { conversationId: conversation.id, trigger: 'end' });
    expect(again).toMatchObject({ created: false, reason: 'already-exists' });
    expect(await caseTotal()).toBe(before + 1);
    const caseId = retried.created ? retried.case.id : '';
    expect((await engine.conversations.get(conversation.id))?.caseId).toBe(caseId);
    expect(await engine.audit.listForCase(caseId)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'case-created' })]));
    expect(await engine.predictionLog!.listForCase(caseId)).toHaveLength(1);
  });

  it('leaves no case behind when linking the email fails, and the retry creates exactly one case with its prediction log', async () => {
    const processing = app.running.app.get<EmailProcessing>(EMAIL_PROCESSING);
    const raw = new TextEncoder().encode(['From: jane@customer.example', `To: ${MAILBOX}`, 'Subject: Charged twice', 'Message-ID: <atomic-1@customer.example>', '', 'I was charged twice.', ''].join('\r\n'));
    const { email } = await processing.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: new Date().toISOString() });
    const before = await caseTotal();
    const emails = processing.emails;
    const failingLink = Object.assign(Object.create(Object.getPrototypeOf(emails) as object) as typeof emails, emails, {
      save: async (saved: Parameters<typeof emails.save>[0]) => {
        if (saved.caseId && saved.status === 'received') throw new Error('connection lost while linking the email');
        return emails.save(saved);
      },
    });
    await expect(processStoredEmail({ ...processing, emails: failingLink }, email.id)).rejects.toThrow('connection lost');
    expect(await caseTotal()).toBe(before);
    expect(await processing.emails.get(email.id)).toMatchObject({ status: 'received', caseId: null });

    const retried = await processStoredEmail(processing, email.id);
    expect(retried).toMatchObject({ outcome: 'case-created', email: { status: 'processed' } });
    expect(await caseTotal()).toBe(before + 1);
    const caseId = retried.email.caseId!;
    const log = (await (await app.api(`/cases/${caseId}/predictions`, { token })).json()) as { items?: unknown[] } | unknown[];
    expect(Array.isArray(log) ? log : log.items).toHaveLength(1);
  });
});
