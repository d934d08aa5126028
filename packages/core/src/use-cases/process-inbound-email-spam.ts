import { DEFAULT_SPAM_POLICY, type SpamDecision, type SpamVerdict } from '../domain/spam.js';
import type { EmailMessage, Mailbox, ParsedEmail } from '../domain/email.js';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import type { EmailRepository } from '../ports/email-ports.js';
import type { SpamDecisionStore } from '../ports/spam-ports.js';
import type { Clock, IdGenerator } from '../ports/services.js';

/** Judges one parsed email under its mailbox's spam policy (the host composes the upstream report and the classifier). */
export type SpamCheck = (parsed: ParsedEmail, mailbox: Mailbox | null) => Promise<SpamVerdict>;

/** The mailbox's spam policy, with the defaults when it has none. */
export function spamPolicyOf(mailbox: Mailbox | null) {
  return mailbox?.spam ?? DEFAULT_SPAM_POLICY;
}

/**
 * The spam step of processing: the verdict, and whether it quarantines. A released email
 * (someone said "not spam") is never quarantined again, but keeps its DMARC result so it is
 * still not acknowledged when DMARC failed.
 */
export async function judgeSpam(check: SpamCheck | undefined, parsed: ParsedEmail, mailbox: Mailbox | null, released: boolean): Promise<{ verdict: SpamVerdict | null; quarantine: boolean }> {
  if (!check) return { verdict: null, quarantine: false };
  const verdict = await check(parsed, mailbox);
  if (released) return { verdict: { ...verdict, spam: false, source: null, reason: `released from the spam quarantine (was: ${verdict.reason})` }, quarantine: false };
  return { verdict, quarantine: verdict.spam };
}

/** The acknowledgement note when spam handling forbids one, else null. */
export function acknowledgementBlockedBySpam(verdict: SpamVerdict | null): string | null {
  if (verdict?.dmarcFailed) return 'acknowledgement not sent: the sender failed DMARC (Authentication-Results dmarc=fail)';
  if (verdict?.spam) return 'acknowledgement not sent: spam';
  return null;
}

export interface SpamReviewDependencies {
  emails: Pick<EmailRepository, 'get' | 'save'>;
  spamDecisions: SpamDecisionStore;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * "Not spam": records the decision (a training example for the classifier) and hands the
 * email to `process`, which runs it through the normal flow without the spam step.
 */
export async function releaseQuarantinedEmail<Result>(
  deps: SpamReviewDependencies,
  input: { emailId: string; decidedBy: string; process: (email: EmailMessage) => Promise<Result> },
): Promise<Result> {
  const email = await deps.emails.get(input.emailId);
  if (!email) throw new NotFoundError('Email', input.emailId);
  if (email.outcome !== 'spam') throw new ConflictError(`email ${input.emailId} is not quarantined as spam (its outcome is ${email.outcome ?? 'not decided yet'}); only quarantined emails can be released`);
  await deps.spamDecisions.record(decision(deps, email, 'not-spam', input.decidedBy));
  return input.process(email);
}

/**
 * "Spam": records the decision and, when the email opened no case and is not linked to one,
 * quarantines it (outcome `spam`). An email that already has a case keeps it; the decision
 * still teaches the classifier.
 */
export async function markEmailAsSpam(deps: SpamReviewDependencies, input: { emailId: string; decidedBy: string }): Promise<EmailMessage> {
  const email = await deps.emails.get(input.emailId);
  if (!email) throw new NotFoundError('Email', input.emailId);
  if (email.status === 'received') throw new ConflictError(`email ${input.emailId} is still queued for processing; try again when it has an outcome`);
  if (email.outcome === 'spam') throw new ConflictError(`email ${input.emailId} is already quarantined as spam`);
  await deps.spamDecisions.record(decision(deps, email, 'spam', input.decidedBy));
  if (email.caseId) return email;
  return deps.emails.save({ ...email, outcome: 'spam', reason: `marked as spam by ${input.decidedBy}; was: ${email.reason ?? email.outcome ?? 'no reason'}` });
}

function decision(deps: SpamReviewDependencies, email: EmailMessage, verdict: SpamDecision['verdict'], decidedBy: string): SpamDecision {
  return { id: deps.ids.next(), emailId: email.id, mailbox: email.mailbox, verdict, decidedBy, decidedAt: deps.clock.now().toISOString() };
}
