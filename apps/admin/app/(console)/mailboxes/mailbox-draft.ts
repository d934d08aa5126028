import type { Mailbox, SpamPolicy } from '@autocase/core';

export interface ImapDraft {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folder: string;
  afterAccept: 'mark-seen' | 'move';
  moveTo: string;
  pollIntervalSeconds: number;
}

export interface SmtpDraft {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

/** The form state of a mailbox; passwords and the webhook secret are write-only (empty = keep the stored one). */
export interface MailboxDraft {
  id?: string;
  address: string;
  displayName: string;
  enabled: boolean;
  /** A new webhook secret to save (empty = keep the stored one, or let the server generate one for a new mailbox). */
  webhookSecret: string;
  /** Whether the stored mailbox has a webhook secret (the secret itself is never sent back). */
  webhookSecretSet: boolean;
  imapEnabled: boolean;
  imap: ImapDraft;
  smtpEnabled: boolean;
  smtp: SmtpDraft;
  acknowledgement: { subject: string; body: string };
  /** Thresholds as typed ('' = none / the model's own). */
  spam: Omit<SpamPolicy, 'upstreamScoreThreshold' | 'classifierThreshold'> & { upstreamScoreThreshold: string; classifierThreshold: string };
}

/** The API's defaults (core DEFAULT_SPAM_POLICY), for a mailbox saved before spam handling existed. */
const DEFAULT_SPAM: MailboxDraft['spam'] = {
  enabled: true,
  honourUpstreamFlag: true,
  upstreamScoreThreshold: '',
  quarantineOnDmarcFail: true,
  quarantineOnSpfAndDkimFail: false,
  classifier: true,
  classifierThreshold: '',
};

/** A mailbox as the API shows it: no passwords and no webhook secret, only whether they are set. */
export type StoredMailbox = Omit<Mailbox, 'webhookSecret'> & { id: string; webhookSecretSet?: boolean };

const DEFAULT_ACKNOWLEDGEMENT = {
  subject: 'We received your request: {{subject}}',
  body: 'Hello {{customerName}},\n\nThank you for contacting us. Your request has been registered as {{caseNumber}}.\nPlease keep the reference in the subject when you reply.\n',
};

export function emptyMailboxDraft(): MailboxDraft {
  return {
    address: '',
    displayName: '',
    enabled: true,
    webhookSecret: '',
    webhookSecretSet: false,
    imapEnabled: false,
    imap: { host: '', port: 993, secure: true, user: '', password: '', folder: 'INBOX', afterAccept: 'mark-seen', moveTo: '', pollIntervalSeconds: 60 },
    smtpEnabled: false,
    smtp: { host: '', port: 587, secure: false, user: '', password: '', from: '' },
    acknowledgement: { ...DEFAULT_ACKNOWLEDGEMENT },
    spam: { ...DEFAULT_SPAM },
  };
}

export function toMailboxDraft(mailbox: StoredMailbox): MailboxDraft {
  const empty = emptyMailboxDraft();
  return {
    id: mailbox.id,
    address: mailbox.address,
    displayName: mailbox.displayName ?? '',
    enabled: mailbox.enabled,
    webhookSecret: '',
    webhookSecretSet: Boolean(mailbox.webhookSecretSet),
    imapEnabled: Boolean(mailbox.imap),
    imap: mailbox.imap ? { ...empty.imap, ...mailbox.imap, password: '', moveTo: mailbox.imap.moveTo ?? '' } : empty.imap,
    smtpEnabled: Boolean(mailbox.smtp),
    smtp: mailbox.smtp ? { ...empty.smtp, ...mailbox.smtp, user: mailbox.smtp.user ?? '', password: '', from: mailbox.smtp.from ?? '' } : empty.smtp,
    acknowledgement: mailbox.acknowledgement ?? { ...DEFAULT_ACKNOWLEDGEMENT },
    spam: mailbox.spam
      ? { ...mailbox.spam, upstreamScoreThreshold: mailbox.spam.upstreamScoreThreshold?.toString() ?? '', classifierThreshold: mailbox.spam.classifierThreshold?.toString() ?? '' }
      : { ...DEFAULT_SPAM },
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

export function imapPayload(imap: ImapDraft) {
  return {
    host: imap.host.trim(),
    port: imap.port,
    secure: imap.secure,
    user: imap.user.trim(),
    password: optional(imap.password),
    folder: imap.folder.trim() || 'INBOX',
    afterAccept: imap.afterAccept,
    moveTo: imap.afterAccept === 'move' ? optional(imap.moveTo) : undefined,
    pollIntervalSeconds: imap.pollIntervalSeconds,
  };
}

export function smtpPayload(smtp: SmtpDraft) {
  return { host: smtp.host.trim(), port: smtp.port, secure: smtp.secure, user: optional(smtp.user), password: optional(smtp.password), from: optional(smtp.from) };
}

/** Blank thresholds are null; anything else is sent as typed, for the API to validate. */
export function spamPayload(spam: MailboxDraft['spam']) {
  const threshold = (value: string) => (value.trim() === '' ? null : Number(value));
  return { ...spam, upstreamScoreThreshold: threshold(spam.upstreamScoreThreshold), classifierThreshold: threshold(spam.classifierThreshold) };
}

/** The JSON body for POST/PUT: blank passwords and disabled sections are left out. */
export function toMailboxPayload(draft: MailboxDraft): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    address: draft.address.trim(),
    enabled: draft.enabled,
    acknowledgement: draft.acknowledgement,
    spam: spamPayload(draft.spam),
  };
  if (draft.displayName.trim()) payload.displayName = draft.displayName.trim();
  if (draft.webhookSecret.trim()) payload.webhookSecret = draft.webhookSecret.trim();
  if (draft.imapEnabled) payload.imap = imapPayload(draft.imap);
  if (draft.smtpEnabled) payload.smtp = smtpPayload(draft.smtp);
  return JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
}
