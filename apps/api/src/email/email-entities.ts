import { defineEntity, p } from '@mikro-orm/core';

/** Inbound emails: indexed columns for lookups, the full record as JSON. */
export const EmailEntity = defineEntity({
  name: 'InboundEmail',
  tableName: 'emails',
  properties: {
    id: p.string().length(36).primary(),
    /** Insertion order, for newest-first listing. */
    sequence: p.integer().index(),
    mailbox: p.string().length(320).index(),
    receivedAt: p.string().length(32),
    sha256: p.string().length(64).unique(),
    /** Set on the first delivery only, so a redelivery race cannot store two originals. */
    dedupeKey: p.string().length(64).nullable().unique(),
    messageId: p.string().length(998).nullable().index(),
    status: p.string().length(16).index(),
    outcome: p.string().length(16).nullable().index(),
    caseId: p.string().length(36).nullable().index(),
    /** The worker processing the email right now, and until when its claim holds (ISO). */
    claimedBy: p.string().length(64).nullable(),
    claimedUntil: p.string().length(32).nullable(),
    /** Lower-cased subject, sender and Message-ID for `q` searches. */
    searchText: p.text(),
    data: p.json<Record<string, unknown>>(),
  },
});

/** The bytes of each inbound email exactly as received. */
export const EmailRawEntity = defineEntity({
  name: 'InboundEmailRaw',
  tableName: 'email_raw',
  properties: {
    id: p.string().length(36).primary(),
    raw: p.blob(),
  },
});

export const ContactEntity = defineEntity({
  name: 'Contact',
  tableName: 'contacts',
  properties: {
    id: p.string().length(36).primary(),
    email: p.string().length(320).unique(),
    data: p.json<Record<string, unknown>>(),
  },
});

export const MailboxEntity = defineEntity({
  name: 'Mailbox',
  tableName: 'mailboxes',
  properties: {
    id: p.string().length(36).primary(),
    address: p.string().length(320).unique(),
    createdAt: p.string().length(32),
    data: p.json<Record<string, unknown>>(),
  },
});

export const ArcRuleEntity = defineEntity({
  name: 'ArcRule',
  tableName: 'arc_rules',
  properties: {
    id: p.string().length(36).primary(),
    mailbox: p.string().length(320).index(),
    enabled: p.boolean(),
    createdAt: p.string().length(32),
    data: p.json<Record<string, unknown>>(),
  },
});

/** Messages we sent (acknowledgements, agent replies), for threading and bounce attribution. */
export const OutboundMailEntity = defineEntity({
  name: 'OutboundMail',
  tableName: 'outbound_mail',
  properties: {
    messageId: p.string().length(998).primary(),
    caseId: p.string().length(36).nullable().index(),
    sentAt: p.string().length(32),
    data: p.json<Record<string, unknown>>(),
  },
});

/** Per-sender activity for the acknowledgement rate limit and the loop guard. */
export const SenderActivityEntity = defineEntity({
  name: 'SenderActivity',
  tableName: 'sender_activity',
  indexes: [{ properties: ['sender', 'kind', 'at'] }],
  properties: {
    id: p.string().length(36).primary(),
    sender: p.string().length(320),
    kind: p.string().length(16),
    subjectKey: p.string().length(500),
    at: p.string().length(32),
  },
});

export const EMAIL_ENTITIES = [EmailEntity, EmailRawEntity, ContactEntity, MailboxEntity, ArcRuleEntity, OutboundMailEntity, SenderActivityEntity];
