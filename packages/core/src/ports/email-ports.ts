import type { ArcRule } from '../domain/arc-rule.js';
import type { Contact, EmailEnvelope, EmailMessage, EmailOutcome, Mailbox } from '../domain/email.js';
import type { Page } from './repositories.js';

export interface StoreRawEmailInput {
  /** The message exactly as received. */
  raw: Uint8Array;
  /** Mailbox address it arrived in. */
  mailbox: string;
  receivedAt: string;
  envelope?: EmailEnvelope | null;
}

export interface EmailQuery {
  outcome?: EmailOutcome;
  status?: EmailMessage['status'];
  mailbox?: string;
  caseId?: string;
  /** Free text over subject, sender and Message-ID. */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** A worker's claim on an email being processed: who, when (ISO), and until when it holds (ISO). */
export interface EmailClaim {
  by: string;
  now: string;
  until: string;
}

/**
 * Inbound emails and their raw bytes. `storeRaw` is the durable step an SMTP `250` waits for.
 */
export interface EmailRepository {
  /**
   * Stores the raw bytes verbatim (build the record with `identifyRawEmail` + `newReceivedEmail`).
   * Idempotent: the same bytes again return the existing email with `duplicate: true` and write
   * nothing. A redelivery with different bytes but the same `dedupeKey` (Message-ID, From, Date,
   * Subject, body) is stored as a new, already-skipped email with `duplicateOf` set, and also
   * returns `duplicate: true`: kept byte for byte, never processed into a second case.
   */
  storeRaw(input: StoreRawEmailInput): Promise<{ email: EmailMessage; duplicate: boolean }>;
  get(id: string): Promise<EmailMessage | null>;
  /** The bytes exactly as received. */
  getRaw(id: string): Promise<Uint8Array | null>;
  /** Saves parsed data, status and outcome of an email that exists. */
  save(email: EmailMessage): Promise<EmailMessage>;
  /**
   * Claims an email for processing (compare-and-set on its claim): succeeds, returning the
   * email, when nobody holds a claim on it or the last claim expired before `now`; null while
   * another worker's claim runs. A crashed worker's claim lapses at `until`. `save` keeps the claim.
   */
  claimForProcessing(id: string, claim: EmailClaim): Promise<EmailMessage | null>;
  /** Extends the claim `by` holds to `until`; false when it no longer holds it (it lapsed and someone else claimed the email). */
  renewClaim(id: string, by: string, until: string): Promise<boolean>;
  /** Ends the claim `by` made (nothing happens when it lapsed and someone else claimed the email). */
  releaseClaim(id: string, by: string): Promise<void>;
  /** Emails whose Message-ID is one of `messageIds` (for threading). */
  findByMessageIds(messageIds: string[]): Promise<EmailMessage[]>;
  /** Newest first. */
  list(query: EmailQuery): Promise<Page<EmailMessage>>;
}

export interface ContactRepository {
  findByEmail(email: string): Promise<Contact | null>;
  create(contact: Omit<Contact, 'id' | 'createdAt'>): Promise<Contact>;
}

export interface MailboxRepository {
  list(): Promise<Mailbox[]>;
  getByAddress(address: string): Promise<Mailbox | null>;
  /** Creates (assigning an id) or replaces by id. */
  save(mailbox: Mailbox): Promise<Mailbox & { id: string }>;
}

export interface ArcRuleRepository {
  list(): Promise<ArcRule[]>;
  get(id: string): Promise<ArcRule | null>;
  /** The enabled rule of a mailbox (the first by creation when there are several). */
  findForMailbox(mailbox: string): Promise<ArcRule | null>;
  /** Creates (assigning an id when missing) or replaces by id. */
  save(rule: Omit<ArcRule, 'id'> & { id?: string }): Promise<ArcRule>;
  delete(id: string): Promise<boolean>;
}

export const OUTBOUND_MAIL_KINDS = ['acknowledgement', 'agent-reply', 'notification'] as const;
export type OutboundMailKind = (typeof OUTBOUND_MAIL_KINDS)[number];

export const OUTBOUND_DELIVERY_STATES = ['sent', 'failed', 'bounced'] as const;
/** `sent`: the SMTP server accepted it; `failed`: sending it failed; `bounced`: a delivery failure report named it. */
export type OutboundDeliveryState = (typeof OUTBOUND_DELIVERY_STATES)[number];

/** A message we sent (or tried to), remembered for threading replies, attributing bounces and showing it on its case. */
export interface OutboundMailRecord {
  messageId: string;
  caseId: string | null;
  kind: OutboundMailKind;
  to: string[];
  subject: string;
  sentAt: string;
  /** The plain-text body (absent on records kept before bodies were). */
  text?: string;
  /** Who sent it: the agent's name for a reply. */
  sentBy?: string;
  /** Absent on older records, which were all `sent`. */
  delivery?: OutboundDeliveryState;
  /** Why sending failed or the message bounced. */
  deliveryError?: string;
  /** The transport it went through (e.g. `mailbox-smtp`, `server-smtp`, `outbox`) and whether it left the server. */
  transport?: string;
  delivered?: boolean;
}

export interface OutboundMailLog {
  record(entry: OutboundMailRecord): Promise<void>;
  findByMessageIds(messageIds: string[]): Promise<OutboundMailRecord[]>;
  /** Everything sent (or tried) on a case, oldest first. */
  listForCase(caseId: string): Promise<OutboundMailRecord[]>;
}

/** Per-sender activity for the acknowledgement rate limit and the loop guard. */
export interface SenderActivityEvent {
  sender: string;
  kind: 'inbound' | 'acknowledgement';
  /** Normalized subject (no Re:/Fwd:/token) for the loop guard. */
  subjectKey: string;
  at: string;
}

export interface SenderActivityStore {
  record(event: SenderActivityEvent): Promise<void>;
  count(query: { sender: string; kind: SenderActivityEvent['kind']; subjectKey?: string; since: string }): Promise<number>;
}
