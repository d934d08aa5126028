import { describe, expect, it } from 'vitest';
import { formatDateTime, formatPercent, formatValue } from './format';

describe('format helpers', () => {
  it('formats values for tables', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue('')).toBe('—');
    expect(formatValue(false)).toBe('No');
    expect(formatValue(12.5)).toBe('12.5');
  });
  it('formats percentages and leaves missing ones as a dash', () => {
    expect(formatPercent(0.873)).toBe('87%');
    expect(formatPercent(undefined)).toBe('—');
  });
  it('returns invalid dates unchanged', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime('2026-11-24T14:05:00Z')).toMatch(/24|Nov/);
  });
});
