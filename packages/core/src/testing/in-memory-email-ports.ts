import type { ArcRule } from '../domain/arc-rule.js';
import { identifyRawEmail, newReceivedEmail, type Contact, type EmailMessage, type Mailbox, type ParsedEmail } from '../domain/email.js';
import type {
  ArcRuleRepository,
  ContactRepository,
  EmailClaim,
  EmailQuery,
  EmailRepository,
  MailboxRepository,
  OutboundMailLog,
  OutboundMailRecord,
  SenderActivityEvent,
  SenderActivityStore,
  StoreRawEmailInput,
} from '../ports/email-ports.js';
import type { Page } from '../ports/repositories.js';
import type { Clock, Mailer } from '../ports/services.js';
import type { FieldDefinition } from '../domain/field-definition.js';
import type { Settings } from '../domain/settings.js';
import type { PredictionRunnerPort } from '../engine/prediction-runner.js';
import type { ProcessInboundEmailDependencies } from '../use-cases/process-inbound-email.js';
import type { SenderLimits } from '../use-cases/process-inbound-email-acknowledgement.js';
import { createInMemoryRepositories, type InMemoryRepositorySet } from './in-memory-repositories.js';
import { RecordingEventPublisher } from './recording-event-publisher.js';
import { SequentialIdGenerator } from './sequential-id-generator.js';

const clone = <T>(value: T): T => structuredClone(value);

/** In-memory EmailRepository with the same idempotency rules as the real ones. */
export class InMemoryEmailRepository implements EmailRepository {
  private readonly emails = new Map<string, EmailMessage>();
  private readonly raws = new Map<string, Uint8Array>();
  private readonly byMessageId = new Map<string, string[]>();
  private readonly byDedupeKey = new Map<string, string>();
  private readonly bySha = new Map<string, string>();
  private readonly claims = new Map<string, { by: string; until: string }>();
  private sequence = 0;
  /** Set to make `storeRaw` throw, as when the database is down. */
  failWith: Error | null = null;

  async storeRaw(input: StoreRawEmailInput): Promise<{ email: EmailMessage; duplicate: boolean }> {
    if (this.failWith) throw this.failWith;
    const identity = identifyRawEmail(input.raw);
    const sameBytes = this.bySha.get(identity.sha256);
    if (sameBytes) return { email: clone(this.emails.get(sameBytes)!), duplicate: true };
    const duplicateOf = identity.dedupeKey ? (this.byDedupeKey.get(identity.dedupeKey) ?? null) : null;
    const id = `email-${++this.sequence}`;
    const email = newReceivedEmail(id, input, identity, duplicateOf);
    this.emails.set(id, email);
    this.raws.set(id, new Uint8Array(input.raw));
    this.bySha.set(identity.sha256, id);
    if (identity.dedupeKey && !duplicateOf) this.byDedupeKey.set(identity.dedupeKey, id);
    if (identity.messageId && !duplicateOf) this.indexMessageId(identity.messageId, id);
    return { email: clone(email), duplicate: duplicateOf !== null };
  }

  async get(id: string): Promise<EmailMessage | null> {
    const email = this.emails.get(id);
    return email ? clone(email) : null;
  }

  async getRaw(id: string): Promise<Uint8Array | null> {
    const raw = this.raws.get(id);
    return raw ? new Uint8Array(raw) : null;
  }

  async save(email: EmailMessage): Promise<EmailMessage> {
    const previous = this.emails.get(email.id);
    if (!previous) throw new Error(`email ${email.id} does not exist`);
    if (email.messageId && email.messageId !== previous.messageId) this.indexMessageId(email.messageId, email.id);
    this.emails.set(email.id, clone(email));
    return clone(email);
  }

  async claimForProcessing(id: string, claim: EmailClaim): Promise<EmailMessage | null> {
    const email = this.emails.get(id);
    if (!email) return null;
    const held = this.claims.get(id);
    if (held && held.until >= claim.now) return null;
    this.claims.set(id, { by: claim.by, until: claim.until });
    return clone(email);
  }

  async renewClaim(id: string, by: string, until: string): Promise<boolean> {
    const held = this.claims.get(id);
    if (held?.by !== by) return false;
    this.claims.set(id, { ...held, until });
    return true;
  }

  async releaseClaim(id: string, by: string): Promise<void> {
    if (this.claims.get(id)?.by === by) this.claims.delete(id);
  }

  /** Who holds a claim on the email and until when, if anyone does. */
  claimOf(id: string): { by: string; until: string } | null {
    return this.claims.get(id) ?? null;
  }

  private indexMessageId(messageId: string, id: string): void {
    const ids = this.byMessageId.get(messageId) ?? [];
    if (!ids.includes(id)) this.byMessageId.set(messageId, [...ids, id]);
  }

  async findByMessageIds(messageIds: string[]): Promise<EmailMessage[]> {
    const found: EmailMessage[] = [];
    for (const messageId of new Set(messageIds)) {
      for (const id of this.byMessageId.get(messageId) ?? []) found.push(clone(this.emails.get(id)!));
    }
    return found;
  }

  async list(query: EmailQuery): Promise<Page<EmailMessage>> {
    const needle = query.q?.toLowerCase();
    const matching = [...this.emails.values()]
      .filter((email) => !query.outcome || email.outcome === query.outcome)
      .filter((email) => !query.status || email.status === query.status)
      .filter((email) => !query.mailbox || email.mailbox === query.mailbox.toLowerCase())
      .filter((email) => !query.caseId || email.caseId === query.caseId)
      .filter((email) => !needle || [email.subject, email.from?.address ?? '', email.messageId ?? ''].some((text) => text.toLowerCase().includes(needle)))
      .reverse();
    const pageSize = query.pageSize ?? 50;
    const page = Math.max(1, query.page ?? 1);
    return { items: matching.slice((page - 1) * pageSize, page * pageSize).map(clone), total: matching.length };
  }
}

export class InMemoryContactRepository implements ContactRepository {
  readonly contacts: Contact[] = [];
  async findByEmail(email: string): Promise<Contact | null> {
    return this.contacts.find((contact) => contact.email === email.toLowerCase()) ?? null;
  }
  async create(contact: Omit<Contact, 'id' | 'createdAt'>): Promise<Contact> {
    const created: Contact = { ...contact, email: contact.email.toLowerCase(), id: `contact-${this.contacts.length + 1}`, createdAt: new Date().toISOString() };
    this.contacts.push(created);
    return created;
  }
}

export class InMemoryMailboxRepository implements MailboxRepository {
  private readonly mailboxes: (Mailbox & { id: string })[] = [];
  async list(): Promise<Mailbox[]> {
    return this.mailboxes.map(clone);
  }
  async getByAddress(address: string): Promise<Mailbox | null> {
    const found = this.mailboxes.find((mailbox) => mailbox.address === address.toLowerCase());
    return found ? clone(found) : null;
  }
  async save(mailbox: Mailbox): Promise<Mailbox & { id: string }> {
    const saved = { ...clone(mailbox), id: mailbox.id ?? `mailbox-${this.mailboxes.length + 1}` };
    const index = this.mailboxes.findIndex((existing) => existing.id === saved.id);
    if (index >= 0) this.mailboxes[index] = saved;
    else this.mailboxes.push(saved);
    return clone(saved);
  }
}

export class InMemoryArcRuleRepository implements ArcRuleRepository {
  private readonly rules: ArcRule[] = [];
  private sequence = 0;
  async list(): Promise<ArcRule[]> {
    return this.rules.map(clone);
  }
  async get(id: string): Promise<ArcRule | null> {
    const found = this.rules.find((rule) => rule.id === id);
    return found ? clone(found) : null;
  }
  async findForMailbox(mailbox: string): Promise<ArcRule | null> {
    const found = this.rules.find((rule) => rule.enabled && rule.mailbox === mailbox.toLowerCase());
    return found ? clone(found) : null;
  }
  async save(rule: Omit<ArcRule, 'id'> & { id?: string }): Promise<ArcRule> {
    const saved: ArcRule = { ...clone(rule), id: rule.id ?? `arc-rule-${++this.sequence}` };
    const index = this.rules.findIndex((existing) => existing.id === saved.id);
    if (index >= 0) this.rules[index] = saved;
    else this.rules.push(saved);
    return clone(saved);
  }
  async delete(id: string): Promise<boolean> {
    const index = this.rules.findIndex((rule) => rule.id === id);
    if (index < 0) return false;
    this.rules.splice(index, 1);
    return true;
  }
}

export class InMemoryOutboundMailLog implements OutboundMailLog {
  readonly records: OutboundMailRecord[] = [];
  async record(entry: OutboundMailRecord): Promise<void> {
    const index = this.records.findIndex((record) => record.messageId === entry.messageId);
    if (index === -1) this.records.push(clone(entry));
    else this.records[index] = clone(entry);
  }
  async findByMessageIds(messageIds: string[]): Promise<OutboundMailRecord[]> {
    const wanted = new Set(messageIds);
    return this.records.filter((record) => wanted.has(record.messageId)).map(clone);
  }
  async listForCase(caseId: string): Promise<OutboundMailRecord[]> {
    return this.records
      .filter((record) => record.caseId === caseId)
      .sort((left, right) => left.sentAt.localeCompare(right.sentAt))
      .map(clone);
  }
}

export class InMemorySenderActivityStore implements SenderActivityStore {
  readonly events: SenderActivityEvent[] = [];
  async record(event: SenderActivityEvent): Promise<void> {
    this.events.push({ ...event, sender: event.sender.toLowerCase() });
  }
  async count(query: { sender: string; kind: SenderActivityEvent['kind']; subjectKey?: string; since: string }): Promise<number> {
    const sender = query.sender.toLowerCase();
    return this.events.filter(
      (event) => event.sender === sender && event.kind === query.kind && event.at >= query.since && (query.subjectKey === undefined || event.subjectKey === query.subjectKey),
    ).length;
  }
}

/** A parsed regular email with sensible defaults, for tests of rules and processing. */
export function buildParsedEmail(overrides: Partial<ParsedEmail> = {}): ParsedEmail {
  return {
    messageId: 'message-1@customer.example',
    inReplyTo: [],
    references: [],
    from: { address: 'jane@customer.example', name: 'Jane Doe' },
    replyTo: [],
    to: [{ address: 'support@autocase.test' }],
    cc: [],
    subject: 'Printer is broken',
    date: '2026-01-01T08:00:00.000Z',
    text: 'My printer does not print.',
    html: null,
    newText: 'My printer does not print.',
    headers: {},
    attachments: [],
    classification: { kind: 'regular', bulk: false, signals: [], bouncedMessageId: null },
    ...overrides,
  };
}

export type InMemoryEmailProcessing = ProcessInboundEmailDependencies & InMemoryRepositorySet & InMemoryEmailPorts;

interface InMemoryEmailPorts {
  emails: InMemoryEmailRepository;
  contacts: InMemoryContactRepository;
  mailboxes: InMemoryMailboxRepository;
  arcRules: InMemoryArcRuleRepository;
  outboundLog: InMemoryOutboundMailLog;
  senderActivity: InMemorySenderActivityStore;
  events: RecordingEventPublisher;
}

/** Every port processInboundEmail needs, in memory: for tests of hosts, channels and rules. */
export function createInMemoryEmailProcessing(options: {
  clock: Clock;
  fields?: FieldDefinition[];
  settings?: Settings;
  predictions?: PredictionRunnerPort;
  mailer?: Mailer;
  limits?: SenderLimits;
}): InMemoryEmailProcessing {
  const repositoryOptions: { clock: Clock; fields?: FieldDefinition[]; settings?: Settings } = { clock: options.clock };
  if (options.fields) repositoryOptions.fields = options.fields;
  if (options.settings) repositoryOptions.settings = options.settings;
  const processing: InMemoryEmailProcessing = {
    ...createInMemoryRepositories(repositoryOptions),
    emails: new InMemoryEmailRepository(),
    contacts: new InMemoryContactRepository(),
    mailboxes: new InMemoryMailboxRepository(),
    arcRules: new InMemoryArcRuleRepository(),
    outboundLog: new InMemoryOutboundMailLog(),
    senderActivity: new InMemorySenderActivityStore(),
    events: new RecordingEventPublisher(),
    clock: options.clock,
    ids: new SequentialIdGenerator('audit'),
  };
  if (options.predictions) processing.predictions = options.predictions;
  if (options.mailer) {
    const mailer = options.mailer;
    processing.mailerFor = () => mailer;
  }
  if (options.limits) processing.limits = options.limits;
  return processing;
}
