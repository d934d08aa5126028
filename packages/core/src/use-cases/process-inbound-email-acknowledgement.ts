import { randomUUID } from 'node:crypto';
import type { Case } from '../domain/case.js';
import type { AcknowledgementTemplate, ParsedEmail } from '../domain/email.js';
import type { SenderActivityStore } from '../ports/email-ports.js';
import type { MailMessage } from '../ports/services.js';
import { subjectWithTrackingToken } from './process-inbound-email-tracking-token.js';

/** Limits that keep us from mail loops and from flooding a sender with acknowledgements. */
export interface SenderLimits {
  /** Acknowledgements one sender may get per hour. */
  acknowledgementsPerSenderPerHour: number;
  /** Emails with the same subject from one sender per hour before the loop guard stops them. */
  sameSubjectPerSenderPerHour: number;
}

export const defaultSenderLimits: SenderLimits = { acknowledgementsPerSenderPerHour: 3, sameSubjectPerSenderPerHour: 20 };

export const TEMPLATE_PLACEHOLDERS = ['caseNumber', 'subject', 'customerName', 'customerEmail', 'mailbox', 'caseTitle'] as const;

/** Replaces `{{name}}` placeholders; unknown placeholders are an error naming them. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  const unknown = new Set<string>();
  const rendered = template.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g, (_placeholder, name: string) => {
    if (!(name in values)) {
      unknown.add(name);
      return '';
    }
    return values[name]!;
  });
  if (unknown.size > 0) throw new Error(`unknown template placeholder(s): ${[...unknown].map((name) => `{{${name}}}`).join(', ')}; known: ${TEMPLATE_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}`);
  return rendered;
}

/** A fresh Message-ID for mail we send, in the mailbox's domain (without angle brackets). */
export function newOutboundMessageId(mailboxAddress: string): string {
  const domain = mailboxAddress.includes('@') ? mailboxAddress.slice(mailboxAddress.lastIndexOf('@') + 1) : 'autocase.invalid';
  return `${randomUUID()}@${domain}`;
}

/** Headers every automatic message carries (RFC 3834) so other robots do not answer it. */
export const AUTOMATIC_MESSAGE_HEADERS: Readonly<Record<string, string>> = {
  'Auto-Submitted': 'auto-replied',
  'X-Auto-Response-Suppress': 'All',
};

/** The acknowledgement for a case created from an email: token in the subject, threaded on the email. */
export function buildAcknowledgement(input: {
  template: AcknowledgementTemplate;
  mailbox: { address: string; displayName?: string | undefined; from?: string | undefined };
  caseRecord: Pick<Case, 'number' | 'title'>;
  email: Pick<ParsedEmail, 'messageId' | 'references' | 'subject' | 'from' | 'replyTo'>;
  messageId: string;
}): MailMessage {
  const { template, mailbox, caseRecord, email } = input;
  const customer = email.replyTo.find((address) => address.address) ?? (email.from?.address ? email.from : null);
  if (!customer?.address) throw new Error('cannot acknowledge an email without a sender address');
  const values = {
    caseNumber: caseRecord.number,
    caseTitle: caseRecord.title,
    subject: email.subject.trim() || '(no subject)',
    customerName: customer.name?.trim() || customer.address,
    customerEmail: customer.address,
    mailbox: mailbox.address,
  };
  const references = email.messageId ? [...email.references, email.messageId] : [...email.references];
  const from = mailbox.from ?? (mailbox.displayName ? `"${mailbox.displayName.replace(/"/g, '')}" <${mailbox.address}>` : mailbox.address);
  const message: MailMessage = {
    from,
    to: [customer.address],
    subject: subjectWithTrackingToken(renderTemplate(template.subject, values), caseRecord.number),
    text: renderTemplate(template.body, values),
    messageId: input.messageId,
    references,
    headers: { ...AUTOMATIC_MESSAGE_HEADERS },
  };
  if (email.messageId) message.inReplyTo = email.messageId;
  return message;
}

const HOUR_MS = 60 * 60 * 1000;

/** Loop guard: has this sender flooded this subject within the last hour? */
export async function isSenderLooping(store: SenderActivityStore, sender: string, subjectKey: string, now: Date, limits: SenderLimits = defaultSenderLimits): Promise<boolean> {
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  const count = await store.count({ sender, kind: 'inbound', subjectKey, since });
  return count > limits.sameSubjectPerSenderPerHour;
}

/** Rate limit: may this sender get another acknowledgement now? */
export async function mayAcknowledgeSender(store: SenderActivityStore, sender: string, now: Date, limits: SenderLimits = defaultSenderLimits): Promise<boolean> {
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  const count = await store.count({ sender, kind: 'acknowledgement', since });
  return count < limits.acknowledgementsPerSenderPerHour;
}
