import { readFileSync } from 'node:fs';
import { ArcRuleSchema, MailboxSchema } from '@autocase/core';
import { createInMemoryEmailProcessing, FixedClock, RecordingMailer } from '@autocase/core/testing';
import { describe, expect, it } from 'vitest';
import { processStoredEmail } from './email-pipeline.js';

const EMAILS = new URL('../../../../../shared/eval/emails/', import.meta.url).pathname;
const MAILBOX = 'support@autocase.test';
const ARF = readFileSync(`${EMAILS}bounces-and-autoreplies/arf-01.eml`, 'latin1');
const BOUNDARY = '--boundary-0000-00000-0000000-000000';

/** arf-01 as a provider re-wraps it: multipart/mixed at the top, the machine part as text/plain. */
function arfAsMixedWithTextFields(): string {
  return ARF.replace('Content-Type: multipart/report; report-type=feedback-report;', 'Content-Type: multipart/mixed;').replace('Content-Type: message/feedback-report', 'Content-Type: text/plain');
}

/** arf-01 without its machine part: the feedback loop's explanation and the reported message only. */
function arfWithoutMachinePart(): string {
  const parts = ARF.split(BOUNDARY);
  return [parts[0]!.replace('multipart/report; report-type=feedback-report;', 'multipart/mixed;'), parts[1], ...parts.slice(3)].join(BOUNDARY);
}

/** arf-01 forwarded by the provider's abuse desk as an attached message. */
function arfForwarded(): string {
  return [
    'From: Abuse Desk <abuse-desk@isp.example>',
    'To: support@autocase.test',
    'Subject: Fwd: Email Feedback Report for IP 192.0.2.',
    'Message-ID: <fwd-arf@isp.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: text/plain',
    '',
    'See attached.',
    '--outer',
    'Content-Type: message/rfc822',
    '',
    ARF,
    '--outer--',
    '',
  ].join('\r\n');
}

function message(headers: string[], body: string[]): string {
  return [...headers, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', ...body, ''].join('\r\n');
}

const MAILMAN_HOLD = message(
  ['From: users-owner@lists.example.org', 'To: support@autocase.test', 'Subject: Your message to Users awaits moderator approval', 'Message-ID: <hold-1@lists.example.org>', 'X-List-Administrivia: yes', 'X-Mailman-Version: 2.1.39'],
  ['Your mail to \'Users\' with the subject', '', '    Order 1234 is late', '', 'Is being held until the list moderator can review it for approval.', '', 'The reason it is being held:', '', '    Post by non-member to a members-only list'],
);
const MAILMAN_COMMANDS = message(
  ['From: users-request@lists.example.org', 'To: support@autocase.test', 'Subject: The results of your email commands', 'Message-ID: <cmd-1@lists.example.org>'],
  ['The results of your email command are provided below. Attached is your original message.', '', '- Results:', '    Unrecognized command: thanks', '', '- Done.'],
);
const MAJORDOMO_LOOP = message(
  ['From: Majordomo@lists.example.net', 'To: support@autocase.test', 'Subject: Loop alert: message from support@autocase.test', 'Message-ID: <loop-1@lists.example.net>'],
  ['Your message to users@lists.example.net was not distributed: a mail loop was detected (X-Loop: users@lists.example.net).'],
);
const LISTSERV_NOT_MEMBER = message(
  ['From: "L-Soft list server at LISTS.EXAMPLE.EDU (16.0)" <LISTSERV@LISTS.EXAMPLE.EDU>', 'To: support@autocase.test', 'Subject: Re: Order 1234 is late', 'Message-ID: <ls-1@lists.example.edu>'],
  ['You are not a member of the USERS list. Your message has been rejected.'],
);
const CUSTOMER_NOT_A_MEMBER = message(
  ['From: Jane <jane@customer.example>', 'To: support@autocase.test', 'Subject: You charged me although I am not a member', 'Message-ID: <jane-1@customer.example>'],
  ['Hello, your app says "you are not a member" but I was charged the membership fee. Please refund.'],
);
const CUSTOMER_ABOUT_COMPLAINTS = message(
  ['From: Jane <jane@customer.example>', 'To: support@autocase.test', 'Subject: Feedback on the abuse report form', 'Message-ID: <jane-2@customer.example>'],
  ['Hello, the feedback form for abuse reports on your site is broken. Feedback-Type is a required field it says.'],
);

const table: { name: string; raw: () => string; expected: 'report' | 'regular'; signal?: RegExp }[] = [
  { name: 'ARF (RFC 5965 multipart/report), real', raw: () => ARF, expected: 'report', signal: /feedback-report/ },
  { name: 'ARF re-wrapped as multipart/mixed with the fields as text/plain', raw: arfAsMixedWithTextFields, expected: 'report', signal: /ARF fields/ },
  { name: "ARF without the machine part (a feedback loop's explanation + the message)", raw: arfWithoutMachinePart, expected: 'report', signal: /complaint wording/ },
  { name: 'ARF forwarded as an attached message', raw: arfForwarded, expected: 'report', signal: /forwarded inside another message/ },
  { name: 'Mailman moderation hold (non-member)', raw: () => MAILMAN_HOLD, expected: 'report', signal: /X-List-Administrivia/ },
  { name: 'Mailman command results', raw: () => MAILMAN_COMMANDS, expected: 'report', signal: /mailing-list manager's notice from users-request@/ },
  { name: 'Majordomo loop alert', raw: () => MAJORDOMO_LOOP, expected: 'report', signal: /majordomo@lists.example.net/ },
  { name: 'LISTSERV "you are not a member"', raw: () => LISTSERV_NOT_MEMBER, expected: 'report', signal: /listserv@lists.example.edu/ },
  { name: 'a customer who is "not a member"', raw: () => CUSTOMER_NOT_A_MEMBER, expected: 'regular' },
  { name: 'a customer writing about abuse-report feedback', raw: () => CUSTOMER_ABOUT_COMPLAINTS, expected: 'regular' },
];

describe('feedback reports and list-manager notices', () => {
  it.each(table)('$name → $expected', async ({ raw, expected, signal }) => {
    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const mailer = new RecordingMailer();
    const processing = createInMemoryEmailProcessing({ clock, mailer });
    await processing.mailboxes.save(MailboxSchema.parse({ address: MAILBOX }));
    await processing.arcRules.save(ArcRuleSchema.parse({ mailbox: MAILBOX, name: 'Everything', items: [{ id: 'all', name: 'All mail', acknowledge: true }] }));
    const { email } = await processing.emails.storeRaw({ raw: new TextEncoder().encode(raw()), mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    const result = await processStoredEmail(processing, email.id);
    expect(result.email.classification?.kind).toBe(expected);
    if (expected === 'report') {
      expect(result).toMatchObject({ outcome: 'skipped', caseRecord: null, acknowledged: false });
      expect(result.email.reason).toMatch(/^Automated report or notice, not written by a person/);
      expect(result.email.reason).toMatch(signal!);
      expect(mailer.sent).toHaveLength(0);
    } else {
      expect(result.outcome).toBe('case-created');
    }
  });
});
