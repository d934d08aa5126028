/**
 * Counts events per key in fixed one-minute windows (the socket.io counterpart of the HTTP
 * throttler: customers' socket messages share RATE_LIMIT_PER_MINUTE). Keys are forgotten when
 * their window has passed, so memory stays bounded by the active keys.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    readonly limit: number,
    private readonly windowMs: number = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`limit must be a positive whole number, got ${limit}`);
  }

  /** Counts one event for `key`; false when the key is over its limit in the current window. */
  take(key: string): boolean {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      this.sweep(now);
      this.windows.set(key, { startedAt: now, count: 1 });
      return true;
    }
    if (window.count >= this.limit) return false;
    window.count += 1;
    return true;
  }

  /** Milliseconds until `key` may send again. */
  retryAfterMs(key: string): number {
    const window = this.windows.get(key);
    return window ? Math.max(0, window.startedAt + this.windowMs - this.now()) : 0;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
  }
}
