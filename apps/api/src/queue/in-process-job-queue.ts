import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type { Clock, JobHandler, JobOptions } from '@autocase/core';
import type { Logger } from 'pino';
import { runBound } from '../persistence/bound-statement.js';
import { JobEntity } from '../persistence/entities/index.js';
import { DEFAULT_JOB_OPTIONS, validateJobName, type HostJobQueue, type JobObserver, type JobStatus, type JobSummary, type QueueHealth } from './host-job-queue.js';
import { listJobRows, purgeFinishedJobRows, retryFailedJobRow } from './job-table.js';
import { decideRetry, describeError } from './retry-policy.js';

export interface InProcessQueueOptions {
  pollIntervalMs?: number;
  concurrency?: number;
  observer?: JobObserver;
  /** How long a claimed job belongs to this process without a heartbeat (renewed every third of it). */
  leaseMs?: number;
  /**
   * What `start` does with jobs left `running`: `all` re-runs them at once (one process per database,
   * as with an embedded SQLite file); `expired` waits until their lease runs out (several processes
   * sharing PostgreSQL without Redis).
   */
  recoverOnStart?: 'all' | 'expired';
}

interface ClaimedJob {
  id: string;
  name: string;
  data: Record<string, unknown>;
  attempt: number;
  maxAttempts: number;
  backoffMs: number;
}

/**
 * Jobs persisted in the `jobs` table and run inside this process. A job is `pending` until a
 * process claims it (`running`, with a lease it renews while working), then `done` or `failed`;
 * retries go back to `pending` with a later `runAt`. A job whose process died is claimed again:
 * at the next start, or by any process once its lease has expired.
 */
export class InProcessJobQueue implements HostJobQueue {
  readonly kind = 'in-process' as const;
  private readonly owner = randomUUID();
  private readonly handlers = new Map<string, JobHandler<Record<string, unknown>>>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private purge: NodeJS.Timeout | undefined;
  private running = false;
  private polling = false;
  private pollAgain = false;
  private readonly pollIntervalMs: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: InProcessQueueOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.concurrency = options.concurrency ?? 4;
    this.leaseMs = options.leaseMs ?? 30_000;
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
      lockedBy: null,
      lockedUntil: null,
      updatedAt: now.toISOString(),
    };
    try {
      // Insert first: a new job id (the usual case) costs one statement, with bound values (every email queues one).
      await runBound(
        em,
        'insert into jobs (id, name, data, status, attempts, max_attempts, backoff_ms, run_at, last_error, locked_by, locked_until, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [id, row.name, JSON.stringify(row.data), row.status, row.attempts, row.maxAttempts, row.backoffMs, row.runAt, null, null, null, now.toISOString(), row.updatedAt],
      );
    } catch (error) {
      if (!options.jobId || !(error instanceof UniqueConstraintViolationException)) throw error;
      const existing = await em.findOne(JobEntity, { id });
      // Pending or running (also when two callers enqueued the same id at once): that job is the one to run.
      if (!existing || existing.status === 'pending' || existing.status === 'running') return id;
      // A finished job with the same key: accept the new work under the same id.
      await em.nativeUpdate(JobEntity, { id, status: existing.status }, row);
    }
    this.wake();
    return id;
  }

  async start(): Promise<void> {
    if (this.running) return;
    if ((this.options.recoverOnStart ?? 'all') === 'all') {
      const recovered = await this.orm.em.fork().nativeUpdate(JobEntity, { status: 'running' }, { status: 'pending', lockedBy: null, lockedUntil: null, updatedAt: this.clock.now().toISOString() });
      if (recovered > 0) this.logger.warn({ recovered }, 'jobs interrupted by a previous process will run again');
    }
    this.running = true;
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(Math.floor(this.leaseMs / 3), 10));
    this.heartbeat.unref();
    this.purge = setInterval(() => void this.purgeFinished().catch((error: unknown) => this.logger.error({ err: error }, 'could not purge finished jobs')), 60 * 60 * 1000);
    this.purge.unref();
    this.wake();
  }

  /** Deletes jobs that finished successfully longer than `olderThanMs` ago (default a week); failed jobs stay for inspection. */
  purgeFinished(olderThanMs?: number): Promise<number> {
    return purgeFinishedJobRows(this.orm, this.clock.now(), olderThanMs);
  }

  /**
   * Stops claiming jobs and waits up to `graceMs` for running ones. Jobs still running after
   * that keep their lease and run again later (as after a crash).
   */
  async stop(options: { graceMs?: number } = {}): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.purge) clearInterval(this.purge);
    this.timer = undefined;
    this.heartbeat = undefined;
    let timeout: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timeout = setTimeout(resolve, options.graceMs ?? 10_000)));
    await Promise.race([Promise.allSettled([...this.inFlight.values()]), grace]);
    clearTimeout(timeout);
  }

  async health(): Promise<QueueHealth> {
    const em = this.orm.em.fork();
    const [pending, failed] = await Promise.all([em.count(JobEntity, { status: { $in: ['pending', 'running'] } }), em.count(JobEntity, { status: 'failed' })]);
    return { ok: this.running, kind: this.kind, detail: this.running ? 'running' : 'stopped', pending, failed };
  }

  listJobs(query: { status?: JobStatus; name?: string; limit?: number }): Promise<JobSummary[]> {
    return listJobRows(this.orm, query);
  }

  async retryJob(id: string): Promise<boolean> {
    const retried = await retryFailedJobRow(this.orm, id, this.clock.now());
    if (retried) this.wake();
    return retried;
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

  private async renewLeases(): Promise<void> {
    if (this.inFlight.size === 0) return;
    const lockedUntil = new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
    await this.orm.em
      .fork()
      .nativeUpdate(JobEntity, { id: { $in: [...this.inFlight.keys()] }, status: 'running', lockedBy: this.owner }, { lockedUntil })
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not renew job leases'));
  }

  private async claimAndRun(): Promise<void> {
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0 || this.handlers.size === 0) return;
    const em = this.orm.em.fork();
    const now = this.clock.now().toISOString();
    const names = [...this.handlers.keys()];
    const due = await em.find(
      JobEntity,
      // A job this instance is still running is never taken again, even if a stalled event loop let its lease lapse.
      { name: { $in: names }, id: { $nin: [...this.inFlight.keys(), ''] }, $or: [{ status: 'pending', runAt: { $lte: now } }, { status: 'running', lockedUntil: { $lt: now } }] },
      { orderBy: { runAt: 'asc', createdAt: 'asc' }, limit: free },
    );
    for (const job of due) {
      if (!this.running) break;
      const attempt = job.attempts + 1;
      const lockedUntil = new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
      // Compare-and-set on status and attempts: of two processes only one claims the job.
      const claimed = await runBound(em, 'update jobs set status = ?, attempts = ?, locked_by = ?, locked_until = ?, updated_at = ? where id = ? and status = ? and attempts = ?', [
        'running',
        attempt,
        this.owner,
        lockedUntil,
        now,
        job.id,
        job.status,
        job.attempts,
      ]);
      if (claimed === 0) continue;
      if (job.status === 'running') this.logger.warn({ job: job.name, jobId: job.id }, 'job lease expired (its process died); running it again');
      const execution = this.execute({ id: job.id, name: job.name, data: job.data, attempt, maxAttempts: job.maxAttempts, backoffMs: job.backoffMs }).finally(() => {
        this.inFlight.delete(job.id);
        this.wake();
      });
      this.inFlight.set(job.id, execution);
    }
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.name);
    const startedAt = Date.now();
    const em = this.orm.em.fork();
    const mine = { id: job.id, status: 'running', lockedBy: this.owner };
    try {
      if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
      await handler(job.data, { jobId: job.id, attempt: job.attempt });
      await runBound(em, "update jobs set status = 'done', last_error = null, locked_by = null, locked_until = null, updated_at = ? where id = ? and status = 'running' and locked_by = ?", [
        this.clock.now().toISOString(),
        job.id,
        this.owner,
      ]);
      this.options.observer?.jobFinished({ name: job.name, jobId: job.id, attempt: job.attempt, outcome: 'completed', durationMs: Date.now() - startedAt });
    } catch (error) {
      const decision = decideRetry(error, job.attempt, job.maxAttempts, job.backoffMs);
      const now = this.clock.now();
      await em
        .nativeUpdate(JobEntity, mine, {
          status: decision.retry ? 'pending' : 'failed',
          runAt: new Date(now.getTime() + decision.delayMs).toISOString(),
          lastError: `${describeError(error)} (${decision.reason})`,
          lockedBy: null,
          lockedUntil: null,
          updatedAt: now.toISOString(),
        })
        .catch((updateError: unknown) => this.logger.error({ err: updateError, jobId: job.id }, 'could not record a job failure; it will run again'));
      this.logger[decision.retry ? 'warn' : 'error']({ err: error, job: job.name, jobId: job.id, attempt: job.attempt, retryInMs: decision.retry ? decision.delayMs : undefined }, decision.retry ? 'job failed; will retry' : 'job failed for good');
      this.options.observer?.jobFinished({ name: job.name, jobId: job.id, attempt: job.attempt, outcome: decision.retry ? 'retrying' : 'failed', durationMs: Date.now() - startedAt, error });
    }
  }
}
