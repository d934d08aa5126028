import {
  evaluateArcRule,
  NotFoundError,
  processInboundEmail,
  type ArcEvaluation,
  type ArcRule,
  type ParsedEmail,
  type ProcessInboundEmailDependencies,
  type ProcessInboundEmailResult,
} from '@autocase/core';
import { parseEmail } from './parse-email.js';

/**
 * Processes an email that was stored raw (by SMTP, IMAP or the HTTP endpoint): parses the
 * stored bytes and runs the core use case. A message that cannot be parsed ends `failed` with
 * the parser's reason. This is the body of the `email.process` job and of reprocessing.
 */
export async function processStoredEmail(deps: ProcessInboundEmailDependencies, emailId: string): Promise<ProcessInboundEmailResult> {
  const [email, raw] = await Promise.all([deps.emails.get(emailId), deps.emails.getRaw(emailId)]);
  if (!email || !raw) throw new NotFoundError('Email', emailId);
  const parsed = await parseEmail(raw, { envelopeSender: email.envelope?.mailFrom ?? null });
  return parsed.ok ? processInboundEmail(deps, { emailId, parsed: parsed.email }) : processInboundEmail(deps, { emailId, parsed: null, parseError: parsed.error });
}

export type DryRunResult = { ok: true; email: ParsedEmail; evaluation: ArcEvaluation; wouldThreadOrSkip: string | null } | { ok: false; error: string };

/**
 * What a rule would do with a raw `.eml`, without side effects. Machine mail is reported as
 * such (processing never lets it reach the rule).
 */
export async function dryRunArcRule(rule: ArcRule, raw: Uint8Array, facts: { senderKnown: boolean; category?: string | null; mailbox?: string }): Promise<DryRunResult> {
  const parsed = await parseEmail(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { kind, signals } = parsed.email.classification;
  const evaluation = evaluateArcRule(rule, { email: parsed.email, mailbox: facts.mailbox ?? rule.mailbox, senderKnown: facts.senderKnown, category: facts.category ?? null });
  const machine = kind === 'regular' ? null : `this email is a ${kind} (${signals.join('; ')}): processing never creates a case or an acknowledgement for it`;
  const threading = parsed.email.inReplyTo.length + parsed.email.references.length > 0 ? 'a reply: when its In-Reply-To or References match a message of a case, it is linked to that case instead' : null;
  return { ok: true, email: parsed.email, evaluation, wouldThreadOrSkip: machine ?? threading };
}
