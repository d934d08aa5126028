import type { SpamDecision } from '../domain/spam.js';

/** People's spam / not-spam decisions, the training examples of the deployment's own classifier. */
export interface SpamDecisionStore {
  record(decision: SpamDecision): Promise<void>;
  /** Newest first, at most `limit`. */
  list(query: { limit: number }): Promise<SpamDecision[]>;
  /** Changes whenever a decision is recorded (e.g. count and latest time), to know when to retrain. */
  version(): Promise<string>;
}
