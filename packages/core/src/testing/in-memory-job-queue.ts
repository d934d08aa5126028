import type { JobHandler, JobOptions, JobQueue } from '../ports/services.js';

export interface QueuedJob {
  id: string;
  name: string;
  data: Record<string, unknown>;
  options: JobOptions;
  state: 'pending' | 'completed' | 'failed';
  attempts: number;
  lastError?: string;
}

/**
 * A job queue for tests: `enqueue` records the job, `drain` runs pending jobs with the
 * registered handlers (retrying up to `attempts`, without waiting for backoff or delay).
 */
export class InMemoryJobQueue implements JobQueue {
  readonly jobs: QueuedJob[] = [];
  private readonly handlers = new Map<string, JobHandler>();
  private counter = 0;

  async enqueue<T extends Record<string, unknown>>(name: string, data: T, options: JobOptions = {}): Promise<string> {
    if (options.jobId) {
      const pending = this.jobs.find((job) => job.options.jobId === options.jobId && job.state === 'pending');
      if (pending) return pending.id;
    }
    this.counter += 1;
    const id = options.jobId ?? `job-${this.counter}`;
    this.jobs.push({ id, name, data: structuredClone(data), options, state: 'pending', attempts: 0 });
    return id;
  }

  register<T = Record<string, unknown>>(name: string, handler: JobHandler<T>): void {
    this.handlers.set(name, handler as JobHandler);
  }

  pending(name?: string): QueuedJob[] {
    return this.jobs.filter((job) => job.state === 'pending' && (name === undefined || job.name === name));
  }

  /** Runs pending jobs (including jobs they enqueue) until none is left; returns how many ran. */
  async drain(): Promise<{ completed: number; failed: number }> {
    let completed = 0;
    let failed = 0;
    for (let job = this.nextRunnable(); job; job = this.nextRunnable()) {
      const handler = this.handlers.get(job.name) as JobHandler;
      const maxAttempts = Math.max(1, job.options.attempts ?? 1);
      while (job.state === 'pending') {
        job.attempts += 1;
        try {
          await handler(job.data, { jobId: job.id, attempt: job.attempts });
          job.state = 'completed';
          completed += 1;
        } catch (error) {
          job.lastError = error instanceof Error ? error.message : String(error);
          if (job.attempts >= maxAttempts) {
            job.state = 'failed';
            failed += 1;
          }
        }
      }
    }
    return { completed, failed };
  }

  private nextRunnable(): QueuedJob | undefined {
    return this.jobs.find((job) => job.state === 'pending' && this.handlers.has(job.name));
  }
}
