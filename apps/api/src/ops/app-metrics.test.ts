import { describe, expect, it } from 'vitest';
import { AppMetrics } from './app-metrics.js';

describe('AppMetrics', () => {
  it('exposes default, HTTP and job metrics in Prometheus text format', async () => {
    const metrics = new AppMetrics();
    metrics.observeHttp('GET', '/api/cases', 200, 12);
    metrics.jobFinished({ name: 'email.process', outcome: 'retrying', durationMs: 40 });
    metrics.jobFinished({ name: 'email.process', outcome: 'completed', durationMs: 20 });
    const text = await metrics.registry.metrics();
    expect(text).toContain('autocase_http_requests_total{method="GET",route="/api/cases",status="200"} 1');
    expect(text).toContain('autocase_jobs_total{name="email.process",outcome="retrying"} 1');
    expect(text).toContain('autocase_jobs_total{name="email.process",outcome="completed"} 1');
    expect(text).toContain('autocase_job_duration_seconds_count{name="email.process"} 2');
    expect(text).toContain('autocase_process_resident_memory_bytes');
  });

  it('keeps separate registries per app instance', async () => {
    const first = new AppMetrics();
    const second = new AppMetrics();
    first.observeHttp('GET', '/api/health', 200, 1);
    expect(await second.registry.metrics()).not.toContain('route="/api/health"');
  });
});
