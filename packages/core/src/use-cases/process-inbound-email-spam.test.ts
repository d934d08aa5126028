import { describe, expect, it } from 'vitest';
import { ArcRuleSchema } from '../domain/arc-rule.js';
import { MailboxSchema, type Mailbox, type ParsedEmail } from '../domain/email.js';
import { decideSpam, type UpstreamSpamReport } from '../domain/spam.js';
import { FixedClock } from '../testing/fixed-clock.js';
import { buildParsedEmail, createInMemoryEmailProcessing } from '../testing/in-memory-email-ports.js';
import { InMemorySpamDecisionStore } from '../testing/in-memory-spam-decisions.js';
import { RecordingMailer } from '../testing/recording-mailer.js';
import { SequentialIdGenerator } from '../testing/sequential-id-generator.js';
import { processInboundEmail } from './process-inbound-email.js';
import { markEmailAsSpam, releaseQuarantinedEmail, spamPolicyOf } from './process-inbound-email-spam.js';

const MAILBOX = 'support@autocase.test';

/** A stand-in for the host's check: "spam" in the subject scores 0.99, `dmarc=fail` in a header fails DMARC. */
function subjectSpamCheck(parsed: ParsedEmail, mailbox: Mailbox | null) {
  const upstream: UpstreamSpamReport = { flagged: null, score: null, required: null, spf: null, dkim: null, dmarc: parsed.headers['authentication-results']?.[0]?.includes('dmarc=fail') ? 'fail' : null };
  const probability = /spam/i.test(parsed.subject) ? 0.99 : 0.01;
  return Promise.resolve(decideSpam(spamPolicyOf(mailbox), upstream, { probability, threshold: 0.5, evidence: ['s:spam'], model: 'test' }));
}

async function setUp(mailboxSpam: Partial<Mailbox['spam']> = {}) {
  const clock = new FixedClock('2026-01-01T09:00:00Z');
  const mailer = new RecordingMailer();
  const deps = { ...createInMemoryEmailProcessing({ clock, mailer }), checkSpam: subjectSpamCheck };
  const spamDecisions = new InMemorySpamDecisionStore();
  await deps.mailboxes.save(MailboxSchema.parse({ address: MAILBOX, spam: mailboxSpam }));
  await deps.arcRules.save(ArcRuleSchema.parse({ mailbox: MAILBOX, name: 'All', items: [{ id: 'all', name: 'Everything', acknowledge: true, fieldMappings: [{ field: 'title', source: 'subject' }] }] }));
  let sequence = 0;
  async function deliver(overrides: Partial<ParsedEmail>) {
    sequence += 1;
    const parsed = buildParsedEmail({ messageId: `m${sequence}@sender.example`, from: { address: `sender${sequence}@sender.example` }, ...overrides });
    const { email } = await deps.emails.storeRaw({ raw: new TextEncoder().encode(`Message-ID: <${parsed.messageId}>\r\n\r\n${sequence}`), mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    return { result: await processInboundEmail(deps, { emailId: email.id, parsed }), parsed };
  }
  const review = { emails: deps.emails, spamDecisions, clock, ids: new SequentialIdGenerator('decision') };
  return { deps, deliver, mailer, review, spamDecisions };
}

describe('spam in processInboundEmail', () => {
  it('quarantines spam: outcome spam, no case, no acknowledgement', async () => {
    const { deliver, mailer, deps } = await setUp();
    const { result } = await deliver({ subject: 'Cheap SPAM pills' });
    expect(result).toMatchObject({ outcome: 'spam', caseRecord: null, acknowledged: false });
    expect(result.email.reason).toMatch(/^quarantined as spam: spam classifier \(test\): 99 %/);
    expect(mailer.sent).toHaveLength(0);
    expect((await deps.cases.list({})).total).toBe(0);
    const ham = await deliver({ subject: 'My printer is broken' });
    expect(ham.result).toMatchObject({ outcome: 'case-created', acknowledged: true });
  });

  it('never acknowledges a DMARC failure, even when the mailbox does not quarantine it', async () => {
    const { deliver, mailer } = await setUp({ quarantineOnDmarcFail: false });
    const { result } = await deliver({ subject: 'Invoice question', headers: { 'authentication-results': ['mx.autocase.test; dmarc=fail header.from=bank.example'] } });
    expect(result).toMatchObject({ outcome: 'case-created', acknowledged: false });
    expect(result.email.reason).toContain('acknowledgement not sent: the sender failed DMARC');
    expect(mailer.sent).toHaveLength(0);
  });

  it('lets nothing through when spam handling is off', async () => {
    const { deliver } = await setUp({ enabled: false });
    expect((await deliver({ subject: 'Cheap SPAM pills' })).result.outcome).toBe('case-created');
  });

  it('releases a quarantined email: records "not spam" and processes it normally, acknowledged', async () => {
    const { deliver, review, spamDecisions, deps, mailer } = await setUp();
    const { result, parsed } = await deliver({ subject: 'Spam filter ate my order' });
    expect(result.outcome).toBe('spam');
    const released = await releaseQuarantinedEmail(review, { emailId: result.email.id, decidedBy: 'agent@autocase.test', process: () => processInboundEmail(deps, { emailId: result.email.id, parsed, reprocess: true, releasedFromSpam: true }) });
    expect(released).toMatchObject({ outcome: 'case-created', acknowledged: true });
    expect(released.email.reason).toContain('released from the spam quarantine');
    expect(mailer.sent).toHaveLength(1);
    expect(spamDecisions.decisions).toEqual([expect.objectContaining({ emailId: result.email.id, verdict: 'not-spam', decidedBy: 'agent@autocase.test', mailbox: MAILBOX })]);
    await expect(releaseQuarantinedEmail(review, { emailId: result.email.id, decidedBy: 'x', process: async () => null })).rejects.toThrow(/is not quarantined as spam \(its outcome is case-created\)/);
    await expect(releaseQuarantinedEmail(review, { emailId: 'nope', decidedBy: 'x', process: async () => null })).rejects.toThrow(/not found/i);
  });

  it('marks an email as spam: quarantined when it has no case, kept on its case otherwise; both teach the classifier', async () => {
    const { deliver, review, spamDecisions, deps } = await setUp();
    const withCase = await deliver({ subject: 'Buy followers now' });
    expect(withCase.result.outcome).toBe('case-created');
    expect(await markEmailAsSpam(review, { emailId: withCase.result.email.id, decidedBy: 'admin' })).toMatchObject({ outcome: 'case-created' });
    const stored = await deps.emails.storeRaw({ raw: new TextEncoder().encode('Subject: x\r\n\r\nskipped'), mailbox: MAILBOX, receivedAt: '2026-01-01T09:00:00Z' });
    await deps.emails.save({ ...stored.email, status: 'processed', outcome: 'skipped', reason: 'no rule item matched' });
    expect(await markEmailAsSpam(review, { emailId: stored.email.id, decidedBy: 'admin' })).toMatchObject({ outcome: 'spam', reason: 'marked as spam by admin; was: no rule item matched' });
    await expect(markEmailAsSpam(review, { emailId: stored.email.id, decidedBy: 'admin' })).rejects.toThrow(/already quarantined/);
    expect(spamDecisions.decisions.map((decision) => decision.verdict)).toEqual(['spam', 'spam']);
  });
});
