import { describe, expect, it } from 'vitest';
import { jobFigures, parsePrometheus } from './job-metrics';

const TEXT = `# HELP autocase_jobs_total Job executions by name and outcome
# TYPE autocase_jobs_total counter
autocase_jobs_total{name="email.process",outcome="completed"} 12
autocase_jobs_total{name="email.process",outcome="failed"} 1
autocase_jobs_total{name="learned.train",outcome="retrying"} 2
autocase_job_duration_seconds_bucket{le="0.01",name="email.process"} 3
autocase_job_duration_seconds_sum{name="email.process"} 2.6
autocase_job_duration_seconds_count{name="email.process"} 13
autocase_http_requests_total{method="GET",route="/api/health",status="200"} 40
broken line
`;

describe('job metrics', () => {
  it('parses samples with labels, skipping comments and junk', () => {
    const samples = parsePrometheus(TEXT);
    expect(samples).toHaveLength(7);
    expect(samples[0]).toEqual({ name: 'autocase_jobs_total', labels: { name: 'email.process', outcome: 'completed' }, value: 12 });
  });

  it('sums executions per job and averages the duration', () => {
    expect(jobFigures(parsePrometheus(TEXT))).toEqual([
      { name: 'email.process', completed: 12, retrying: 0, failed: 1, averageSeconds: 0.2 },
      { name: 'learned.train', completed: 0, retrying: 2, failed: 0, averageSeconds: null },
    ]);
  });
});
