import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { identifyRawEmail, splitMessageIds } from '@autocase/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProjectRoot } from '../src/config/app-config.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HAM = path.resolve(findProjectRoot(), '../shared/eval/emails/ham');
const MAILBOX = 'support@autocase.test';
const SECRET = 'ham-webhook-secret-123456';
/** The first messages of the corpus in file order; the whole 2,500 run in the channels package with in-memory ports. */
const SAMPLE = 250;

interface EmailView {
  id: string;
  status: string;
  outcome: string | null;
  caseId: string | null;
  correlation: string | null;
  messageId: string | null;
}

/** The In-Reply-To and References ids of a raw message, read from its header block. */
function threadIds(raw: Buffer): string[] {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const lines = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  const values = (name: string) => lines.filter((line) => line.toLowerCase().startsWith(`${name}:`)).map((line) => line.slice(name.length + 1));
  return [...values('in-reply-to').flatMap((value) => splitMessageIds(value)), ...values('references').flatMap((value) => splitMessageIds(value)).reverse()];
}

describe('ham through the API: replies land on the case of the message they answer', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp('sqlite', { SMTP_ENABLED: 'false' });
    token = await app.login();
    expect((await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX, webhookSecret: SECRET } })).status).toBe(201);
    expect((await app.api('/admin/arc-rules', { method: 'POST', token, json: { mailbox: MAILBOX, name: 'Everything', items: [{ id: 'all', name: 'All mail', predictFields: false }] } })).status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  it(`threads the replies among the first ${SAMPLE} messages`, async () => {
    const files = readdirSync(HAM).filter((name) => !name.startsWith('LICENSE')).sort().slice(0, SAMPLE);
    const expectations: { messageId: string; repliesTo: string | null }[] = [];
    const delivered = new Set<string>();
    for (const name of files) {
      const raw = readFileSync(path.join(HAM, name));
      const messageId = identifyRawEmail(raw).messageId!;
      expectations.push({ messageId, repliesTo: threadIds(raw).find((id) => id !== messageId && delivered.has(id)) ?? null });
      delivered.add(messageId);
      // One at a time and processed before the next, as mail arrives in order.
      const response = await app.api('/channels/email/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': SECRET }, body: raw });
      expect(response.status, name).toBe(202);
      const { id } = (await response.json()) as { id: string };
      const deadline = Date.now() + 5_000;
      while ((await (await app.api(`/emails/${id}`, { token })).json() as EmailView).status === 'received') {
        if (Date.now() > deadline) throw new Error(`${name} was not processed`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    const byMessageId = new Map<string, EmailView>();
    for (let page = 1; ; page += 1) {
      const batch = (await (await app.api(`/emails?page=${page}&pageSize=200`, { token })).json()) as { items: EmailView[] };
      for (const email of batch.items) byMessageId.set(email.messageId!, email);
      if (batch.items.length < 200) break;
    }
    const replies = expectations.filter((expectation) => expectation.repliesTo);
    const wrong = replies.filter(({ messageId, repliesTo }) => {
      const email = byMessageId.get(messageId);
      return email?.outcome !== 'linked' || email.caseId !== byMessageId.get(repliesTo!)?.caseId;
    });
    expect(wrong).toEqual([]);
    expect(replies.length).toBe(56);
    console.info(`ham via API: ${replies.length} of ${SAMPLE} messages threaded onto their case`);
  }, 60_000);
});
