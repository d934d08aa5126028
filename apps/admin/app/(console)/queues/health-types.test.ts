import { describe, expect, it } from 'vitest';
import { formatUptime } from './health-types';

describe('formatUptime', () => {
  it('uses the largest sensible units', () => {
    expect(formatUptime(42)).toBe('42 s');
    expect(formatUptime(600)).toBe('10 min');
    expect(formatUptime(4000)).toBe('1 h 6 min');
    expect(formatUptime(93784)).toBe('1 d 2 h');
  });
});
