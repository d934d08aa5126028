import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ArcRuleSchema, MailboxSchema } from '@autocase/core';
import { createInMemoryEmailProcessing, FixedClock, RecordingMailer } from '@autocase/core/testing';
import { describe, expect, it } from 'vitest';
import { processStoredEmail } from './email-pipeline.js';

const EMAILS = new URL('../../../../../shared/eval/emails/', import.meta.url).pathname;
const MAILBOX = 'support@autocase.test';

function messageFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.startsWith('LICENSE') && !name.endsWith('.md')) files.push(path);
    }
  };
  walk(join(EMAILS, folder));
  return files;
}

/** Stores every file as SMTP would, processes it with a rule that creates a case for everything and acknowledges. */
async function processFolder(folder: string) {
  const clock = new FixedClock('2026-01-01T00:00:00Z');
  const mailer = new RecordingMailer();
  const processing = createInMemoryEmailProcessing({ clock, mailer, limits: { acknowledgementsPerSenderPerHour: 1000, sameSubjectPerSenderPerHour: 1000 } });
  await processing.mailboxes.save(MailboxSchema.parse({ address: MAILBOX }));
  await processing.arcRules.save(ArcRuleSchema.parse({ mailbox: MAILBOX, name: 'Everything', items: [{ id: 'all', name: 'All mail', acknowledge: true }] }));
  const results = [];
  for (const file of messageFiles(folder)) {
    const raw = new Uint8Array(readFileSync(file));
    clock.advance(60_000);
    const { email, duplicate } = await processing.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    expect(Buffer.from((await processing.emails.getRaw(email.id))!).equals(Buffer.from(raw)), `${file} stored byte-exactly`).toBe(true);
    const result = duplicate ? null : await processStoredEmail(processing, email.id);
    const stored = result?.email ?? email;
    expect(stored.outcome, `${file} has an outcome`).not.toBeNull();
    results.push({ name: relative(join(EMAILS, folder), file), duplicate, result, stored });
  }
  return { results, mailer, processing };
}

function countKinds(results: Awaited<ReturnType<typeof processFolder>>['results']): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { result, stored } of results) {
    const key = result?.email.classification?.kind ?? (stored.duplicateOf ? 'redelivery' : result ? result.outcome : 'same-bytes');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('real mail: bounces-and-autoreplies (sisimai)', () => {
  it('classifies every message as machine mail and never opens a case or acknowledges', async () => {
    const { results, mailer, processing } = await processFolder('bounces-and-autoreplies');
    expect(results).toHaveLength(287);
    const kinds = countKinds(results);
    expect(kinds).toEqual({ bounce: 272, report: 8, 'auto-reply': 3, 'same-bytes': 4 });
    const reports = results.filter(({ result }) => result?.email.classification?.kind === 'report').map(({ name }) => name);
    expect(reports).toEqual(['arf-01.eml', 'arf-11.eml', 'arf-14.eml', 'arf-17.eml', 'arf-18.eml', 'lhost-amazonses-11.eml', 'lhost-amazonses-12.eml', 'lhost-amazonses-13.eml']);
    const autoReplies = results.filter(({ result }) => result?.email.classification?.kind === 'auto-reply').map(({ name }) => name);
    expect(autoReplies).toEqual(['arf-26.eml', 'rfc3834-03.eml', 'rfc3834-04.eml']);
    expect(results.every(({ stored }) => stored.outcome === 'skipped')).toBe(true);
    expect((await processing.cases.list({})).total).toBe(0);
    expect(mailer.sent).toHaveLength(0);
    const withOriginal = results.filter(({ result }) => result?.email.classification?.bouncedMessageId).length;
    expect(withOriginal).toBeGreaterThanOrEqual(230);
  }, 30_000);
});

describe('real mail: parser fixtures', () => {
  it('accepts every file; the one without a header block opens a case from its body, saying so', async () => {
    const { results } = await processFolder('parser-fixtures');
    expect(results).toHaveLength(166);
    expect(results.filter(({ result }) => result?.outcome === 'failed')).toEqual([]);
    const headerless = results.find(({ name }) => name === 'cpython/msg_19.txt')!.result!;
    expect(headerless).toMatchObject({ outcome: 'case-created', email: { status: 'processed', from: null } });
    expect(headerless.email.reason).toMatch(/; the message has no header lines: it was read whole as its body/);
    expect(headerless.caseRecord!.fields.title).toBeUndefined();
    expect(headerless.email.text).toMatch(/^Send Ppp mailing list submissions to/);
    const kinds = countKinds(results);
    // 12 bounces, one of them (multi_address_bounce2) byte-identical to multi_address_bounce1.
    expect(kinds.bounce).toBe(11);
    expect(kinds.report).toBe(1);
    for (const { result } of results) {
      if (result && result.email.classification?.kind !== 'regular') expect(result.caseRecord).toBeNull();
    }
  }, 30_000);
});
