import type { PredictionLogEntry } from '../domain/prediction.js';

/** The case's prediction log: every prediction run with the engine's decisions. */
export interface PredictionLogRepository {
  append(entry: PredictionLogEntry): Promise<void>;
  /** Oldest first. */
  listForCase(caseId: string): Promise<PredictionLogEntry[]>;
}
