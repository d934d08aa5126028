import { MailboxSchema } from '@autocase/core';
import { buildParsedEmail, FixedClock, InMemorySpamDecisionStore } from '@autocase/core/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SpamCheckService } from './spam-check-service.js';

const PITCH_SUBJECT = 'Partner catalogue: order now, best price!!!';
const PITCH_TEXT = 'Dear Friend, you have been selected! Order now at the best price, FREE shipping, click here to claim the offer. To be removed from our mailing list reply with REMOVE.';
const RAW_PITCH = `From: Partner <catalogue@partner.example>\r\nTo: support@autocase.test\r\nSubject: ${PITCH_SUBJECT}\r\nMessage-ID: <pitch@partner.example>\r\n\r\n${PITCH_TEXT}\r\n`;

function setUp() {
  const clock = new FixedClock('2026-01-01T09:00:00Z');
  const decisions = new InMemorySpamDecisionStore();
  const raw = new Map([['email-1', new TextEncoder().encode(RAW_PITCH)]]);
  const service = new SpamCheckService(decisions, { getRaw: async (id) => raw.get(id) ?? null }, clock, pino({ level: 'silent' }), 5000);
  const pitch = buildParsedEmail({ subject: PITCH_SUBJECT, text: PITCH_TEXT, from: { address: 'catalogue@partner.example', name: 'Partner' }, headers: { 'message-id': ['<pitch@partner.example>'] } });
  return { clock, decisions, service, pitch };
}

describe('SpamCheckService', () => {
  it('combines the upstream verdict and the base classifier under the mailbox policy', async () => {
    const { service, pitch } = setUp();
    expect(await service.check(pitch, null)).toMatchObject({ spam: true, source: 'classifier' });
    expect(await service.check({ ...pitch, headers: { 'x-spam-flag': ['YES'] } }, null)).toMatchObject({ spam: true, source: 'upstream' });
    expect(await service.check(pitch, MailboxSchema.parse({ address: 'support@autocase.test', spam: { classifier: false } }))).toMatchObject({ spam: false, probability: null });
  });

  it('learns a "not spam" decision made here (by this or another process) and uses it for the next emails', async () => {
    const { service, pitch, decisions, clock } = setUp();
    const before = await service.check(pitch, null);
    expect(before.spam).toBe(true);
    await decisions.record({ id: 'd1', emailId: 'email-1', mailbox: 'support@autocase.test', verdict: 'not-spam', decidedBy: 'agent@autocase.test', decidedAt: clock.now().toISOString() });
    // Another process recorded it: learned once the refresh interval has passed.
    expect((await service.check(pitch, null)).spam).toBe(true);
    clock.advance(5000);
    const after = await service.check(pitch, null);
    expect(after).toMatchObject({ spam: false });
    expect(after.reason).toMatch(/^spam classifier \(base \+ 1 decision\)/);
    expect(after.probability!).toBeLessThan(before.probability!);
    // This process recorded it: learned at once.
    await decisions.record({ id: 'd2', emailId: 'email-1', mailbox: 'support@autocase.test', verdict: 'spam', decidedBy: 'admin', decidedAt: clock.now().toISOString() });
    service.decisionRecorded();
    expect(await service.check(pitch, null)).toMatchObject({ spam: true });
  });
});
