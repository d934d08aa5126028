import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

describe('relativeTime', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  it('describes recent moments in words', () => {
    expect(relativeTime('2026-11-24T11:59:50Z', now)).toBe('just now');
    expect(relativeTime('2026-11-24T11:56:00Z', now)).toBe('4 min ago');
    expect(relativeTime('2026-11-24T09:00:00Z', now)).toBe('3 h ago');
  });
  it('returns unparseable input unchanged', () => {
    expect(relativeTime('yesterday', now)).toBe('yesterday');
  });
});
