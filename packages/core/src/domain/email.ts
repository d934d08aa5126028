import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from './errors.js';
import { SpamPolicySchema } from './spam.js';

/** An address as found in a header: `"Jane Doe" <jane@example.com>`. */
export interface EmailAddress {
  /** Lower-cased address; empty for the null sender `<>`. */
  address: string;
  name?: string;
}

/** What we keep about an attachment (the bytes stay in the raw message). */
export interface EmailAttachmentMeta {
  filename: string | null;
  contentType: string;
  size: number;
  /** `Content-ID` without angle brackets, for inline (cid:) images. */
  contentId: string | null;
  inline: boolean;
  /** sha256 of the decoded content. */
  sha256: string;
}

export const EMAIL_KINDS = ['bounce', 'report', 'auto-reply', 'regular'] as const;
/** What kind of sender wrote it: a mail server (bounce / report), an auto-responder, or a person. */
export type EmailKind = (typeof EMAIL_KINDS)[number];

export interface EmailClassification {
  kind: EmailKind;
  /** Bulk or mailing-list mail (Precedence bulk/junk/list, List-Id…); never acknowledged. */
  bulk: boolean;
  /** The signals that decided, e.g. `content-type multipart/report; report-type=delivery-status`. */
  signals: string[];
  /** For bounces: the Message-ID of the message that could not be delivered, when present. */
  bouncedMessageId: string | null;
}

/**
 * The parsed form of a raw message, produced by a channel's parser. Pure data, so the core
 * use case and ARC rules never depend on a MIME library.
 */
export interface ParsedEmail {
  /** Message-ID without angle brackets; null when the message has none. */
  messageId: string | null;
  inReplyTo: string[];
  /** References, oldest first. */
  references: string[];
  from: EmailAddress | null;
  replyTo: EmailAddress[];
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string;
  date: string | null;
  /** Full text body (HTML converted when the message has no text part). */
  text: string;
  html: string | null;
  /** Only what the sender wrote in this message: quoted replies and signature removed. */
  newText: string;
  /** Header values by lower-case name, in order of appearance. */
  headers: Record<string, string[]>;
  attachments: EmailAttachmentMeta[];
  classification: EmailClassification;
}

export const EMAIL_STATUSES = ['received', 'processed', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** `spam`: quarantined (never a case, never acknowledged) until someone releases it. */
export const EMAIL_OUTCOMES = ['case-created', 'linked', 'skipped', 'failed', 'spam'] as const;
export type EmailOutcome = (typeof EMAIL_OUTCOMES)[number];

export const CORRELATION_METHODS = ['in-reply-to', 'references', 'token', 'none'] as const;
/** How an email was matched to an existing case. */
export type CorrelationMethod = (typeof CORRELATION_METHODS)[number];

/** SMTP envelope, when the message came in over SMTP. */
export interface EmailEnvelope {
  /** MAIL FROM; empty string for the null sender `<>`. */
  mailFrom: string | null;
  rcptTo: string[];
}

/** An inbound email as stored. The raw bytes are stored beside it, verbatim. */
export interface EmailMessage {
  id: string;
  /** Address of the mailbox it arrived in. */
  mailbox: string;
  receivedAt: string;
  /** sha256 (hex) of the raw bytes. */
  sha256: string;
  size: number;
  envelope: EmailEnvelope | null;
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string;
  text: string | null;
  html: string | null;
  attachments: EmailAttachmentMeta[];
  classification: EmailClassification | null;
  status: EmailStatus;
  outcome: EmailOutcome | null;
  /** Human-readable why: which rule item matched, why it was skipped, the parse error… */
  reason: string | null;
  correlation: CorrelationMethod | null;
  caseId: string | null;
  /** The ARC rule and item that decided, when one did. */
  arcRuleId: string | null;
  arcItemId: string | null;
  processedAt: string | null;
  /** Redelivery key (see RawEmailIdentity). */
  dedupeKey: string | null;
  /** For a redelivery with different bytes (same Message-ID, sender, date, subject, body): the email first stored. */
  duplicateOf: string | null;
}

/** Another worker is processing the email right now (its claim holds until `until`); retry after that. */
export class EmailClaimedError extends DomainError {
  constructor(
    readonly emailId: string,
    readonly until: string | null,
  ) {
    super('CONFLICT', `email ${emailId} is being processed by another worker${until ? ` (its claim holds until ${until})` : ''}; try again later`);
    this.name = 'EmailClaimedError';
  }
}

/** What is known about a raw message before it is parsed: enough to store it idempotently. */
export interface RawEmailIdentity {
  sha256: string;
  size: number;
  messageId: string | null;
  /**
   * Redelivery key: sha256 over Message-ID, From, Date, Subject (as written) and the body bytes.
   * The same message delivered twice (even with different Received headers) has the same key;
   * distinct messages that reuse a Message-ID (broken or anonymizing generators) do not.
   * Null without Message-ID.
   */
  dedupeKey: string | null;
}

/** Strips angle brackets and whitespace from a Message-ID; null when nothing is left. */
export function normalizeMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** Every `<id>` in a References / In-Reply-To header value, in order, without brackets. */
export function splitMessageIds(value: string | null | undefined): string[] {
  if (!value) return [];
  const bracketed = value.match(/<[^<>\s]+>/g);
  const ids = bracketed ? bracketed.map((id) => id.slice(1, -1)) : value.split(/[\s,]+/);
  return ids.map((id) => normalizeMessageId(id)).filter((id): id is string => id !== null);
}

/**
 * The sha256 and Message-ID of raw bytes, read from the header block without a MIME parser
 * (so a message can be stored, and deduplicated, before it is parsed).
 */
/** Offset of the first body byte (after the blank line ending the header block), or the length when there is none. */
function headerBodySeparatorEnd(raw: Uint8Array): number {
  for (let index = 0; index + 1 < raw.length; index += 1) {
    if (raw[index] !== 0x0a) continue;
    if (raw[index + 1] === 0x0a) return index + 2;
    if (raw[index + 1] === 0x0d && raw[index + 2] === 0x0a) return index + 3;
  }
  return raw.length;
}

export function identifyRawEmail(raw: Uint8Array): RawEmailIdentity {
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, 256 * 1024)).toString('latin1');
  const headerEnd = head.search(/\r?\n\r?\n/);
  const headerLines = (headerEnd >= 0 ? head.slice(0, headerEnd) : head).replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  const headerValue = (name: string): string | null => {
    const line = headerLines.find((header) => header.toLowerCase().startsWith(`${name}:`) || new RegExp(`^${name}\\s+:`, 'i').test(header));
    return line ? line.slice(line.indexOf(':') + 1).replace(/\s+/g, ' ').trim() : null;
  };
  const rawMessageId = headerValue('message-id');
  const messageId = splitMessageIds(rawMessageId)[0] ?? normalizeMessageId(rawMessageId);
  let dedupeKey: string | null = null;
  if (messageId) {
    const bodyStart = headerBodySeparatorEnd(raw);
    const bodySha = createHash('sha256').update(raw.subarray(bodyStart)).digest('hex');
    dedupeKey = createHash('sha256').update([messageId, headerValue('from') ?? '', headerValue('date') ?? '', headerValue('subject') ?? '', bodySha].join('\n')).digest('hex');
  }
  return { sha256, size: raw.byteLength, messageId, dedupeKey };
}

/**
 * The record of a raw message just stored: status `received`, nothing parsed yet. A redelivery
 * (`duplicateOf` given) is kept too, byte for byte, but is already settled: skipped, never a
 * second case.
 */
export function newReceivedEmail(
  id: string,
  input: { mailbox: string; receivedAt: string; envelope?: EmailEnvelope | null },
  identity: RawEmailIdentity,
  duplicateOf: string | null = null,
): EmailMessage {
  const record: EmailMessage = {
    id,
    mailbox: input.mailbox.trim().toLowerCase(),
    receivedAt: input.receivedAt,
    sha256: identity.sha256,
    size: identity.size,
    envelope: input.envelope ?? null,
    messageId: identity.messageId,
    inReplyTo: [],
    references: [],
    from: null,
    to: [],
    cc: [],
    subject: '',
    text: null,
    html: null,
    attachments: [],
    classification: null,
    status: 'received',
    outcome: null,
    reason: null,
    correlation: null,
    caseId: null,
    arcRuleId: null,
    arcItemId: null,
    processedAt: null,
    dedupeKey: identity.dedupeKey,
    duplicateOf,
  };
  if (!duplicateOf) return record;
  return { ...record, status: 'processed', outcome: 'skipped', processedAt: input.receivedAt, correlation: 'none', reason: `duplicate delivery of email ${duplicateOf} (same Message-ID, sender, date, subject and body)` };
}

const emailAddressText = z.string().trim().toLowerCase().email('must be an email address such as support@example.com');

const tlsSettings = z.object({
  rejectUnauthorized: z.boolean().default(true),
});

export const ImapSettingsSchema = z.object({
  host: z.string().min(1, 'IMAP host is required'),
  port: z.number().int().min(1).max(65535).default(993),
  secure: z.boolean().default(true),
  user: z.string().min(1, 'IMAP user is required'),
  password: z.string().min(1, 'IMAP password is required'),
  folder: z.string().min(1).default('INBOX'),
  /** After a message is stored: flag it \Seen, or move it to `moveTo`. */
  afterAccept: z.enum(['mark-seen', 'move']).default('mark-seen'),
  moveTo: z.string().min(1).optional(),
  pollIntervalSeconds: z.number().int().min(5).max(3600).default(60),
  tls: tlsSettings.optional(),
}).refine((settings) => settings.afterAccept !== 'move' || Boolean(settings.moveTo), {
  message: 'IMAP afterAccept "move" needs a moveTo folder',
  path: ['moveTo'],
});
export type ImapSettings = z.infer<typeof ImapSettingsSchema>;

export const SmtpOutboundSettingsSchema = z.object({
  host: z.string().min(1, 'SMTP host is required'),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z.boolean().default(false),
  user: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  /** From address for mail we send; defaults to the mailbox address. */
  from: z.string().min(3).optional(),
  tls: tlsSettings.optional(),
});
export type SmtpOutboundSettings = z.infer<typeof SmtpOutboundSettingsSchema>;

export const AcknowledgementTemplateSchema = z.object({
  /** Placeholders: {{caseNumber}}, {{subject}}, {{customerName}}, {{customerEmail}}, {{mailbox}}. */
  subject: z.string().min(1, 'acknowledgement subject is required').max(500).default('We received your request: {{subject}}'),
  body: z
    .string()
    .min(1, 'acknowledgement body is required')
    .max(20000)
    .default('Hello {{customerName}},\n\nThank you for contacting us. Your request has been registered as {{caseNumber}}.\nPlease keep the reference in the subject when you reply.\n'),
});
export type AcknowledgementTemplate = z.infer<typeof AcknowledgementTemplateSchema>;

/** An inbound address: where mail arrives and how we answer from it. */
export const MailboxSchema = z.object({
  id: z.string().min(1).optional(),
  address: emailAddressText,
  displayName: z.string().max(200).optional(),
  /** Secret the HTTP inbound webhook must present for this mailbox. */
  webhookSecret: z.string().min(16, 'webhook secret must be at least 16 characters').optional(),
  imap: ImapSettingsSchema.optional(),
  smtp: SmtpOutboundSettingsSchema.optional(),
  acknowledgement: AcknowledgementTemplateSchema.default(AcknowledgementTemplateSchema.parse({})),
  enabled: z.boolean().default(true),
  /** Spam handling: the upstream verdict, authentication failures and the built-in classifier (DEFAULT_SPAM_POLICY when absent). */
  spam: SpamPolicySchema.optional(),
});
export type Mailbox = z.infer<typeof MailboxSchema>;
export type MailboxInput = z.input<typeof MailboxSchema>;

export const ContactSchema = z.object({
  id: z.string().min(1),
  email: emailAddressText,
  name: z.string().max(300).optional(),
  createdAt: z.string(),
  /** How it came to be: created by an ARC rule from an email, imported, or by an agent. */
  source: z.enum(['email', 'import', 'agent']).default('email'),
});
export type Contact = z.infer<typeof ContactSchema>;
