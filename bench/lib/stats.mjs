// Statistics of repeated measurements: medians, percentiles and ranges.

function requireNumbers(values, what) {
  if (!Array.isArray(values) || values.length === 0) throw new Error(`${what} needs at least one number`);
  for (const value of values) if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(`${what} got a value that is not a number: ${value}`);
  return [...values].sort((left, right) => left - right);
}

/** The p-th percentile (0–100) with linear interpolation between the closest ranks. */
export function percentile(values, p) {
  if (typeof p !== 'number' || p < 0 || p > 100) throw new Error(`percentile must be between 0 and 100, got ${p}`);
  const sorted = requireNumbers(values, 'percentile');
  const position = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export function median(values) {
  return percentile(values, 50);
}

/** Smallest and largest value. */
export function range(values) {
  const sorted = requireNumbers(values, 'range');
  return { min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Median of several runs with its range: `{ median, min, max, runs }`. */
export function summarizeRuns(values) {
  return { median: median(values), ...range(values), runs: values.length };
}

/** p50/p95/p99 of one run's latencies (and the sample count). */
export function latencyPercentiles(values) {
  return { p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), count: values.length };
}
