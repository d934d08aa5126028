import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { Clock } from '@autocase/core';
import { reserveCounterValues } from '../persistence/repositories/sql-counter.js';
import type { ImportedCase } from './case-import-parser.js';
import { TrainingExampleEntity } from './predictor-admin-entities.js';

export interface StoredTrainingExample {
  id: string;
  text: string;
  fields: Record<string, string>;
}

export interface TrainingExampleCounts {
  total: number;
  /** Per field key: labelled examples and how many per label. */
  fields: Record<string, { examples: number; labels: Record<string, number> }>;
}

const INSERT_CHUNK = 500;
const READ_PAGE = 1000;

/** The imported labelled examples the learned predictor trains on and backtests read. */
export class TrainingExampleStore {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  /** Stores the rows in one batch; returns the batch id. */
  async add(cases: ImportedCase[]): Promise<string> {
    const batchId = randomUUID();
    if (cases.length === 0) return batchId;
    const createdAt = this.clock.now().toISOString();
    const em = this.orm.em.fork();
    await em.transactional(async (transaction) => {
      const last = await reserveCounterValues(transaction, 'training_examples', cases.length);
      const first = last - cases.length + 1;
      for (let start = 0; start < cases.length; start += INSERT_CHUNK) {
        const rows = cases.slice(start, start + INSERT_CHUNK).map((item, offset) => ({ id: randomUUID(), sequence: first + start + offset, text: item.text, fields: item.fields, batchId, createdAt }));
        await transaction.insertMany(TrainingExampleEntity, rows);
      }
    });
    return batchId;
  }

  /** Every stored example in import order, read page by page. */
  async *all(): AsyncGenerator<StoredTrainingExample> {
    let after = 0;
    for (;;) {
      const rows = await this.orm.em.fork().find(TrainingExampleEntity, { sequence: { $gt: after } }, { orderBy: { sequence: 'asc' }, limit: READ_PAGE });
      for (const row of rows) yield { id: row.id, text: row.text, fields: row.fields };
      if (rows.length < READ_PAGE) return;
      after = rows[rows.length - 1]!.sequence;
    }
  }

  async counts(): Promise<TrainingExampleCounts> {
    const counts: TrainingExampleCounts = { total: 0, fields: {} };
    for await (const example of this.all()) {
      counts.total += 1;
      for (const [key, value] of Object.entries(example.fields)) {
        const field = (counts.fields[key] ??= { examples: 0, labels: {} });
        field.examples += 1;
        field.labels[value] = (field.labels[value] ?? 0) + 1;
      }
    }
    return counts;
  }

  async count(): Promise<number> {
    return this.orm.em.fork().count(TrainingExampleEntity, {});
  }

  /** Deletes every imported example; returns how many there were. */
  async clear(): Promise<number> {
    return this.orm.em.fork().nativeDelete(TrainingExampleEntity, {});
  }
}
