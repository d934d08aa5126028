import { ArcRuleSchema, EmailClaimedError, MailboxSchema, type ArcRule } from '@autocase/core';
import { createInMemoryEmailProcessing, FixedClock, RecordingMailer, type InMemoryEmailRepository } from '@autocase/core/testing';
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
  it('treats the null sender of the SMTP envelope as a bounce and a message without headers or text as failed', async () => {
    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const mailer = new RecordingMailer();
    const processing = createInMemoryEmailProcessing({ clock, mailer });
    await processing.mailboxes.save(MailboxSchema.parse({ address: MAILBOX }));
    await processing.arcRules.save(rule);
    const bounce = await processing.emails.storeRaw({ raw: encode('From: someone@mx.example\nSubject: failure notice\nMessage-ID: <b@mx>\n\nHi. This is the qmail-send program.\n'), mailbox: MAILBOX, receivedAt: clock.now().toISOString(), envelope: { mailFrom: '', rcptTo: [MAILBOX] } });
    const bounceResult = await processStoredEmail(processing, bounce.email.id);
    expect(bounceResult).toMatchObject({ outcome: 'skipped', email: { classification: { kind: 'bounce' } } });
    const blank = await processing.emails.storeRaw({ raw: encode('\n\n  \n'), mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    expect((await processStoredEmail(processing, blank.email.id)).email).toMatchObject({ status: 'failed', reason: 'could not be parsed: the message has no header lines and no text' });
    const normal = await processing.emails.storeRaw({ raw: encode('From: jane@customer.example\nTo: support@autocase.test\nSubject: Help\nMessage-ID: <n@c>\n\nPlease help.\n'), mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    expect((await processStoredEmail(processing, normal.email.id)).outcome).toBe('case-created');
    expect(mailer.sent).toHaveLength(1);
    await expect(processStoredEmail(processing, 'missing')).rejects.toThrow('Email missing not found');
  });
});

describe('processStoredEmail with several workers', () => {
  async function setUpOne() {
    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const mailer = new RecordingMailer();
    const processing = createInMemoryEmailProcessing({ clock, mailer });
    await processing.mailboxes.save(MailboxSchema.parse({ address: MAILBOX }));
    await processing.arcRules.save(rule);
    const stored = await processing.emails.storeRaw({ raw: encode('From: jane@customer.example\nTo: support@autocase.test\nSubject: Printer jams\nMessage-ID: <race@c>\n\nIt jams.\n'), mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    return { clock, mailer, processing, emails: processing.emails as InMemoryEmailRepository, emailId: stored.email.id };
  }

  it('processes an email once when two workers run it at the same time: one case, one acknowledgement', async () => {
    const { mailer, processing, emails, emailId } = await setUpOne();
    // A slow worker (e.g. an LLM predictor): the other one starts while the first is still deciding.
    const findRule = processing.arcRules.findForMailbox.bind(processing.arcRules);
    processing.arcRules.findForMailbox = async (mailbox) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return findRule(mailbox);
    };
    const runs = await Promise.allSettled([processStoredEmail(processing, emailId), processStoredEmail(processing, emailId)]);
    const created = runs.filter((run) => run.status === 'fulfilled' && run.value.outcome === 'case-created' && !run.value.alreadyProcessed);
    expect(created).toHaveLength(1);
    for (const run of runs.filter((candidate) => !created.includes(candidate))) {
      if (run.status === 'rejected') expect(run.reason).toBeInstanceOf(EmailClaimedError);
      else expect(run.value.alreadyProcessed).toBe(true);
    }
    expect(processing.events.ofType('case.created')).toHaveLength(1);
    expect(mailer.sent).toHaveLength(1);
    expect(emails.claimOf(emailId)).toBeNull();
    // The loser's retry finds the work done.
    expect(await processStoredEmail(processing, emailId)).toMatchObject({ outcome: 'case-created', alreadyProcessed: true });
    expect(processing.events.ofType('case.created')).toHaveLength(1);
  });

  it('leaves an email claimed by a live worker alone, and takes it over once a crashed worker’s claim expired', async () => {
    const { clock, mailer, processing, emails, emailId } = await setUpOne();
    const now = clock.now();
    const until = new Date(now.getTime() + 60_000).toISOString();
    expect(await emails.claimForProcessing(emailId, { by: 'crashed-worker', now: now.toISOString(), until })).toMatchObject({ id: emailId, status: 'received' });
    await expect(processStoredEmail(processing, emailId)).rejects.toThrow(`email ${emailId} is being processed by another worker`);
    expect(mailer.sent).toHaveLength(0);
    clock.advance(60_001);
    const result = await processStoredEmail(processing, emailId);
    expect(result).toMatchObject({ outcome: 'case-created', alreadyProcessed: false });
    expect(mailer.sent).toHaveLength(1);
    expect(emails.claimOf(emailId)).toBeNull();
    // The crashed worker's late release does not touch a claim it no longer holds.
    await emails.releaseClaim(emailId, 'crashed-worker');
    expect(await emails.claimForProcessing(emailId, { by: 'worker-3', now: clock.now().toISOString(), until: new Date(clock.now().getTime() + 1000).toISOString() })).not.toBeNull();
    await emails.releaseClaim(emailId, 'crashed-worker');
    expect(emails.claimOf(emailId)).toMatchObject({ by: 'worker-3' });
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
    expect(await dryRunArcRule(rule, encode('\n\n'), { senderKnown: true })).toEqual({ ok: false, error: 'the message has no header lines and no text' });
  });
});
