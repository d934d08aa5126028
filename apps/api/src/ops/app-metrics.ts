import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobObserver, JobOutcome } from '../queue/host-job-queue.js';

/** Prometheus metrics of one app instance (own registry, so several apps can run in one test process). */
export class AppMetrics implements JobObserver {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({ name: 'autocase_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  readonly httpDuration = new Histogram({ name: 'autocase_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route'] as const, buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry] });
  readonly jobs = new Counter({ name: 'autocase_jobs_total', help: 'Job executions by name and outcome (completed, retrying, failed)', labelNames: ['name', 'outcome'] as const, registers: [this.registry] });
  readonly jobDuration = new Histogram({ name: 'autocase_job_duration_seconds', help: 'Job execution duration', labelNames: ['name'] as const, buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300], registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'autocase_' });
  }

  jobFinished(event: { name: string; outcome: JobOutcome; durationMs: number }): void {
    this.jobs.inc({ name: event.name, outcome: event.outcome });
    this.jobDuration.observe({ name: event.name }, event.durationMs / 1000);
  }

  observeHttp(method: string, route: string, status: number, durationMs: number): void {
    this.httpRequests.inc({ method, route, status: String(status) });
    this.httpDuration.observe({ method, route }, durationMs / 1000);
  }
}
