import { ArcRuleSchema, MailboxSchema, type ArcRule } from '@autocase/core';
import { createInMemoryEmailProcessing, FixedClock, RecordingMailer } from '@autocase/core/testing';
import { describe, expect, it } from 'vitest';
import { dryRunArcRule, inboundItemToRawEmail, processStoredEmail } from './email-pipeline.js';

const MAILBOX = 'support@autocase.test';
const encode = (text: string) => new TextEncoder().encode(text.replace(/\n/g, '\r\n'));
const rule: ArcRule = { id: 'rule-1', ...ArcRuleSchema.parse({ mailbox: MAILBOX, name: 'Support', items: [{ id: 'all', name: 'All', acknowledge: true }] }) };

describe('inboundItemToRawEmail', () => {
  it('keeps the bytes and the SMTP envelope, and names what is wrong with other items', () => {
    const raw = encode('Subject: x\n\ny');
    expect(inboundItemToRawEmail({ kind: 'email.raw', payload: raw, address: MAILBOX, receivedAt: '2026-01-01T00:00:00Z', metadata: { transport: 'smtp', mailFrom: '', rcptTo: [MAILBOX] } })).toEqual({
      raw,
      mailbox: MAILBOX,
      receivedAt: '2026-01-01T00:00:00Z',
      envelope: { mailFrom: '', rcptTo: [MAILBOX] },
    });
    expect(inboundItemToRawEmail({ kind: 'email.raw', payload: raw, address: MAILBOX, receivedAt: 't', metadata: { transport: 'imap' } }).envelope).toBeNull();
    expect(() => inboundItemToRawEmail({ kind: 'chat.message', payload: {}, receivedAt: 't' })).toThrow('expected an email.raw item, got chat.message');
    expect(() => inboundItemToRawEmail({ kind: 'email.raw', payload: raw, receivedAt: 't' })).toThrow(/must name the mailbox/);
  });
});

describe('processStoredEmail', () => {
  it('treats the null sender of the SMTP envelope as a bounce and unparsable bytes as failed', async () => {
    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const mailer = new RecordingMailer();
    const processing = createInMemoryEmailProcessing({ clock, mailer });
    await processing.mailboxes.save(MailboxSchema.parse({ address: MAILBOX }));
    await processing.arcRules.save(rule);
    const bounce = await processing.emails.storeRaw({ raw: encode('From: someone@mx.example\nSubject: failure notice\nMessage-ID: <b@mx>\n\nHi. This is the qmail-send program.\n'), mailbox: MAILBOX, receivedAt: clock.now().toISOString(), envelope: { mailFrom: '', rcptTo: [MAILBOX] } });
    const bounceResult = await processStoredEmail(processing, bounce.email.id);
    expect(bounceResult).toMatchObject({ outcome: 'skipped', email: { classification: { kind: 'bounce' } } });
    const garbage = await processing.emails.storeRaw({ raw: encode('garbage'), mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    expect((await processStoredEmail(processing, garbage.email.id)).email).toMatchObject({ status: 'failed', reason: 'could not be parsed: the message has no valid header lines' });
    const normal = await processing.emails.storeRaw({ raw: encode('From: jane@customer.example\nTo: support@autocase.test\nSubject: Help\nMessage-ID: <n@c>\n\nPlease help.\n'), mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    expect((await processStoredEmail(processing, normal.email.id)).outcome).toBe('case-created');
    expect(mailer.sent).toHaveLength(1);
    await expect(processStoredEmail(processing, 'missing')).rejects.toThrow('Email missing not found');
  });
});

describe('dryRunArcRule', () => {
  it('answers what the rule would do without side effects', async () => {
    const result = await dryRunArcRule(rule, encode('From: Jane <jane@customer.example>\nSubject: Help\nMessage-ID: <d@c>\n\nPlease help.\n'), { senderKnown: false });
    expect(result.ok && result.evaluation).toMatchObject({
      item: { id: 'all' },
      plannedActions: [{ type: 'create-contact', email: 'jane@customer.example', name: 'Jane' }, { type: 'create-case', title: 'Help' }, { type: 'acknowledge' }],
    });
    const autoReply = await dryRunArcRule(rule, encode('From: jane@customer.example\nSubject: Out of office\nAuto-Submitted: auto-replied\n\nAway.\n'), { senderKnown: true });
    expect(autoReply.ok && autoReply.wouldThreadOrSkip).toMatch(/^this email is an auto-reply/);
    expect(await dryRunArcRule(rule, encode('garbage'), { senderKnown: true })).toEqual({ ok: false, error: 'the message has no valid header lines' });
  });
});
