import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ArcRuleSchema, EMAIL_OUTCOMES, EMAIL_STATUSES, ImapSettingsSchema, MailboxSchema, SmtpOutboundSettingsSchema, type Mailbox } from '@autocase/core';
import { describeZodIssues, type ValidationIssue } from '../http/zod-validation-pipe.js';

export const EmailListQuerySchema = z.object({
  outcome: z.enum(EMAIL_OUTCOMES).optional(),
  status: z.enum(EMAIL_STATUSES).optional(),
  mailbox: z.string().optional(),
  caseId: z.string().optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** The host a stored mailbox password was saved with; it may be sent to that host only. */
function sameHost(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The stored password of `section` for settings typed in the console with a blank password, or a validation issue
 * when the host changed: a stored secret is only ever sent to the host it was saved with, so a new host needs the
 * password typed again (otherwise an admin session could send it to any server).
 */
export function storedPasswordFor(section: 'imap' | 'smtp', typed: Record<string, unknown>, stored: Mailbox | null, pathPrefix: string = section): { password?: string; issue?: ValidationIssue } {
  const storedSettings = stored?.[section];
  if (typed.password || !storedSettings?.password) return {};
  if (!sameHost(typed.host, storedSettings.host)) {
    return { issue: { path: `${pathPrefix}.password`, message: `enter the ${section.toUpperCase()} password again: the stored one is only used with ${storedSettings.host}, the host it was saved with` } };
  }
  return { password: storedSettings.password };
}

/** A generated webhook secret: 32 random bytes, base64url (43 characters). */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A mailbox from the admin console, where blank passwords mean "keep the stored one" (for the same host only) and
 * the write-only webhook secret is kept unless a new one is given.
 */
export function parseMailboxInput(body: unknown, stored: Mailbox | null): { success: true; data: Mailbox } | { success: false; issues: ValidationIssue[] } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return fromZod(MailboxSchema.safeParse(body));
  const input = { ...(body as Record<string, unknown>) };
  const issues: ValidationIssue[] = [];
  for (const section of ['imap', 'smtp'] as const) {
    const value = input[section] as Record<string, unknown> | null | undefined;
    if (value === null) delete input[section];
    if (!value || typeof value !== 'object') continue;
    const kept = storedPasswordFor(section, value, stored);
    if (kept.issue) issues.push(kept.issue);
    else if (kept.password) input[section] = { ...value, password: kept.password };
  }
  if ((input.webhookSecret === undefined || input.webhookSecret === null || input.webhookSecret === '') && stored?.webhookSecret) input.webhookSecret = stored.webhookSecret;
  if (issues.length > 0) return { success: false, issues };
  return fromZod(MailboxSchema.safeParse(input));
}

function fromZod(result: ReturnType<typeof MailboxSchema.safeParse>): { success: true; data: Mailbox } | { success: false; issues: ValidationIssue[] } {
  return result.success ? { success: true, data: result.data } : { success: false, issues: describeZodIssues(result.error) };
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

export type MailboxView = Omit<Mailbox, 'webhookSecret'> & { id: string; webhookSecretSet: boolean; imapPasswordSet?: boolean; smtpPasswordSet?: boolean };

/** A mailbox without its passwords and webhook secret (they are write-only): only whether each is set. */
export function mailboxView(mailbox: Mailbox & { id: string }): MailboxView {
  const { webhookSecret, ...rest } = mailbox;
  const view: MailboxView = { ...rest, webhookSecretSet: Boolean(webhookSecret) };
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
