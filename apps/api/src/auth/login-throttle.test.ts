import { describe, expect, it } from 'vitest';
import { lockoutMs, waitBeforeNextLogin } from './login-throttle.js';

describe('per-account sign-in backoff', () => {
  it('lets five failures pass, then waits 30 s doubling up to 15 minutes', () => {
    expect([1, 4].map(lockoutMs)).toEqual([0, 0]);
    expect([5, 6, 7, 10, 80].map(lockoutMs)).toEqual([30_000, 60_000, 120_000, 900_000, 900_000]);
  });

  it('counts the wait from the last failure and forgets failures after a day', () => {
    const lastFailureAt = '2026-01-01T00:00:00.000Z';
    expect(waitBeforeNextLogin(null, new Date(lastFailureAt))).toBe(0);
    expect(waitBeforeNextLogin({ failures: 6, lastFailureAt }, new Date('2026-01-01T00:00:20.000Z'))).toBe(40_000);
    expect(waitBeforeNextLogin({ failures: 6, lastFailureAt }, new Date('2026-01-01T00:01:00.000Z'))).toBe(0);
    expect(waitBeforeNextLogin({ failures: 80, lastFailureAt }, new Date('2026-01-01T00:14:00.000Z'))).toBe(60_000);
    expect(waitBeforeNextLogin({ failures: 80, lastFailureAt }, new Date('2026-01-02T00:00:00.000Z'))).toBe(0);
  });
});
