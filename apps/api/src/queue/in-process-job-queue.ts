import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { Clock, JobHandler, JobOptions } from '@autocase/core';
import type { Logger } from 'pino';
import { JobEntity } from '../persistence/entities/index.js';
import { DEFAULT_JOB_OPTIONS, validateJobName, type HostJobQueue, type JobObserver, type QueueHealth } from './host-job-queue.js';
import { decideRetry, describeError } from './retry-policy.js';

export interface InProcessQueueOptions {
  pollIntervalMs?: number;
  concurrency?: number;
  observer?: JobObserver;
}

/**
 * Jobs persisted in the `jobs` table and run inside this process. A job is `pending` until
 * claimed (`running`), then `done` or `failed`; retries go back to `pending` with a later
 * `runAt`. On start, jobs still `running` were cut off by a dead process and run again —
 * the embedded mode has a single API process per database.
 */
export class InProcessJobQueue implements HostJobQueue {
  readonly kind = 'in-process' as const;
  private readonly handlers = new Map<string, JobHandler<Record<string, unknown>>>();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private polling = false;
  private pollAgain = false;
  private readonly pollIntervalMs: number;
  private readonly concurrency: number;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: InProcessQueueOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.concurrency = options.concurrency ?? 4;
  }

  register<T extends Record<string, unknown>>(name: string, handler: JobHandler<T>): void {
    validateJobName(name);
    if (this.handlers.has(name)) throw new Error(`a handler for job "${name}" is already registered`);
    this.handlers.set(name, handler as JobHandler<Record<string, unknown>>);
    if (this.running) this.wake();
  }

  async enqueue<T extends Record<string, unknown>>(name: string, data: T, options: JobOptions = {}): Promise<string> {
    validateJobName(name);
    const em = this.orm.em.fork();
    const id = options.jobId ?? randomUUID();
    const now = this.clock.now();
    const row = {
      name,
      data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
      status: 'pending',
      attempts: 0,
      maxAttempts: options.attempts ?? DEFAULT_JOB_OPTIONS.attempts,
      backoffMs: options.backoffMs ?? DEFAULT_JOB_OPTIONS.backoffMs,
      runAt: new Date(now.getTime() + (options.delayMs ?? 0)).toISOString(),
      lastError: null,
      updatedAt: now.toISOString(),
    };
    if (options.jobId) {
      const existing = await em.findOne(JobEntity, { id });
      if (existing && (existing.status === 'pending' || existing.status === 'running')) return id;
      if (existing) {
        // A finished job with the same key: accept the new work under the same id.
        await em.nativeUpdate(JobEntity, { id, status: existing.status }, row);
        this.wake();
        return id;
      }
    }
    await em.insert(JobEntity, { id, ...row, createdAt: now.toISOString() });
    this.wake();
    return id;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const recovered = await this.orm.em.fork().nativeUpdate(JobEntity, { status: 'running' }, { status: 'pending', updatedAt: this.clock.now().toISOString() });
    if (recovered > 0) this.logger.warn({ recovered }, 'jobs interrupted by a previous process will run again');
    this.running = true;
    this.wake();
  }

  /**
   * Stops claiming jobs and waits up to `graceMs` for running ones. Jobs still running after
   * that stay `running` in the table and run again on the next start (as after a crash).
   */
  async stop(options: { graceMs?: number } = {}): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    let timeout: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timeout = setTimeout(resolve, options.graceMs ?? 10_000)));
    await Promise.race([Promise.allSettled([...this.inFlight]), grace]);
    clearTimeout(timeout);
  }

  async health(): Promise<QueueHealth> {
    const em = this.orm.em.fork();
    const [pending, failed] = await Promise.all([em.count(JobEntity, { status: { $in: ['pending', 'running'] } }), em.count(JobEntity, { status: 'failed' })]);
    return { ok: this.running, kind: this.kind, detail: this.running ? 'running' : 'stopped', pending, failed };
  }

  private wake(): void {
    if (!this.running) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), 0);
  }

  private schedule(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), this.pollIntervalMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (!this.running || this.polling) return;
    this.polling = true;
    try {
      do {
        this.pollAgain = false;
        await this.claimAndRun();
      } while (this.pollAgain && this.running);
    } catch (error) {
      this.logger.error({ err: error }, 'job queue poll failed; retrying');
    } finally {
      this.polling = false;
      this.schedule();
    }
  }

  private async claimAndRun(): Promise<void> {
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0 || this.handlers.size === 0) return;
    const em = this.orm.em.fork();
    const now = this.clock.now();
    const due = await em.find(JobEntity, { status: 'pending', runAt: { $lte: now.toISOString() }, name: { $in: [...this.handlers.keys()] } }, { orderBy: { runAt: 'asc', createdAt: 'asc' }, limit: free });
    for (const job of due) {
      const attempt = job.attempts + 1;
      const claimed = await em.nativeUpdate(JobEntity, { id: job.id, status: 'pending', attempts: job.attempts }, { status: 'running', attempts: attempt, updatedAt: now.toISOString() });
      if (claimed === 0) continue;
      const execution = this.execute({ id: job.id, name: job.name, data: job.data, attempt, maxAttempts: job.maxAttempts, backoffMs: job.backoffMs }).finally(() => {
        this.inFlight.delete(execution);
        this.wake();
      });
      this.inFlight.add(execution);
      if (!this.running) break;
    }
  }

  private async execute(job: { id: string; name: string; data: Record<string, unknown>; attempt: number; maxAttempts: number; backoffMs: number }): Promise<void> {
    const handler = this.handlers.get(job.name);
    const startedAt = Date.now();
    const em = this.orm.em.fork();
    try {
      if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
      await handler(job.data, { jobId: job.id, attempt: job.attempt });
      await em.nativeUpdate(JobEntity, { id: job.id, status: 'running' }, { status: 'done', lastError: null, updatedAt: this.clock.now().toISOString() });
      this.options.observer?.jobFinished({ name: job.name, jobId: job.id, attempt: job.attempt, outcome: 'completed', durationMs: Date.now() - startedAt });
    } catch (error) {
      const decision = decideRetry(error, job.attempt, job.maxAttempts, job.backoffMs);
      const now = this.clock.now();
      await em
        .nativeUpdate(
          JobEntity,
          { id: job.id, status: 'running' },
          { status: decision.retry ? 'pending' : 'failed', runAt: new Date(now.getTime() + decision.delayMs).toISOString(), lastError: `${describeError(error)} (${decision.reason})`, updatedAt: now.toISOString() },
        )
        .catch((updateError: unknown) => this.logger.error({ err: updateError, jobId: job.id }, 'could not record a job failure; it will run again after a restart'));
      this.logger[decision.retry ? 'warn' : 'error']({ err: error, job: job.name, jobId: job.id, attempt: job.attempt, retryInMs: decision.retry ? decision.delayMs : undefined }, decision.retry ? 'job failed; will retry' : 'job failed for good');
      this.options.observer?.jobFinished({ name: job.name, jobId: job.id, attempt: job.attempt, outcome: decision.retry ? 'retrying' : 'failed', durationMs: Date.now() - startedAt, error });
    }
  }
}
