import { describe, expect, it } from 'vitest';
import { ArcRuleSchema, type ArcRuleInput } from '../domain/arc-rule.js';
import { emailOriginKey } from '../domain/case.js';
import { MailboxSchema, type ParsedEmail } from '../domain/email.js';
import { PredictionRunner } from '../engine/prediction-runner.js';
import { buildFieldDefinition } from '../testing/builders.js';
import { FakePredictorInstance } from '../testing/fake-predictor.js';
import { FixedClock } from '../testing/fixed-clock.js';
import {
  buildParsedEmail,
  InMemoryArcRuleRepository,
  InMemoryContactRepository,
  InMemoryEmailRepository,
  InMemoryMailboxRepository,
  InMemoryOutboundMailLog,
  InMemorySenderActivityStore,
} from '../testing/in-memory-email-ports.js';
import { createInMemoryRepositories } from '../testing/in-memory-repositories.js';
import { RecordingEventPublisher } from '../testing/recording-event-publisher.js';
import { RecordingMailer } from '../testing/recording-mailer.js';
import { SequentialIdGenerator } from '../testing/sequential-id-generator.js';
import { processInboundEmail, type ProcessInboundEmailDependencies } from './process-inbound-email.js';

const MAILBOX = 'support@autocase.test';
const HOUR = 3_600_000;

async function setUp(ruleInput: Partial<ArcRuleInput> = {}) {
  const clock = new FixedClock('2026-01-01T09:00:00Z');
  const fields = [
    buildFieldDefinition({ key: 'category', type: 'choice', options: [{ value: 'billing' }, { value: 'hardware' }], fillOn: ['emailCreation', 'updates'] }),
    buildFieldDefinition({ key: 'product', type: 'text', fillOn: ['emailCreation', 'updates'] }),
    buildFieldDefinition({ key: 'priority', type: 'choice', options: [{ value: 'low' }, { value: 'high' }], fillOn: ['emailCreation'] }),
  ];
  const repositories = createInMemoryRepositories({ clock, fields });
  const predictor = new FakePredictorInstance({
    id: 'rules',
    answer: (input) => {
      const text = input.messages.map((message) => message.text).join(' ').toLowerCase();
      const predictions = [{ field: 'category', value: text.includes('invoice') ? 'billing' : 'hardware', confidence: 0.9, evidence: [{ quote: text.slice(0, 20) }] }];
      const product = /laserjet \d+/.exec(text)?.[0];
      if (product) predictions.push({ field: 'product', value: product, confidence: 0.9, evidence: [{ quote: product }] });
      return predictions;
    },
  });
  const mailer = new RecordingMailer();
  const events = new RecordingEventPublisher();
  const deps = {
    ...repositories,
    emails: new InMemoryEmailRepository(),
    contacts: new InMemoryContactRepository(),
    mailboxes: new InMemoryMailboxRepository(),
    arcRules: new InMemoryArcRuleRepository(),
    outboundLog: new InMemoryOutboundMailLog(),
    senderActivity: new InMemorySenderActivityStore(),
    predictions: new PredictionRunner(new Map([['rules', predictor]])),
    mailerFor: () => mailer,
    events,
    clock,
    ids: new SequentialIdGenerator('audit'),
    limits: { acknowledgementsPerSenderPerHour: 3, sameSubjectPerSenderPerHour: 5 },
  } satisfies ProcessInboundEmailDependencies;
  await deps.mailboxes.save(MailboxSchema.parse({ address: MAILBOX, displayName: 'Support' }));
  await deps.arcRules.save(
    ArcRuleSchema.parse({
      mailbox: MAILBOX,
      name: 'Support',
      items: [
        { id: 'skip-spam', name: 'Spam', conditions: [{ type: 'text', target: 'subject', value: '[SPAM]' }], action: 'skip' },
        {
          id: 'all',
          name: 'Everything',
          acknowledge: true,
          fieldMappings: [
            { field: 'title', source: 'subject' },
            { field: 'priority', source: 'constant', value: 'low' },
          ],
        },
      ],
      ...ruleInput,
    }),
  );
  let sequence = 0;
  async function deliver(overrides: Partial<ParsedEmail> = {}) {
    sequence += 1;
    const parsed = buildParsedEmail({ messageId: `m${sequence}@customer.example`, ...overrides });
    const raw = new TextEncoder().encode(`Message-ID: <${parsed.messageId}>\r\nSubject: ${parsed.subject}\r\n\r\n${parsed.text}\r\n`);
    const { email } = await deps.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    return processInboundEmail(deps, { emailId: email.id, parsed });
  }
  return { deps, deliver, clock, mailer, predictor, events };
}

describe('processInboundEmail', () => {
  it('creates a case from mapped fields and predictions, creates the contact and acknowledges', async () => {
    const { deps, deliver, mailer, events } = await setUp();
    const result = await deliver({ subject: 'LaserJet 4000 jams', text: 'My LaserJet 4000 jams', newText: 'My LaserJet 4000 jams' });
    expect(result.outcome).toBe('case-created');
    expect(result.email).toMatchObject({ status: 'processed', correlation: 'none', arcItemId: 'all', caseId: result.caseRecord!.id });
    expect(result.email.reason).toContain('rule item "Everything" matched');
    expect(result.caseRecord).toMatchObject({ title: 'LaserJet 4000 jams', channel: 'email', contactEmail: 'jane@customer.example', status: 'new' });
    expect(result.caseRecord!.fields.priority).toMatchObject({ value: 'low', source: 'channel' });
    expect(result.caseRecord!.fields.category).toMatchObject({ value: 'hardware', source: 'ai' });
    expect(result.caseRecord!.fields.product).toMatchObject({ value: 'laserjet 4000', source: 'ai' });
    expect(await deps.contacts.findByEmail('jane@customer.example')).toMatchObject({ name: 'Jane Doe' });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.subject).toBe(`[${result.caseRecord!.number}] We received your request: LaserJet 4000 jams`);
    expect(mailer.sent[0]!.headers).toMatchObject({ 'Auto-Submitted': 'auto-replied' });
    expect(deps.outboundLog.records[0]).toMatchObject({ caseId: result.caseRecord!.id, kind: 'acknowledgement', delivery: 'sent', text: mailer.sent[0]!.text });
    expect(await deps.outboundLog.listForCase(result.caseRecord!.id)).toEqual([expect.objectContaining({ subject: mailer.sent[0]!.subject })]);
    const audit = await deps.audit.listForCase(result.caseRecord!.id);
    expect(audit.map((entry) => entry.action)).toContain('case-created');
    expect(audit.filter((entry) => entry.source === 'ai').map((entry) => entry.field)).toEqual(['category', 'product']);
    expect(events.events.map((event) => event.type)).toEqual(['case.created', 'email.processed']);
  });

  it('threads replies by In-Reply-To (ours and theirs), References and the token', async () => {
    const { deps, deliver, mailer } = await setUp();
    const first = await deliver({ subject: 'Help' });
    const caseId = first.caseRecord!.id;
    const ackId = mailer.sent[0]!.messageId;
    const viaAck = await deliver({ subject: 'Re: Help', inReplyTo: [ackId] });
    expect(viaAck).toMatchObject({ outcome: 'linked', email: { correlation: 'in-reply-to', caseId } });
    const viaReferences = await deliver({ subject: 'Re: Help', inReplyTo: ['unknown@x'], references: [first.email.messageId!, 'unknown@x'] });
    expect(viaReferences).toMatchObject({ outcome: 'linked', email: { correlation: 'references', caseId } });
    const viaToken = await deliver({ subject: `Re: [${first.caseRecord!.number}] Help`, from: { address: 'other@customer.example' } });
    expect(viaToken).toMatchObject({ outcome: 'linked', email: { correlation: 'token', caseId } });
    expect(mailer.sent).toHaveLength(1);
    expect((await deps.cases.list({})).total).toBe(1);
    expect((await deps.audit.listForCase(caseId)).filter((entry) => entry.action === 'email-linked')).toHaveLength(3);
  });

  it('updates fields configured for updates on follow-ups, never an agent-edited one', async () => {
    const { deps, deliver } = await setUp();
    const first = await deliver({ subject: 'Printer', text: 'LaserJet 4000 broken', newText: 'LaserJet 4000 broken' });
    const edited = { ...first.caseRecord!, fields: { ...first.caseRecord!.fields, category: { value: 'hardware', source: 'agent' as const, updatedAt: '2026-01-01T09:30:00Z', actorId: 'agent-1' } } };
    await deps.cases.save(edited);
    const reply = await deliver({ subject: 'Re: Printer', inReplyTo: [first.email.messageId!], newText: 'Also the invoice for the LaserJet 5000 is wrong' });
    expect(reply.outcome).toBe('linked');
    expect(reply.caseRecord!.fields.category).toMatchObject({ value: 'hardware', source: 'agent' });
    expect(reply.caseRecord!.fields.product).toMatchObject({ value: 'laserjet 5000', source: 'ai' });
    expect(reply.caseRecord!.fields.priority).toMatchObject({ value: 'low', source: 'channel' });
  });

  it('attaches to a recently resolved case (reopening it) and opens a linked case after the window', async () => {
    const { deps, deliver, clock } = await setUp({ resolvedCase: { windowHours: 24, reopen: true } });
    const first = await deliver({ subject: 'Printer' });
    await deps.cases.save({ ...first.caseRecord!, status: 'resolved', resolvedAt: clock.now().toISOString() });
    clock.advance(2 * HOUR);
    const soon = await deliver({ subject: 'Re: Printer', inReplyTo: [first.email.messageId!] });
    expect(soon).toMatchObject({ outcome: 'linked', caseRecord: { id: first.caseRecord!.id, status: 'active', resolvedAt: null } });
    await deps.cases.save({ ...soon.caseRecord!, status: 'resolved', resolvedAt: clock.now().toISOString() });
    clock.advance(30 * HOUR);
    const late = await deliver({ subject: 'Re: Printer', inReplyTo: [first.email.messageId!] });
    expect(late.outcome).toBe('case-created');
    expect(late.caseRecord).toMatchObject({ parentCaseId: first.caseRecord!.id, status: 'new' });
    expect(late.email.reason).toMatch(/new case continuing CAS-00001: case CAS-00001 was resolved 30 h ago, more than the 24 h window/);
  });

  it('puts a bounce of our acknowledgement on its case as a delivery failure, and skips other machine mail', async () => {
    const { deps, deliver, mailer } = await setUp();
    const first = await deliver({ subject: 'Help' });
    const ackId = mailer.sent[0]!.messageId;
    const bounce = await deliver({
      from: { address: 'mailer-daemon@mx.customer.example' },
      subject: 'Undelivered Mail Returned to Sender',
      classification: { kind: 'bounce', bulk: false, signals: ['multipart/report delivery-status'], bouncedMessageId: ackId },
    });
    expect(bounce).toMatchObject({ outcome: 'linked', caseRecord: { id: first.caseRecord!.id } });
    expect(bounce.email.reason).toMatch(/^delivery failure: our acknowledgement/);
    expect(await deps.outboundLog.listForCase(first.caseRecord!.id)).toEqual([expect.objectContaining({ messageId: ackId, delivery: 'bounced', deliveryError: 'multipart/report delivery-status' })]);
    expect((await deps.notes.listForCase(first.caseRecord!.id))[0]!.body).toMatch(/^Delivery failure/);
    const stranger = await deliver({ classification: { kind: 'bounce', bulk: false, signals: ['null sender'], bouncedMessageId: 'elsewhere@x' } });
    expect(stranger).toMatchObject({ outcome: 'skipped', caseRecord: null });
    const outOfOffice = await deliver({ subject: 'Out of office', inReplyTo: [ackId], classification: { kind: 'auto-reply', bulk: false, signals: ['Auto-Submitted: auto-replied'], bouncedMessageId: null } });
    expect(outOfOffice.outcome).toBe('skipped');
    expect(outOfOffice.email.reason).toBe('Automatic reply (out-of-office or auto-responder): no case, no acknowledgement, so two auto-responders cannot answer each other forever. Signs: Auto-Submitted: auto-replied.');
    const report = await deliver({ classification: { kind: 'report', bulk: false, signals: ['multipart/report feedback-report'], bouncedMessageId: null } });
    expect(report.outcome).toBe('skipped');
    expect(mailer.sent).toHaveLength(1);
    expect((await deps.cases.list({})).total).toBe(1);
  });

  it('creates cases for bulk mail without acknowledging, and follows skip items', async () => {
    const { deliver, mailer } = await setUp();
    const bulk = await deliver({ classification: { kind: 'regular', bulk: true, signals: ['List-Id'], bouncedMessageId: null } });
    expect(bulk.outcome).toBe('case-created');
    expect(bulk.acknowledged).toBe(false);
    const spam = await deliver({ subject: '[SPAM] cheap' });
    expect(spam).toMatchObject({ outcome: 'skipped', email: { reason: 'rule item "Spam" skips it', arcItemId: 'skip-spam' } });
    expect(mailer.sent).toHaveLength(0);
  });

  it('processes a message once, records parse failures, and can reprocess a failed one', async () => {
    const { deps, deliver } = await setUp();
    const first = await deliver();
    const again = await processInboundEmail(deps, { emailId: first.email.id, parsed: buildParsedEmail({ messageId: first.email.messageId }) });
    expect(again).toMatchObject({ alreadyProcessed: true, outcome: 'case-created' });
    const { email, duplicate } = await deps.emails.storeRaw({ raw: new TextEncoder().encode('garbage'), mailbox: MAILBOX, receivedAt: '2026-01-01T09:00:00Z' });
    expect(duplicate).toBe(false);
    const failed = await processInboundEmail(deps, { emailId: email.id, parsed: null, parseError: 'no header block' });
    expect(failed.email).toMatchObject({ status: 'failed', outcome: 'failed', reason: 'could not be parsed: no header block' });
    const reprocessed = await processInboundEmail(deps, { emailId: email.id, parsed: buildParsedEmail({ messageId: null, subject: 'Recovered' }) });
    expect(reprocessed.outcome).toBe('case-created');
    expect((await deps.cases.list({})).total).toBe(2);
    await expect(processInboundEmail(deps, { emailId: 'nope', parsed: null })).rejects.toThrow('Email nope not found');
    const again2 = await processInboundEmail(deps, { emailId: first.email.id, parsed: buildParsedEmail({ messageId: first.email.messageId }), reprocess: true });
    expect(again2.alreadyProcessed).toBe(true);
    expect((await deps.cases.list({})).total).toBe(2);
  });

  it('does not open a second case when an interrupted attempt already created one', async () => {
    const { deps, clock } = await setUp();
    const raw = new TextEncoder().encode('Message-ID: <crash@customer.example>\r\nSubject: Printer\r\n\r\nbroken\r\n');
    const { email } = await deps.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    const parsed = buildParsedEmail({ messageId: 'crash@customer.example' });
    const failingEvents = { publish: () => Promise.reject(new Error('process died')) };
    await expect(processInboundEmail({ ...deps, events: failingEvents }, { emailId: email.id, parsed })).rejects.toThrow('process died');
    expect(await deps.emails.get(email.id)).toMatchObject({ status: 'received', caseId: expect.any(String) });
    const retried = await processInboundEmail(deps, { emailId: email.id, parsed });
    expect(retried).toMatchObject({ outcome: 'case-created', acknowledged: false, email: { status: 'processed' } });
    expect((await deps.cases.list({})).total).toBe(1);
  });

  it('finds the case an earlier attempt created for the email by its origin key, and never opens a second one', async () => {
    const { deps, clock } = await setUp();
    const raw = new TextEncoder().encode('Message-ID: <origin@customer.example>\r\nSubject: Printer\r\n\r\nbroken\r\n');
    const { email } = await deps.emails.storeRaw({ raw, mailbox: MAILBOX, receivedAt: clock.now().toISOString() });
    const earlier = await deps.cases.create({ title: 'Printer', status: 'new', channel: 'email', fields: {}, conversationId: null, originKey: emailOriginKey(email.id) });
    const result = await processInboundEmail(deps, { emailId: email.id, parsed: buildParsedEmail({ messageId: 'origin@customer.example' }) });
    expect(result).toMatchObject({ outcome: 'case-created', email: { status: 'processed', caseId: earlier.id } });
    expect((await deps.cases.list({})).total).toBe(1);
  });

  it('logs the prediction run of an email-created case and of a follow-up that updates it', async () => {
    const { deps, deliver } = await setUp();
    const created = await deliver({ subject: 'LaserJet 4000 jams', text: 'My LaserJet 4000 jams', newText: 'My LaserJet 4000 jams' });
    const caseId = created.caseRecord!.id;
    const [creation] = await deps.predictionLog.listForCase(caseId);
    expect(creation).toMatchObject({ caseId, scope: 'emailCreation', trigger: 'email', changed: expect.arrayContaining(['category', 'product']) });
    await deliver({ subject: 'Re: LaserJet 4000 jams', inReplyTo: [created.email.messageId!], text: 'It is about the invoice', newText: 'It is about the invoice' });
    const log = await deps.predictionLog.listForCase(caseId);
    expect(log.map((entry) => `${entry.scope}/${entry.trigger}`)).toEqual(['emailCreation/email', 'updates/email-follow-up']);
  });

  it('reprocesses a skipped email on request, e.g. after the rule changed', async () => {
    const { deps, deliver } = await setUp();
    const spam = await deliver({ subject: '[SPAM] not really' });
    expect(spam.outcome).toBe('skipped');
    const rule = (await deps.arcRules.list())[0]!;
    await deps.arcRules.save({ ...rule, items: rule.items.filter((item) => item.id !== 'skip-spam') });
    const parsed = buildParsedEmail({ messageId: spam.email.messageId, subject: '[SPAM] not really' });
    expect((await processInboundEmail(deps, { emailId: spam.email.id, parsed })).alreadyProcessed).toBe(true);
    const reprocessed = await processInboundEmail(deps, { emailId: spam.email.id, parsed, reprocess: true });
    expect(reprocessed).toMatchObject({ alreadyProcessed: false, outcome: 'case-created' });
  });

  it('rate-limits acknowledgements per sender and stops a sender flooding one subject', async () => {
    const { deliver, mailer } = await setUp();
    const results = [];
    for (let index = 0; index < 4; index += 1) results.push(await deliver({ subject: `Question ${index}` }));
    expect(results.map((result) => result.acknowledged)).toEqual([true, true, true, false]);
    expect(results[3]!.email.reason).toContain('reached the limit of 3 per hour');
    const flood = [];
    for (let index = 0; index < 7; index += 1) flood.push(await deliver({ from: { address: 'robot@loop.example' }, subject: 'Re: Alert' }));
    expect(flood.map((result) => result.outcome)).toEqual(['case-created', 'case-created', 'case-created', 'case-created', 'case-created', 'skipped', 'skipped']);
    expect(flood[6]!.email.reason).toMatch(/^loop guard: robot@loop.example sent more than 5 emails/);
    expect(mailer.sent.filter((message) => message.to[0] === 'robot@loop.example')).toHaveLength(3);
  });

  it('skips unknown senders when the item says so, and acknowledges a failing mailer without failing', async () => {
    const { deps, deliver, mailer } = await setUp({ items: [{ id: 'known', name: 'Known only', unknownSender: 'skip', acknowledge: true }] });
    expect((await deliver()).email.reason).toBe('rule item "Known only": unknown sender jane@customer.example is skipped');
    await deps.contacts.create({ email: 'jane@customer.example', source: 'agent' });
    mailer.failWith(new Error('SMTP down'));
    const result = await deliver({ subject: 'Second' });
    expect(result).toMatchObject({ outcome: 'case-created', acknowledged: false });
    expect(result.email.reason).toContain('acknowledgement to jane@customer.example failed: SMTP down');
    expect(await deps.outboundLog.listForCase(result.caseRecord!.id)).toEqual([expect.objectContaining({ kind: 'acknowledgement', delivery: 'failed', deliveryError: 'SMTP down' })]);
  });
});
