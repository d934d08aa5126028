import {
  PluginError,
  type InboundItem,
  type StoreRawEmailInput,
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
import { recordParseNotes } from './parse-notes.js';

/**
 * Processes an email that was stored raw (by SMTP, IMAP or the HTTP endpoint): parses the
 * stored bytes and runs the core use case. A message that cannot be parsed ends `failed` with
 * the parser's reason. This is the body of the `email.process` job and of reprocessing.
 */
export async function processStoredEmail(deps: ProcessInboundEmailDependencies, emailId: string, options: { reprocess?: boolean; releasedFromSpam?: boolean } = {}): Promise<ProcessInboundEmailResult> {
  const [email, raw] = await Promise.all([deps.emails.get(emailId), deps.emails.getRaw(emailId)]);
  if (!email || !raw) throw new NotFoundError('Email', emailId);
  const parsed = await parseEmail(raw, { envelopeSender: email.envelope?.mailFrom ?? null });
  const reprocess = options.reprocess ?? false;
  if (!parsed.ok) return processInboundEmail(deps, { emailId, parsed: null, parseError: parsed.error, reprocess });
  return recordParseNotes(deps, await processInboundEmail(deps, { emailId, parsed: parsed.email, reprocess, releasedFromSpam: options.releasedFromSpam ?? false }), parsed.notes ?? []);
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
  const machine = kind === 'regular' ? null : `this email is ${kind === 'auto-reply' ? 'an' : 'a'} ${kind} (${signals.join('; ')}): processing never creates a case or an acknowledgement for it`;
  const threading = parsed.email.inReplyTo.length + parsed.email.references.length > 0 ? 'a reply: when its In-Reply-To or References match a message of a case, it is linked to that case instead' : null;
  return { ok: true, email: parsed.email, evaluation, wouldThreadOrSkip: machine ?? threading };
}

/**
 * The storable form of an `email.raw` item from any email channel (SMTP, IMAP, HTTP): the raw
 * bytes, the mailbox, and the SMTP envelope from the item's metadata when there is one.
 */
export function inboundItemToRawEmail(item: InboundItem): StoreRawEmailInput {
  if (item.kind !== 'email.raw') throw new PluginError('INVALID_INPUT', `expected an email.raw item, got ${item.kind}`);
  if (!(item.payload instanceof Uint8Array)) throw new PluginError('INVALID_INPUT', 'an email.raw item carries the raw message bytes as a Uint8Array');
  if (!item.address) throw new PluginError('INVALID_INPUT', 'an email.raw item must name the mailbox address it arrived in');
  const metadata = item.metadata ?? {};
  const mailFrom = typeof metadata.mailFrom === 'string' ? metadata.mailFrom : null;
  const rcptTo = Array.isArray(metadata.rcptTo) ? metadata.rcptTo.filter((address): address is string => typeof address === 'string') : [];
  const hasEnvelope = metadata.transport === 'smtp' || mailFrom !== null || rcptTo.length > 0;
  return { raw: item.payload, mailbox: item.address, receivedAt: item.receivedAt, envelope: hasEnvelope ? { mailFrom, rcptTo } : null };
}
