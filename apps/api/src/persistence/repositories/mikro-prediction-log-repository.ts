import type { MikroORM } from '@mikro-orm/core';
import type { PredictionLogEntry, PredictionLogRepository } from '@autocase/core';
import { PredictionLogEntity } from '../entities/index.js';
import { reserveCounterValues } from './sql-counter.js';
import { inTransaction } from '../transaction-scope.js';

export class MikroPredictionLogRepository implements PredictionLogRepository {
  constructor(private readonly orm: MikroORM) {}

  async append(entry: PredictionLogEntry): Promise<void> {
    // The sequence number and the row in one transaction (or the caller's unit of work): one commit.
    await inTransaction(this.orm, async (em) => {
      const sequence = await reserveCounterValues(em, 'prediction-log');
      await em.insert(PredictionLogEntity, { id: entry.id, sequence, caseId: entry.caseId, at: entry.at, entry: entry as unknown as Record<string, unknown> });
    });
  }

  async listForCase(caseId: string): Promise<PredictionLogEntry[]> {
    const rows = await this.orm.em.fork().find(PredictionLogEntity, { caseId }, { orderBy: { sequence: 'asc' } });
    return rows.map((row) => row.entry as unknown as PredictionLogEntry);
  }
}
