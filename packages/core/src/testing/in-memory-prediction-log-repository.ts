import type { PredictionLogEntry } from '../domain/prediction.js';
import type { PredictionLogRepository } from '../ports/prediction-log.js';

/** A PredictionLogRepository in memory. */
export class InMemoryPredictionLogRepository implements PredictionLogRepository {
  private readonly entries: PredictionLogEntry[] = [];

  async append(entry: PredictionLogEntry): Promise<void> {
    this.entries.push(structuredClone(entry));
  }

  async listForCase(caseId: string): Promise<PredictionLogEntry[]> {
    return structuredClone(this.entries.filter((entry) => entry.caseId === caseId));
  }
}
