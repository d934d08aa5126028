import { z } from 'zod';
import { ArcRuleSchema, EMAIL_OUTCOMES, EMAIL_STATUSES, ImapSettingsSchema, MailboxSchema, SmtpOutboundSettingsSchema, type Mailbox } from '@autocase/core';

export const EmailListQuerySchema = z.object({
  outcome: z.enum(EMAIL_OUTCOMES).optional(),
  status: z.enum(EMAIL_STATUSES).optional(),
  mailbox: z.string().optional(),
  caseId: z.string().optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** A mailbox from the admin console, where blank passwords mean "keep the stored one". */
export function parseMailboxInput(body: unknown, stored: Mailbox | null): ReturnType<typeof MailboxSchema.safeParse> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return MailboxSchema.safeParse(body);
  const input = { ...(body as Record<string, unknown>) };
  for (const section of ['imap', 'smtp'] as const) {
    const value = input[section] as Record<string, unknown> | null | undefined;
    if (value === null) delete input[section];
    const storedPassword = stored?.[section]?.password;
    if (value && typeof value === 'object' && !value.password && storedPassword) input[section] = { ...value, password: storedPassword };
  }
  return MailboxSchema.safeParse(input);
}

export { ArcRuleSchema, ImapSettingsSchema, SmtpOutboundSettingsSchema };

export const ConnectionTestSchema = z.object({
  kind: z.enum(['imap', 'smtp']),
  mailboxId: z.string().optional(),
  settings: z.record(z.string(), z.unknown()),
});

export const CaseReplySchema = z.object({
  text: z.string().trim().min(1, 'the reply needs some text').max(100_000),
  html: z.string().max(500_000).optional(),
  to: z.array(z.email('each recipient must be an email address')).optional(),
  /** The mailbox to send from; defaults to the mailbox of the case's latest email. */
  mailbox: z.string().optional(),
});

/** A mailbox without its passwords (they are write-only). */
export function mailboxView(mailbox: Mailbox & { id: string }): Mailbox & { id: string; imapPasswordSet?: boolean; smtpPasswordSet?: boolean } {
  const view: Mailbox & { id: string; imapPasswordSet?: boolean; smtpPasswordSet?: boolean } = { ...mailbox };
  if (mailbox.imap) {
    const { password, ...imap } = mailbox.imap;
    view.imap = imap as Mailbox['imap'];
    view.imapPasswordSet = Boolean(password);
  }
  if (mailbox.smtp) {
    const { password, ...smtp } = mailbox.smtp;
    view.smtp = smtp;
    view.smtpPasswordSet = Boolean(password);
  }
  return view;
}
