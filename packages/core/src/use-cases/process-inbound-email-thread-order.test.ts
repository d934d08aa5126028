import { describe, expect, it } from 'vitest';
import { ArcRuleSchema } from '../domain/arc-rule.js';
import { MailboxSchema, type ParsedEmail } from '../domain/email.js';
import { FixedClock } from '../testing/fixed-clock.js';
import { buildParsedEmail, createInMemoryEmailProcessing } from '../testing/index.js';
import { processInboundEmail } from './process-inbound-email.js';
import { EmailWaitsForThreadError, THREAD_ORDER_WAIT_MS } from './process-inbound-email-thread-order.js';

const MAILBOX = 'support@autocase.test';

async function setUp() {
  const clock = new FixedClock('2026-01-01T09:00:00Z');
  const deps = createInMemoryEmailProcessing({ clock });
  await deps.mailboxes.save(MailboxSchema.parse({ address: MAILBOX }));
  await deps.arcRules.save(ArcRuleSchema.parse({ mailbox: MAILBOX, name: 'Everything', items: [{ id: 'all', name: 'All mail' }] }));
  const store = async (parsed: ParsedEmail) => {
    const raw = new TextEncoder().encode(`Message-ID: <${parsed.messageId}>\r\nSubject: ${parsed.subject}\r\n\r\n${parsed.text}\r\n`);
    return (await deps.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: clock.now().toISOString() })).email;
  };
  return { deps, clock, store };
}

const parent = buildParsedEmail({ messageId: 'parent@customer.example', subject: 'Printer broken' });
const reply = buildParsedEmail({ messageId: 'reply@customer.example', subject: 'Re: Printer broken', inReplyTo: ['parent@customer.example'], references: ['parent@customer.example'] });

describe('mail of one thread is processed in arrival order', () => {
  it('makes a reply taken before its stored parent wait, then links it to the parent case', async () => {
    const { deps, clock, store } = await setUp();
    const parentEmail = await store(parent);
    clock.advance(5);
    const replyEmail = await store(reply);
    await expect(processInboundEmail(deps, { emailId: replyEmail.id, parsed: reply })).rejects.toBeInstanceOf(EmailWaitsForThreadError);
    expect((await deps.emails.get(replyEmail.id))!.status).toBe('received');
    const first = await processInboundEmail(deps, { emailId: parentEmail.id, parsed: parent });
    expect(first.outcome).toBe('case-created');
    const second = await processInboundEmail(deps, { emailId: replyEmail.id, parsed: reply });
    expect(second).toMatchObject({ outcome: 'linked', email: { caseId: first.caseRecord!.id, correlation: 'in-reply-to' } });
    expect((await deps.cases.list({})).total).toBe(1);
  });

  it('does not wait for a parent that arrived later, or that has been stuck longer than the wait', async () => {
    const later = await setUp();
    const replyFirst = await later.store(reply);
    later.clock.advance(5);
    await later.store(parent);
    expect((await processInboundEmail(later.deps, { emailId: replyFirst.id, parsed: reply })).outcome).toBe('case-created');

    const stuck = await setUp();
    await stuck.store(parent);
    stuck.clock.advance(THREAD_ORDER_WAIT_MS);
    const lateReply = await stuck.store(reply);
    expect((await processInboundEmail(stuck.deps, { emailId: lateReply.id, parsed: reply })).outcome).toBe('case-created');
  });
});
