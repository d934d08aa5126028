import type { JobHandler, JobOptions, JobQueue } from '@autocase/core';

export type JobOutcome = 'completed' | 'retrying' | 'failed';

/** Observes job results (Prometheus metrics, logs). */
export interface JobObserver {
  jobFinished(event: { name: string; jobId: string; attempt: number; outcome: JobOutcome; durationMs: number; error?: unknown }): void;
}

export interface QueueHealth {
  ok: boolean;
  kind: 'in-process' | 'bull';
  detail: string;
  /** Jobs waiting or running, when the backend can tell. */
  pending?: number;
  failed?: number;
}

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job as admins see it (GET /api/admin/jobs). */
export interface JobSummary {
  id: string;
  name: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/**
 * The host's job queue: core's `JobQueue` plus handler registration and lifecycle.
 * Feature modules register their handlers in `onModuleInit`; `createApp` starts the queue
 * after every module is initialised, so jobs left from a previous run find their handler.
 * `enqueue` with a `jobId` is idempotent: a job with that id still pending or running is kept
 * (nothing is added); a failed or finished one is replaced by the new one.
 */
export interface HostJobQueue extends JobQueue {
  readonly kind: 'in-process' | 'bull';
  register<T extends Record<string, unknown>>(name: string, handler: JobHandler<T>): void;
  start(): Promise<void>;
  /** Stops taking jobs; waits up to graceMs (default 10 s) for running ones, which otherwise run again on the next start. */
  stop(options?: { graceMs?: number }): Promise<void>;
  health(): Promise<QueueHealth>;
  /** Newest first. */
  listJobs(query: { status?: JobStatus; name?: string; limit?: number }): Promise<JobSummary[]>;
  /** Runs a failed job again from its first attempt; false when no failed job has this id. */
  retryJob(id: string): Promise<boolean>;
}

export const DEFAULT_JOB_OPTIONS = { attempts: 5, backoffMs: 1000 } satisfies JobOptions;

export function validateJobName(name: string): void {
  if (!/^[a-z][a-z0-9._-]{0,99}$/.test(name)) throw new Error(`job name "${name}" must be 1-100 lowercase letters, digits, '.', '_' or '-' and start with a letter`);
}
