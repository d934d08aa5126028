import { EmailClaimedError, type EmailMessage } from '../domain/email.js';
import { NotFoundError } from '../domain/errors.js';
import type { EmailRepository } from '../ports/email-ports.js';
import type { Clock, IdGenerator } from '../ports/services.js';

/** How long a worker's claim on an email holds when it never releases it (it crashed). */
export const DEFAULT_EMAIL_CLAIM_LEASE_MS = 10 * 60_000;

export interface EmailClaimDependencies {
  emails: Pick<EmailRepository, 'get' | 'claimForProcessing' | 'releaseClaim'>;
  clock: Clock;
  ids: IdGenerator;
  /** How long a claim holds; DEFAULT_EMAIL_CLAIM_LEASE_MS when not set. */
  claimLeaseMs?: number;
}

/**
 * Runs `work` on the email while this worker holds the claim on it, so two workers (two API
 * processes, a duplicated job) never process the same email at once. When another worker
 * holds the claim: the email as it is now when `isSettled` says that worker finished it,
 * otherwise EmailClaimedError (retry later; the claim lapses after the lease if that worker died).
 */
export async function withEmailClaim<T>(
  deps: EmailClaimDependencies,
  emailId: string,
  isSettled: (email: EmailMessage) => boolean,
  work: (claimed: EmailMessage) => Promise<T>,
  onSettledMeanwhile: (email: EmailMessage) => Promise<T>,
): Promise<T> {
  const now = deps.clock.now();
  const by = `email-claim-${deps.ids.next()}`;
  const until = new Date(now.getTime() + (deps.claimLeaseMs ?? DEFAULT_EMAIL_CLAIM_LEASE_MS)).toISOString();
  const claimed = await deps.emails.claimForProcessing(emailId, { by, now: now.toISOString(), until });
  if (!claimed) {
    const current = await deps.emails.get(emailId);
    if (!current) throw new NotFoundError('Email', emailId);
    if (isSettled(current)) return onSettledMeanwhile(current);
    throw new EmailClaimedError(emailId, null);
  }
  try {
    return await work(claimed);
  } finally {
    await deps.emails.releaseClaim(emailId, by);
  }
}
