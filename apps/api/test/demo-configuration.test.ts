import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { EmailChannels } from '../src/email/email-channels.js';
import { EMAIL_CHANNELS } from '../src/email/email-tokens.js';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface CaseBody {
  id: string;
  channel: string;
  fields: Record<string, { value: unknown; source: string }>;
}

/** What a new user sees with `./autocase start` (AUTOCASE_DEMO=1, default plugins): chats and emails become cases at once. */
describeEachDatabase('the demo configuration', (databaseId) => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp(databaseId, { AUTOCASE_DEMO: '1', AUTOCASE_PLUGINS: '', SMTP_PORT: '0' });
    admin = await app.login();
  });
  afterAll(async () => {
    await app?.close();
  });

  const get = async <T>(path: string): Promise<T> => (await (await app.api(path, { token: admin })).json()) as T;

  it('has one mailbox, one ARC rule and active keyword rules', async () => {
    const mailboxes = await get<{ items: { address: string }[] }>('/admin/mailboxes');
    expect(mailboxes.items.map((mailbox) => mailbox.address)).toEqual(['support@autocase.local']);
    const rules = await get<{ items: { mailbox: string; items: { id: string }[] }[] }>('/admin/arc-rules');
    expect(rules.items).toHaveLength(1);
    expect(rules.items[0]!.items.map((item) => item.id)).toEqual(['skip-bulk', 'create-case']);
    const predictors = await get<{ items: { id: string; status: string }[] }>('/admin/predictors');
    expect(predictors.items.find((predictor) => predictor.id === 'rules')?.status).toBe('active');
  });

  it('turns a chat with enough context into a categorised case on accept', async () => {
    const started = await app.api('/chat/conversations', {
      method: 'POST',
      json: { customer: { name: 'Jane Doe', email: 'jane@example.com' }, context: { question: 'My parcel has not arrived yet, the order is ORD-123456.' } },
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const accepted = (await (await app.api(`/conversations/${id}/accept`, { method: "POST", token: admin })).json()) as { caseOutcome: { created: boolean; caseId?: string } };
    expect(accepted.caseOutcome.created).toBe(true);
    const created = await get<CaseBody>(`/cases/${accepted.caseOutcome.caseId}`);
    expect(created.fields.category).toMatchObject({ value: 'shipping', source: 'ai' });
    expect(created.fields.customerEmail?.value).toBe('jane@example.com');
    expect(created.fields.orderNumber).toMatchObject({ value: 'ORD-123456', source: 'ai' });
  });

  it('turns an email to the demo mailbox into a case over SMTP', async () => {
    const port = app.running.app.get<EmailChannels>(EMAIL_CHANNELS).smtpAddress()!.port;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'Carol <carol@customer.example>', to: 'support@autocase.local', subject: 'Wrong invoice', text: 'I was charged twice on my last invoice. Please refund one payment.' });
    transport.close();
    const email = await vi.waitFor(
      async () => {
        const list = await get<{ items: { outcome: string | null; caseId: string | null }[] }>('/emails');
        expect(list.items[0]?.outcome).toBe('case-created');
        return list.items[0]!;
      },
      { timeout: 20_000, interval: 100 },
    );
    const created = await get<CaseBody>(`/cases/${email.caseId}`);
    expect(created.channel).toBe('email');
    expect(created.fields.category?.value).toBe('billing');
    expect(created.fields.customerEmail?.value).toBe('carol@customer.example');
  });
});
