import { readFileSync } from 'node:fs';
import { ArcRuleSchema, MailboxSchema } from '@autocase/core';
import { createInMemoryEmailProcessing, FixedClock, RecordingMailer } from '@autocase/core/testing';
import { describe, expect, it } from 'vitest';
import { processStoredEmail } from './email-pipeline.js';

const EMAILS = new URL('../../../../../shared/eval/emails/', import.meta.url).pathname;
const MAILBOX = 'support@autocase.test';

function real(file: string): string {
  return readFileSync(`${EMAILS}${file}`, 'latin1');
}

/** The real message with its Subject line (and folded continuation) replaced. */
function withSubject(message: string, subject: string): string {
  return message.replace(/^Subject:.*(\r?\n[ \t].*)*$/im, `Subject: ${subject}`);
}

/** The real message without the named header lines. */
function withoutHeaders(message: string, ...names: string[]): string {
  const [head, ...body] = message.split(/\r?\n\r?\n/);
  const kept = head!.split(/\r?\n(?![ \t])/).filter((line) => !names.some((name) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`)));
  return [kept.join('\n'), ...body].join('\n\n');
}

const GONE_THIS_WEEKEND = 'ham/00046.c8491e68aa5652272d6511bb7d848d37.txt';
const ON_VACATION_PICTURES = 'ham/00874.d9f0374ce55cb5e03ca46a5459894e34.txt';
const CODE_QUESTION = 'ham/00065.fa593405941ce1f32a29e813493eacf2.txt';

const cases: { name: string; message: () => string; expected: 'case-created' | 'skipped'; signal?: RegExp }[] = [
  // People writing, with the words that used to make mail an auto-reply.
  { name: 'a refund for a cancelled vacation package', message: () => withSubject(real(CODE_QUESTION), 'Refund for my cancelled vacation package'), expected: 'case-created' },
  { name: 'a customer on leave', message: () => withSubject(real(CODE_QUESTION), 'On leave next week: please change my delivery address'), expected: 'case-created' },
  { name: '"out of the office" in the subject', message: () => withSubject(real(CODE_QUESTION), 'Your support line is out of the office hours I was told'), expected: 'case-created' },
  { name: '"I am away" in the subject', message: () => withSubject(real(CODE_QUESTION), 'I am away until Monday, the order can wait'), expected: 'case-created' },
  { name: 'a person announcing an absence (real ham)', message: () => real(GONE_THIS_WEEKEND), expected: 'case-created' },
  { name: 'a person on vacation (real ham)', message: () => real(ON_VACATION_PICTURES), expected: 'case-created' },
  { name: 'an "Out of Office:" subject and nothing else', message: () => withSubject(real(CODE_QUESTION), 'Out of Office: Re: find the bug'), expected: 'case-created' },
  // Real auto-replies.
  { name: 'iCloud vacation reply (X-Apple-Action)', message: () => real('bounces-and-autoreplies/rfc3834-03.eml'), expected: 'skipped', signal: /X-Apple-Action/ },
  { name: 'Exchange automatic reply (Microsoft headers, null return path, subject)', message: () => real('bounces-and-autoreplies/rfc3834-04.eml'), expected: 'skipped', signal: /X-MS-Exchange-Inbox-Rules-Loop/ },
  {
    name: 'Exchange automatic reply without its Microsoft headers (null return path and subject)',
    message: () => withoutHeaders(real('bounces-and-autoreplies/rfc3834-04.eml'), 'X-Auto-Response-Suppress', 'X-MS-Exchange-Inbox-Rules-Loop'),
    expected: 'skipped',
    signal: /empty return path/,
  },
  { name: 'Apple Mail unsubscribe (Auto-Submitted)', message: () => real('bounces-and-autoreplies/arf-26.eml'), expected: 'skipped', signal: /Auto-Submitted header says "auto-replied"/ },
  { name: '2002 auto-responder without headers ("This is an automated response")', message: () => real('ham/00033.2ceb520d2c6500ccf24357f2ebdce618.txt'), expected: 'skipped', signal: /auto-responder's wording/ },
  { name: 'iCloud vacation reply stripped of X-Apple-Action: its subject alone decides nothing', message: () => withoutHeaders(real('bounces-and-autoreplies/rfc3834-03.eml'), 'X-Apple-Action', 'X-Apple-Criteria'), expected: 'case-created' },
  { name: 'an Out of Office subject with an auto-responder body', message: () => withSubject(real(GONE_THIS_WEEKEND), 'Out of Office: FYI').replace("I won't be reading", 'I am out of the office until Monday with limited access to email. I will not be reading'), expected: 'skipped' },
];

describe('auto-reply detection over real messages', () => {
  it.each(cases)('$name → $expected', async ({ message, expected, signal }) => {
    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const mailer = new RecordingMailer();
    const processing = createInMemoryEmailProcessing({ clock, mailer });
    await processing.mailboxes.save(MailboxSchema.parse({ address: MAILBOX }));
    await processing.arcRules.save(ArcRuleSchema.parse({ mailbox: MAILBOX, name: 'Everything', items: [{ id: 'all', name: 'All mail', acknowledge: true }] }));
    const { email } = await processing.emails.storeRaw({ raw: new TextEncoder().encode(message()), mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    const result = await processStoredEmail(processing, email.id);
    expect(result.outcome).toBe(expected);
    if (expected === 'skipped') {
      expect(result.email.classification?.kind).toBe('auto-reply');
      expect(result.email.reason).toMatch(/^Automatic reply/);
      if (signal) expect(result.email.reason).toMatch(signal);
      expect(mailer.sent).toHaveLength(0);
    } else {
      expect(result.email.classification?.kind).toBe('regular');
      expect(result.caseRecord).not.toBeNull();
    }
  });
});
