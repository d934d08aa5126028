import type { IdGenerator } from '../ports/services.js';

/** Deterministic ids: `<prefix>-1`, `<prefix>-2`, … */
export class SequentialIdGenerator implements IdGenerator {
  private counter = 0;
  constructor(private readonly prefix = 'id') {}
  next(): string {
    this.counter += 1;
    return `${this.prefix}-${this.counter}`;
  }
}
