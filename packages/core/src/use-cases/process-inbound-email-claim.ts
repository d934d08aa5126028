import { EmailClaimedError, type EmailMessage } from '../domain/email.js';
import { NotFoundError } from '../domain/errors.js';
import type { EmailRepository } from '../ports/email-ports.js';
import type { Clock, IdGenerator } from '../ports/services.js';

/**
 * How long a worker's claim on an email holds without a renewal. The worker renews it every
 * third of the lease while it works, so only a dead worker's claim lapses, and another worker
 * takes the email over within one lease.
 */
export const DEFAULT_EMAIL_CLAIM_LEASE_MS = 15_000;

export interface EmailClaimDependencies {
  emails: Pick<EmailRepository, 'get' | 'claimForProcessing' | 'renewClaim' | 'releaseClaim'>;
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
  const leaseMs = deps.claimLeaseMs ?? DEFAULT_EMAIL_CLAIM_LEASE_MS;
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const claimed = await deps.emails.claimForProcessing(emailId, { by, now: now.toISOString(), until });
  if (!claimed) {
    const current = await deps.emails.get(emailId);
    if (!current) throw new NotFoundError('Email', emailId);
    if (isSettled(current)) return onSettledMeanwhile(current);
    throw new EmailClaimedError(emailId, null);
  }
  // Renewed while the work runs (a slow predictor), so the lease can be short: it lapses only when this worker died.
  const renewal = setInterval(() => {
    deps.emails.renewClaim(emailId, by, new Date(deps.clock.now().getTime() + leaseMs).toISOString()).catch(() => undefined);
  }, Math.max(Math.floor(leaseMs / 3), 10));
  renewal.unref?.();
  try {
    return await work(claimed);
  } finally {
    clearInterval(renewal);
    await deps.emails.releaseClaim(emailId, by);
  }
}
