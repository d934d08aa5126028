import { describe, expect, it } from 'vitest';
import { latencyPercentiles, median, percentile, range, summarizeRuns } from './stats.mjs';

describe('stats', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('interpolates percentiles between ranks', () => {
    const hundredOne = Array.from({ length: 101 }, (_, index) => index);
    expect(percentile(hundredOne, 95)).toBe(95);
    expect(percentile([10, 20], 25)).toBe(12.5);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 100)).toBe(3);
  });

  it('summarises runs with median and range', () => {
    expect(summarizeRuns([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, runs: 3 });
    expect(range([2, -1, 9])).toEqual({ min: -1, max: 9 });
    expect(latencyPercentiles([1, 2, 3, 4, 5])).toEqual({ p50: 3, p95: 4.8, p99: 4.96, count: 5 });
  });

  it('rejects empty input and bad percentiles with a clear message', () => {
    expect(() => median([])).toThrow(/at least one number/);
    expect(() => percentile([1], 101)).toThrow(/between 0 and 100/);
    expect(() => range([1, Number.NaN])).toThrow(/not a number/);
  });
});
