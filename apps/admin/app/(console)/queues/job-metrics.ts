export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Reads Prometheus text exposition lines (`name{label="v",…} value`); comments and malformed lines are skipped. */
export function parsePrometheus(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(trimmed);
    if (!match) continue;
    const value = Number(match[3]);
    if (!Number.isFinite(value)) continue;
    const labels: Record<string, string> = {};
    for (const label of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[label[1]!] = label[2]!.replace(/\\(.)/g, '$1');
    samples.push({ name: match[1]!, labels, value });
  }
  return samples;
}

export interface JobFigures {
  name: string;
  completed: number;
  retrying: number;
  failed: number;
  /** Mean run time in seconds, null when no run was timed. */
  averageSeconds: number | null;
}

/** Per job name: completed / retrying / failed executions and the mean duration, busiest first. */
export function jobFigures(samples: MetricSample[]): JobFigures[] {
  const byName = new Map<string, JobFigures & { durationSum: number; durationCount: number }>();
  const entry = (name: string) => {
    let figures = byName.get(name);
    if (!figures) {
      figures = { name, completed: 0, retrying: 0, failed: 0, averageSeconds: null, durationSum: 0, durationCount: 0 };
      byName.set(name, figures);
    }
    return figures;
  };
  for (const sample of samples) {
    const jobName = sample.labels.name;
    if (!jobName) continue;
    if (sample.name === 'autocase_jobs_total') {
      const outcome = sample.labels.outcome;
      if (outcome === 'completed' || outcome === 'retrying' || outcome === 'failed') entry(jobName)[outcome] += sample.value;
    } else if (sample.name === 'autocase_job_duration_seconds_sum') entry(jobName).durationSum += sample.value;
    else if (sample.name === 'autocase_job_duration_seconds_count') entry(jobName).durationCount += sample.value;
  }
  return [...byName.values()]
    .map(({ durationSum, durationCount, ...figures }) => ({ ...figures, averageSeconds: durationCount > 0 ? durationSum / durationCount : null }))
    .sort((left, right) => right.completed + right.failed + right.retrying - (left.completed + left.failed + left.retrying) || left.name.localeCompare(right.name));
}
