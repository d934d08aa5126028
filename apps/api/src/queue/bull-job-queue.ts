import type { JobHandler, JobOptions } from '@autocase/core';
import { PluginError, DomainError } from '@autocase/core';
import type { Job, JobStatus as BullJobState, Queue } from 'bull';

const BULL_STATES: Record<JobStatus, BullJobState[]> = { pending: ['waiting', 'delayed', 'paused'], running: ['active'], done: ['completed'], failed: ['failed'] };
import type { Logger } from 'pino';
import { DEFAULT_JOB_OPTIONS, validateJobName, type HostJobQueue, type JobObserver, type JobStatus, type JobSummary, type QueueHealth } from './host-job-queue.js';
import { decideRetry } from './retry-policy.js';

export interface BullQueueOptions {
  concurrency?: number;
  observer?: JobObserver;
}

/**
 * Bull on Redis, shared by every API/worker process. All job names go through one Bull queue
 * (`autocase`); a job whose worker died holds an expiring lock, and Bull's stalled-job check
 * hands it to a live worker (crash recovery). Non-retryable failures are discarded at once.
 */
export class BullJobQueue implements HostJobQueue {
  readonly kind = 'bull' as const;
  private readonly handlers = new Map<string, JobHandler<Record<string, unknown>>>();
  private started = false;

  constructor(
    private readonly queue: Queue,
    private readonly logger: Logger,
    private readonly options: BullQueueOptions = {},
  ) {}

  /** The Bull queue itself, for bull-board (queue/bull-board.module.ts). */
  get bullQueue(): Queue {
    return this.queue;
  }

  register<T extends Record<string, unknown>>(name: string, handler: JobHandler<T>): void {
    validateJobName(name);
    if (this.handlers.has(name)) throw new Error(`a handler for job "${name}" is already registered`);
    if (this.started) throw new Error(`register the handler for job "${name}" before the queue starts (in onModuleInit)`);
    this.handlers.set(name, handler as JobHandler<Record<string, unknown>>);
  }

  async enqueue<T extends Record<string, unknown>>(name: string, data: T, options: JobOptions = {}): Promise<string> {
    validateJobName(name);
    if (options.jobId) {
      // Bull ignores an add whose id it still holds: a job still waiting or running is the one to run; a failed or finished one is replaced.
      const existing = await this.queue.getJob(options.jobId);
      if (existing) {
        const state = await existing.getState();
        if (state !== 'failed' && state !== 'completed') return String(existing.id);
        await existing.remove().catch((error: unknown) => this.logger.warn({ err: error, jobId: options.jobId }, 'could not remove a finished job before queueing it again'));
      }
    }
    const job = await this.queue.add(name, data, {
      jobId: options.jobId,
      attempts: options.attempts ?? DEFAULT_JOB_OPTIONS.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs ?? DEFAULT_JOB_OPTIONS.backoffMs },
      delay: options.delayMs,
      removeOnComplete: true,
      removeOnFail: 1000,
    });
    return String(job.id);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const concurrency = this.options.concurrency ?? 4;
    // One processor for every job name, so `concurrency` bounds this process's jobs in all (one processor per name would run names × concurrency).
    void this.queue.process('*', concurrency, (job: Job) => this.execute(job));
    this.queue.on('error', (error) => this.logger.error({ err: error }, 'bull queue error'));
    this.queue.on('stalled', (job: Job) => this.logger.warn({ job: job.name, jobId: job.id }, 'job stalled (its worker died); it will run again'));
    await this.queue.isReady();
  }

  private async execute(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    const startedAt = Date.now();
    const attempt = job.attemptsMade + 1;
    if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
    try {
      const result = await handler(job.data as Record<string, unknown>, { jobId: String(job.id), attempt });
      this.options.observer?.jobFinished({ name: job.name, jobId: String(job.id), attempt, outcome: 'completed', durationMs: Date.now() - startedAt });
      return result ?? null;
    } catch (error) {
      const maxAttempts = job.opts.attempts ?? 1;
      const decision = decideRetry(error, attempt, maxAttempts, 0);
      const giveUp = !decision.retry && (PluginError.is(error) || error instanceof DomainError);
      if (giveUp) await job.discard();
      this.logger[decision.retry ? 'warn' : 'error']({ err: error, job: job.name, jobId: job.id, attempt }, decision.retry ? 'job failed; will retry' : 'job failed for good');
      this.options.observer?.jobFinished({ name: job.name, jobId: String(job.id), attempt, outcome: decision.retry ? 'retrying' : 'failed', durationMs: Date.now() - startedAt, error });
      throw error;
    }
  }

  async listJobs(query: { status?: JobStatus; name?: string; limit?: number }): Promise<JobSummary[]> {
    const limit = Math.min(query.limit ?? 50, 500);
    const states = query.status ? BULL_STATES[query.status] : (Object.values(BULL_STATES).flat() as BullJobState[]);
    const jobs = (await this.queue.getJobs(states, 0, limit * 2, false)).filter((job): job is Job => Boolean(job) && (!query.name || job.name === query.name));
    const summaries = await Promise.all(
      jobs.map(async (job): Promise<JobSummary> => {
        const state = await job.getState();
        const status = (Object.entries(BULL_STATES).find(([, bullStates]) => bullStates.includes(state as BullJobState))?.[0] ?? 'pending') as JobStatus;
        return {
          id: String(job.id),
          name: job.name,
          status,
          attempts: job.attemptsMade,
          maxAttempts: job.opts.attempts ?? 1,
          lastError: job.failedReason ?? null,
          data: job.data as Record<string, unknown>,
          createdAt: new Date(job.timestamp).toISOString(),
          updatedAt: new Date(job.finishedOn ?? job.processedOn ?? job.timestamp).toISOString(),
        };
      }),
    );
    return summaries.sort((left, right) => right.createdAt.localeCompare(left.createdAt)).slice(0, limit);
  }

  async retryJob(id: string): Promise<boolean> {
    const job = await this.queue.getJob(id);
    if (!job || !(await job.isFailed())) return false;
    await job.retry();
    return true;
  }

  async stop(): Promise<void> {
    await this.queue.close();
  }

  async health(): Promise<QueueHealth> {
    try {
      const counts = await this.queue.getJobCounts();
      return { ok: true, kind: this.kind, detail: 'redis reachable', pending: counts.waiting + counts.active + counts.delayed, failed: counts.failed };
    } catch (error) {
      return { ok: false, kind: this.kind, detail: `redis unreachable: ${(error as Error).message}` };
    }
  }
}
