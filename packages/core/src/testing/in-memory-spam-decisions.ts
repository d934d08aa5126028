import type { SpamDecision } from '../domain/spam.js';
import type { SpamDecisionStore } from '../ports/spam-ports.js';

/** People's spam decisions in memory. */
export class InMemorySpamDecisionStore implements SpamDecisionStore {
  readonly decisions: SpamDecision[] = [];

  async record(decision: SpamDecision): Promise<void> {
    this.decisions.push(structuredClone(decision));
  }

  async list(query: { limit: number }): Promise<SpamDecision[]> {
    return this.decisions.slice(-query.limit).reverse().map((decision) => structuredClone(decision));
  }

  async version(): Promise<string> {
    return `${this.decisions.length}:${this.decisions.at(-1)?.decidedAt ?? ''}`;
  }
}
