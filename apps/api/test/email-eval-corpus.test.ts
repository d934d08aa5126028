import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProjectRoot } from '../src/config/app-config.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const EMAILS = path.resolve(findProjectRoot(), '../shared/eval/emails');
const MAILBOX = 'support@autocase.test';
const SECRET = 'corpus-webhook-secret-1234';

function messageFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const file = path.join(directory, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (!name.startsWith('LICENSE') && !name.endsWith('.md')) files.push(file);
    }
  };
  walk(path.join(EMAILS, folder));
  return files;
}

interface EmailView {
  id: string;
  status: string;
  outcome: string | null;
  caseId: string | null;
  classification: { kind: string } | null;
}

/** Real third-party mail through the HTTP endpoint, the queue and the database (SQLite). */
describe('eval mail through the API', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp('sqlite', { SMTP_ENABLED: 'false' });
    token = await app.login();
    expect((await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX, webhookSecret: SECRET } })).status).toBe(201);
    expect((await app.api('/admin/arc-rules', { method: 'POST', token, json: { mailbox: MAILBOX, name: 'Everything', items: [{ id: 'all', name: 'All mail' }] } })).status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function allEmails(): Promise<EmailView[]> {
    const items: EmailView[] = [];
    for (let page = 1; ; page += 1) {
      const batch = (await (await app.api(`/emails?page=${page}&pageSize=200`, { token })).json()) as { items: EmailView[] };
      items.push(...batch.items);
      if (batch.items.length < 200) return items;
    }
  }

  it('accepts every bounce, report and auto-reply byte for byte, and none opens a case', async () => {
    const files = messageFiles('bounces-and-autoreplies');
    expect(files).toHaveLength(287);
    const stored = new Map<string, Buffer>();
    const post = async (file: string) => {
      const raw = readFileSync(file);
      const response = await app.api('/channels/email/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': SECRET }, body: raw });
      expect(response.status, file).toBe(202);
      const { id, duplicate } = (await response.json()) as { id: string; duplicate: boolean };
      if (!duplicate) stored.set(id, raw);
    };
    for (let start = 0; start < files.length; start += 8) await Promise.all(files.slice(start, start + 8).map(post));
    expect(stored.size).toBe(283);
    for (const [id, raw] of [...stored].filter((_, index) => index % 10 === 0)) {
      expect(Buffer.from(await (await app.api(`/emails/${id}/raw`, { token })).arrayBuffer()).equals(raw)).toBe(true);
    }
    let emails: EmailView[] = [];
    const deadline = Date.now() + 40_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      emails = await allEmails();
    } while (emails.some((email) => email.status === 'received') && Date.now() < deadline);
    expect(emails.filter((email) => email.status === 'received')).toEqual([]);
    expect(emails.every((email) => email.outcome !== null)).toBe(true);
    const machine = emails.filter((email) => email.classification && email.classification.kind !== 'regular');
    expect(emails).toHaveLength(283);
    expect(machine).toHaveLength(283);
    expect(emails.every((email) => email.outcome === 'skipped' && email.caseId === null)).toBe(true);
    expect(((await (await app.api('/cases', { token })).json()) as { total: number }).total).toBe(0);
  }, 60_000);
});
