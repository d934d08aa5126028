import type { Clock } from '@autocase/core';
import type { Logger } from 'pino';
import type { EmailIntake } from './email-intake.js';
import type { MikroEmailRepository } from './mikro-email-repository.js';

const BATCH = 500;

/**
 * Queues again every stored email that is not processed and that no worker holds, at start and
 * then every `intervalMs`: an email whose job was lost (an emptied Redis, a process killed
 * between storing and queueing) or failed while the database was down is always picked up
 * again. Queueing is idempotent per email (a job still waiting or running is left alone; a
 * finished or failed one is replaced), so every process may sweep.
 */
export class EmailSweeper {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | null = null;

  constructor(
    private readonly emails: Pick<MikroEmailRepository, 'listUnprocessed'>,
    private readonly intake: Pick<EmailIntake, 'enqueue'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), this.intervalMs);
    this.timer.unref();
    void this.sweep().catch(() => undefined);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass (a pass already running is joined): the number of emails queued again. */
  sweep(): Promise<number> {
    this.sweeping ??= this.pass().finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async pass(): Promise<number> {
    let afterSequence = 0;
    let queued = 0;
    try {
      for (;;) {
        const batch = await this.emails.listUnprocessed({ now: this.clock.now().toISOString(), afterSequence, limit: BATCH });
        for (const email of batch) if (await this.intake.enqueue(email.id)) queued += 1;
        if (batch.length < BATCH) break;
        afterSequence = batch[batch.length - 1]!.sequence;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'the sweep for unprocessed emails failed; the next one tries again');
      throw error;
    } finally {
      if (queued > 0) this.logger.info({ queued }, 'queued stored emails that were not processed and not held by a worker');
    }
    return queued;
  }
}
