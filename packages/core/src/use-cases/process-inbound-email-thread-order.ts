import { EmailClaimedError, type EmailMessage, type ParsedEmail } from '../domain/email.js';
import type { EmailRepository } from '../ports/email-ports.js';

/** How long a reply waits for an earlier message of its thread that is stored but not processed yet. */
export const THREAD_ORDER_WAIT_MS = 10 * 60_000;

/**
 * A reply met before the message it answers was processed (both arrived milliseconds apart and
 * another worker or process took the reply first). Retryable like a claimed email: the job
 * runs again later, by when the parent has its case.
 */
export class EmailWaitsForThreadError extends EmailClaimedError {
  constructor(
    emailId: string,
    readonly parentEmailId: string,
  ) {
    super(emailId, null);
    this.message = `email ${emailId} replies to email ${parentEmailId}, which arrived earlier and is not processed yet; try again later`;
    this.name = 'EmailWaitsForThreadError';
  }
}

/**
 * Mail of one thread is processed in arrival order: throws EmailWaitsForThreadError while a
 * message this email replies to (In-Reply-To / References) was received before it, within
 * THREAD_ORDER_WAIT_MS, and is still unprocessed. So the outcome (linked, not a second case)
 * does not depend on how many workers or processes share the queue.
 */
export async function awaitEarlierThreadMessages(emails: Pick<EmailRepository, 'findByMessageIds'>, email: EmailMessage, parsed: ParsedEmail, now: Date): Promise<void> {
  const referenced = [...parsed.inReplyTo, ...parsed.references].filter((id) => id !== parsed.messageId);
  if (referenced.length === 0) return;
  const received = Date.parse(email.receivedAt);
  const pending = (await emails.findByMessageIds(referenced)).find(
    (candidate) =>
      candidate.id !== email.id &&
      candidate.status === 'received' &&
      Date.parse(candidate.receivedAt) <= received &&
      now.getTime() - Date.parse(candidate.receivedAt) < THREAD_ORDER_WAIT_MS,
  );
  if (pending) throw new EmailWaitsForThreadError(email.id, pending.id);
}
