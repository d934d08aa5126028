import type { ArcRule } from '../domain/arc-rule.js';
import { emailOriginKey, type Case } from '../domain/case.js';
import type { CorrelationMethod, EmailMessage, EmailOutcome, Mailbox, ParsedEmail } from '../domain/email.js';
import { NotFoundError } from '../domain/errors.js';
import type { PredictionRunnerPort } from '../engine/prediction-runner.js';
import type { ArcRuleRepository, ContactRepository, EmailRepository, MailboxRepository, OutboundMailLog, SenderActivityStore } from '../ports/email-ports.js';
import type { AuditRepository, CaseRepository, ConfigurationRepository, NoteRepository } from '../ports/repositories.js';
import type { PredictionLogRepository } from '../ports/prediction-log.js';
import type { Clock, EventPublisher, IdGenerator, Mailer, UnitOfWork } from '../ports/services.js';
import { defaultSenderLimits, isSenderLooping, type SenderLimits } from './process-inbound-email-acknowledgement.js';
import { evaluateArcRule, ruleNeedsCategory, type ArcEvaluation } from './process-inbound-email-arc-evaluation.js';
import { attachEmailToCase, createCaseFromEmail, emailPredictionInput, type EmailCaseContext } from './process-inbound-email-case-actions.js';
import { sendAcknowledgement } from './process-inbound-email-send-acknowledgement.js';
import { decideForFollowUp, findThreadCase } from './process-inbound-email-threading.js';
import { normalizeSubject } from './process-inbound-email-tracking-token.js';
import { attachDeliveryFailure } from './process-inbound-email-delivery-failure.js';
import { withEmailClaim } from './process-inbound-email-claim.js';
import { machineMailSkipReason } from './process-inbound-email-skip-reason.js';
import { awaitEarlierThreadMessages } from './process-inbound-email-thread-order.js';
import { predictEmailCategory } from './process-inbound-email-category.js';
import { acknowledgementBlockedBySpam, judgeSpam, type SpamCheck } from './process-inbound-email-spam.js';

export interface ProcessInboundEmailDependencies {
  emails: EmailRepository;
  cases: CaseRepository;
  audit: AuditRepository;
  notes?: NoteRepository;
  contacts: ContactRepository;
  mailboxes: MailboxRepository;
  arcRules: ArcRuleRepository;
  outboundLog: OutboundMailLog;
  senderActivity: SenderActivityStore;
  configuration: Pick<ConfigurationRepository, 'getFields' | 'getSettings'>;
  /** Runs the configured predictors; without it cases get only the mapped fields. */
  predictions?: PredictionRunnerPort;
  /** Where each prediction run on a case is logged (creation and follow-up updates). */
  predictionLog?: PredictionLogRepository;
  /** Creating a case and linking the email to it commit together (with audit and prediction log). */
  unitOfWork?: UnitOfWork;
  /**
   * The email category for rules with a category condition (asked only then); by default the
   * configured predictors' value for the `category` case field (predictEmailCategory).
   */
  classifyCategory?: (input: ReturnType<typeof emailPredictionInput>) => Promise<string | null>;
  /** The outbound mailer of a mailbox; without one, no acknowledgement is sent. */
  mailerFor?: (mailbox: Mailbox | null) => Mailer | null;
  events?: EventPublisher;
  clock: Clock;
  ids: IdGenerator;
  limits?: SenderLimits;
  /** Spam verdict of a new (not threaded) email; spam is quarantined with outcome `spam`. Without it nothing is quarantined. */
  checkSpam?: SpamCheck;
  /** How long a worker's claim on an email holds if it never finishes (DEFAULT_EMAIL_CLAIM_LEASE_MS). */
  claimLeaseMs?: number;
}

export interface ProcessInboundEmailInput {
  emailId: string;
  /** The parsed message, or null when it could not be parsed (then `parseError` says why). */
  parsed: ParsedEmail | null;
  parseError?: string;
  /**
   * Process again an email that was already processed without a case (skipped, e.g. before a
   * rule existed). An email that has a case is never processed twice.
   */
  reprocess?: boolean;
  /** Someone released it from the spam quarantine: processed normally, never quarantined again. */
  releasedFromSpam?: boolean;
}

export interface ProcessInboundEmailResult {
  email: EmailMessage;
  outcome: EmailOutcome;
  /** True when the email had been processed before and nothing was done again. */
  alreadyProcessed: boolean;
  caseRecord: Case | null;
  arc: ArcEvaluation | null;
  acknowledged: boolean;
}

interface Decision {
  outcome: EmailOutcome;
  reason: string;
  correlation: CorrelationMethod;
  caseRecord: Case | null;
  arc: ArcEvaluation | null;
  acknowledged: boolean;
}

function withParsed(email: EmailMessage, parsed: ParsedEmail): EmailMessage {
  return {
    ...email,
    messageId: parsed.messageId ?? email.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    from: parsed.from,
    to: parsed.to,
    cc: parsed.cc,
    subject: parsed.subject,
    text: parsed.text,
    html: parsed.html,
    attachments: parsed.attachments,
    classification: parsed.classification,
  };
}

const skipped = (reason: string, correlation: CorrelationMethod = 'none'): Decision => ({ outcome: 'skipped', reason, correlation, caseRecord: null, arc: null, acknowledged: false });

/**
 * Decides what happens to a stored inbound email: deduplicated, machine mail set aside (a
 * bounce of our own message goes on its case), replies threaded onto their case, everything
 * else through the mailbox's ARC rule. Records outcome, reason and correlation on the email.
 */
export async function processInboundEmail(deps: ProcessInboundEmailDependencies, input: ProcessInboundEmailInput): Promise<ProcessInboundEmailResult> {
  const stored = await deps.emails.get(input.emailId);
  if (!stored) throw new NotFoundError('Email', input.emailId);
  const settled = (email: EmailMessage) => email.status === 'processed' && (!input.reprocess || email.caseId !== null || email.duplicateOf !== null);
  const alreadyProcessed = async (email: EmailMessage): Promise<ProcessInboundEmailResult> => {
    const caseRecord = email.caseId ? await deps.cases.get(email.caseId) : null;
    return { email, outcome: email.outcome ?? 'skipped', alreadyProcessed: true, caseRecord, arc: null, acknowledged: false };
  };
  if (settled(stored)) return alreadyProcessed(stored);
  // Another worker may have finished it between the read and the claim: `settled` again on the claimed record.
  const claimedSettled = (email: EmailMessage) => email.status !== 'received' && !input.reprocess;
  return withEmailClaim(deps, input.emailId, claimedSettled, (claimed) => (settled(claimed) ? alreadyProcessed(claimed) : processClaimed(deps, claimed, input)), alreadyProcessed);
}

async function processClaimed(deps: ProcessInboundEmailDependencies, stored: EmailMessage, input: ProcessInboundEmailInput): Promise<ProcessInboundEmailResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  if (!input.parsed) {
    const failed: EmailMessage = { ...stored, status: 'failed', outcome: 'failed', reason: `could not be parsed: ${input.parseError ?? 'unknown parse error'}`, correlation: 'none', processedAt: at };
    const saved = await deps.emails.save(failed);
    await deps.events?.publish({ type: 'email.processed', emailId: saved.id, outcome: 'failed', caseId: null });
    return { email: saved, outcome: 'failed', alreadyProcessed: false, caseRecord: null, arc: null, acknowledged: false };
  }
  const parsed = input.parsed;
  const email = withParsed(stored, parsed);
  if (stored.status === 'received') {
    // An earlier attempt created the case (with the link, in one transaction) and was interrupted before it recorded the outcome.
    const caseRecord = stored.caseId ? await deps.cases.get(stored.caseId) : await deps.cases.findByOriginKey(emailOriginKey(stored.id));
    if (caseRecord) {
      const saved = await deps.emails.save({ ...email, status: 'processed', outcome: 'case-created', caseId: caseRecord.id, reason: stored.reason ?? `case ${caseRecord.number} created by an interrupted earlier attempt`, correlation: stored.correlation ?? 'none', processedAt: at });
      await deps.events?.publish({ type: 'email.processed', emailId: saved.id, outcome: 'case-created', caseId: caseRecord.id });
      return { email: saved, outcome: 'case-created', alreadyProcessed: false, caseRecord, arc: null, acknowledged: false };
    }
  }
  if (parsed.classification.kind === 'regular') await awaitEarlierThreadMessages(deps.emails, email, parsed, now);
  const decision = await decide(deps, email, parsed, now, input.releasedFromSpam ?? false);
  const saved = await deps.emails.save({
    ...email,
    status: 'processed',
    outcome: decision.outcome,
    reason: decision.reason,
    correlation: decision.correlation,
    caseId: decision.caseRecord?.id ?? null,
    arcRuleId: decision.arc?.ruleId ?? null,
    arcItemId: decision.arc?.item?.id ?? null,
    processedAt: at,
  });
  await deps.events?.publish({ type: 'email.processed', emailId: saved.id, outcome: decision.outcome, caseId: saved.caseId });
  return { email: saved, outcome: decision.outcome, alreadyProcessed: false, caseRecord: decision.caseRecord, arc: decision.arc, acknowledged: decision.acknowledged };
}

async function decide(deps: ProcessInboundEmailDependencies, email: EmailMessage, parsed: ParsedEmail, now: Date, releasedFromSpam: boolean): Promise<Decision> {
  const { kind } = parsed.classification;
  if (kind === 'bounce') {
    const attached = await attachDeliveryFailure(deps, email, parsed, now);
    if (attached) return { outcome: 'linked', reason: attached.reason, correlation: 'references', caseRecord: attached.caseRecord, arc: null, acknowledged: false };
    return skipped(machineMailSkipReason(parsed.classification));
  }
  if (kind === 'report' || kind === 'auto-reply') return skipped(machineMailSkipReason(parsed.classification));

  const [settings, fields, mailbox, rule] = await Promise.all([
    deps.configuration.getSettings(),
    deps.configuration.getFields(),
    deps.mailboxes.getByAddress(email.mailbox),
    deps.arcRules.findForMailbox(email.mailbox),
  ]);
  const context: EmailCaseContext = { email, parsed, fields, settings, at: now.toISOString() };
  const sender = parsed.from?.address ?? '';
  const subjectKey = normalizeSubject(parsed.subject, settings.caseNumberPrefix);
  if (sender) await deps.senderActivity.record({ sender, kind: 'inbound', subjectKey, at: now.toISOString() });

  const thread = await findThreadCase(deps, parsed, { excludeEmailId: email.id, tokenPrefix: settings.caseNumberPrefix });
  let continuation: { caseRecord: Case; reason: string } | null = null;
  if (thread) {
    const threadCase = await deps.cases.get(thread.caseId);
    if (threadCase) {
      const followUp = decideForFollowUp(threadCase, rule?.resolvedCase ?? { windowHours: 72, reopen: true }, now);
      if (followUp.action === 'attach') {
        const reason = `reply to case ${threadCase.number} (${thread.correlation} ${thread.matchedOn})`;
        const updateFields = rule?.updateCaseOnFollowUp ?? true;
        const result = await attachEmailToCase(deps, context, threadCase, { reopen: followUp.reopen, updateFields, reason });
        await deps.events?.publish({ type: 'case.updated', caseId: result.caseRecord.id, changed: result.changed });
        return { outcome: 'linked', reason, correlation: thread.correlation, caseRecord: result.caseRecord, arc: null, acknowledged: false };
      }
      continuation = { caseRecord: threadCase, reason: `new case continuing ${threadCase.number}: ${followUp.reason}` };
    }
  }

  const spam = await judgeSpam(deps.checkSpam, parsed, mailbox, releasedFromSpam);
  if (spam.quarantine) return { outcome: 'spam', reason: `quarantined as spam: ${spam.verdict!.reason}`, correlation: thread?.correlation ?? 'none', caseRecord: null, arc: null, acknowledged: false };
  if (sender && (await isSenderLooping(deps.senderActivity, sender, subjectKey, now, deps.limits ?? defaultSenderLimits))) {
    return skipped(`loop guard: ${sender} sent more than ${(deps.limits ?? defaultSenderLimits).sameSubjectPerSenderPerHour} emails with this subject within an hour`, thread?.correlation ?? 'none');
  }
  const contact = sender ? await deps.contacts.findByEmail(sender) : null;
  const classify = deps.classifyCategory ?? ((input: ReturnType<typeof emailPredictionInput>) => predictEmailCategory(deps, input));
  const category = ruleNeedsCategory(rule) ? await classify(emailPredictionInput(email, parsed)) : null;
  const arc = evaluateArcRule(rule as ArcRule | null, { email: parsed, mailbox: email.mailbox, senderKnown: contact !== null, category });
  const createCase = arc.plannedActions.find((action) => action.type === 'create-case');
  if (!createCase) return { ...skipped(arc.reason, thread?.correlation ?? 'none'), arc };

  for (const action of arc.plannedActions) {
    if (action.type === 'create-contact') await deps.contacts.create({ email: action.email, ...(action.name ? { name: action.name } : {}), source: 'email' });
  }
  const reasonParts = [arc.reason];
  if (continuation) reasonParts.push(continuation.reason);
  if (releasedFromSpam) reasonParts.push('released from the spam quarantine');
  // The case, its audit and prediction log, and the email's link to it in one transaction: a retry finds the case instead of opening a second one.
  const { caseRecord, predictionWarnings } = await createCaseFromEmail(deps, context, { ...createCase, parentCaseId: continuation?.caseRecord.id ?? null, reason: reasonParts.join('; ') }, (created) =>
    deps.emails.save({ ...email, caseId: created.id, reason: `case ${created.number} created; ${arc.reason}` }),
  );
  if (predictionWarnings.length > 0) reasonParts.push(`prediction warnings: ${predictionWarnings.join('; ')}`);
  await deps.events?.publish({ type: 'case.created', caseId: caseRecord.id, fields: Object.keys(caseRecord.fields) });

  let acknowledged = false;
  const ackBlocked = acknowledgementBlockedBySpam(spam.verdict);
  if (ackBlocked && arc.plannedActions.some((action) => action.type === 'acknowledge')) reasonParts.push(ackBlocked);
  else if (arc.plannedActions.some((action) => action.type === 'acknowledge')) {
    const ack = await sendAcknowledgement(deps, { mailbox, mailboxAddress: email.mailbox, caseRecord, parsed, now });
    acknowledged = ack.sent;
    reasonParts.push(ack.note);
  }
  return { outcome: 'case-created', reason: reasonParts.join('; '), correlation: thread?.correlation ?? 'none', caseRecord, arc, acknowledged };
}
