import { PluginError, type ChannelHost, type EmailMessage, type EmailRepository, type InboundItem, type JobQueue } from '@autocase/core';
import { inboundItemToRawEmail } from '@autocase/channels/email';
import type { Logger } from 'pino';

export const EMAIL_PROCESS_JOB = 'email.process';

/**
 * The host side of every email channel (SMTP, IMAP, HTTP): stores the raw message durably,
 * then queues its processing. `accept` resolves as soon as the bytes are stored (it does not
 * wait for the queue: the EmailSweeper queues what was not); when storage fails it throws
 * PluginError('TEMPORARY') so SMTP answers 451 and IMAP leaves the message.
 */
export class EmailIntake implements ChannelHost {
  constructor(
    private readonly emails: Pick<EmailRepository, 'storeRaw'>,
    private readonly queue: JobQueue,
    private readonly logger: Logger,
    private readonly attempts: number,
    private readonly onStored: (transport: unknown) => void = () => undefined,
  ) {}

  async accept(item: InboundItem): Promise<{ id: string; duplicate: boolean }> {
    const input = inboundItemToRawEmail(item);
    let stored: { email: EmailMessage; duplicate: boolean };
    try {
      stored = await this.emails.storeRaw(input);
    } catch (error) {
      this.logger.error({ err: error, mailbox: input.mailbox }, 'inbound email could not be stored');
      throw new PluginError('TEMPORARY', 'the message could not be stored; try again later', { cause: error });
    }
    this.onStored(item.metadata?.transport);
    // Not awaited: the answer (SMTP 250) needs only the durable store; a job not queued now is queued by the sweeper.
    if (stored.email.status === 'received') void this.enqueue(stored.email.id);
    return { id: stored.email.id, duplicate: stored.duplicate };
  }

  /**
   * Queues the processing of a stored email under its key: a job still waiting or running is
   * left alone, a finished or failed one is replaced. False (logged) when the queue is unreachable.
   */
  async enqueue(emailId: string): Promise<boolean> {
    try {
      await this.queue.enqueue(EMAIL_PROCESS_JOB, { emailId }, { jobId: `${EMAIL_PROCESS_JOB}:${emailId}`, attempts: this.attempts, backoffMs: 2000 });
      return true;
    } catch (error) {
      this.logger.error({ err: error, emailId }, 'inbound email stored but not queued; the sweeper queues it again');
      return false;
    }
  }
}
