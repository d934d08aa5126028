import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from './fixed-window-limiter.js';

describe('FixedWindowLimiter', () => {
  it('allows the limit per window and per key, then refuses until the window passes', () => {
    let now = 1_000;
    const limiter = new FixedWindowLimiter(2, 60_000, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now += 30_000;
    expect(limiter.take('a')).toBe(false);
    expect(limiter.retryAfterMs('a')).toBe(30_000);
    now += 30_000;
    expect(limiter.take('a')).toBe(true);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => new FixedWindowLimiter(0)).toThrow(/positive whole number/);
  });
});
