import { PluginError, type ChannelHost, type EmailMessage, type EmailRepository, type InboundItem, type JobQueue } from '@autocase/core';
import { inboundItemToRawEmail } from '@autocase/channels/email';
import type { Logger } from 'pino';

export const EMAIL_PROCESS_JOB = 'email.process';

/**
 * The host side of every email channel (SMTP, IMAP, HTTP): stores the raw message durably,
 * then queues its processing. `accept` resolves only after the bytes are stored; when storage
 * fails it throws PluginError('TEMPORARY') so SMTP answers 451 and IMAP leaves the message.
 */
export class EmailIntake implements ChannelHost {
  constructor(
    private readonly emails: Pick<EmailRepository, 'storeRaw' | 'list'>,
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
    await this.enqueueIfUnprocessed(stored.email);
    return { id: stored.email.id, duplicate: stored.duplicate };
  }

  /** Queues processing of an email still `received` (also re-queues one whose first job was lost). */
  async enqueueIfUnprocessed(email: EmailMessage): Promise<void> {
    if (email.status !== 'received') return;
    try {
      await this.queue.enqueue(EMAIL_PROCESS_JOB, { emailId: email.id }, { jobId: `${EMAIL_PROCESS_JOB}:${email.id}`, attempts: this.attempts, backoffMs: 2000 });
    } catch (error) {
      this.logger.error({ err: error, emailId: email.id }, 'inbound email stored but not queued; it is queued again at the next start');
    }
  }

  /** At start: queues every stored email that was never processed (a crash between storing and processing). */
  async requeueUnprocessed(): Promise<number> {
    let page = 1;
    let queued = 0;
    for (;;) {
      const { items } = await this.emails.list({ status: 'received', page, pageSize: 200 });
      for (const email of items) await this.enqueueIfUnprocessed(email);
      queued += items.length;
      if (items.length < 200) return queued;
      page += 1;
    }
  }
}
