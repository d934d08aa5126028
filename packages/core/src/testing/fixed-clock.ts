import type { Clock } from '../ports/services.js';

/** A clock that stands still until told to move. */
export class FixedClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-01T09:00:00.000Z') {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new RangeError(`FixedClock start is not a valid date: ${String(start)}`);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock forward by `milliseconds`. */
  advance(milliseconds: number): Date {
    this.current += milliseconds;
    return this.now();
  }

  set(date: Date | string): void {
    this.current = new Date(date).getTime();
  }
}
