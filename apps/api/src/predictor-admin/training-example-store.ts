import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { Clock } from '@autocase/core';
import { reserveCounterValues } from '../persistence/repositories/sql-counter.js';
import type { ImportedCase } from './case-import-parser.js';
import { PredictorDocumentEntity, TrainingExampleEntity } from './predictor-admin-entities.js';

export interface StoredTrainingExample {
  id: string;
  text: string;
  fields: Record<string, string>;
  createdAt: string;
}

export interface TrainingExampleCounts {
  total: number;
  /** Per field key: labelled examples and how many per label. */
  fields: Record<string, { examples: number; labels: Record<string, number> }>;
}

/** What one import added: kept with the import, so status calls add up a few batches instead of reading every example. */
export interface ImportBatchSummary extends TrainingExampleCounts {
  batchId: string;
  importedAt: string;
}

const INSERT_CHUNK = 500;
const READ_PAGE = 1000;
const BATCH_KEY_PREFIX = 'import.batch.';

function countExamples(into: TrainingExampleCounts, fields: Record<string, string>): void {
  into.total += 1;
  for (const [key, value] of Object.entries(fields)) {
    const field = (into.fields[key] ??= { examples: 0, labels: {} });
    field.examples += 1;
    field.labels[value] = (field.labels[value] ?? 0) + 1;
  }
}

function addCounts(into: TrainingExampleCounts, counts: TrainingExampleCounts): void {
  into.total += counts.total;
  for (const [key, entry] of Object.entries(counts.fields)) {
    const field = (into.fields[key] ??= { examples: 0, labels: {} });
    field.examples += entry.examples;
    for (const [label, count] of Object.entries(entry.labels)) field.labels[label] = (field.labels[label] ?? 0) + count;
  }
}

/** The imported labelled examples the learned predictor trains on and backtests read. */
export class TrainingExampleStore {
  private backfilled = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  /** Stores the rows in one batch; returns the batch id. */
  async add(cases: ImportedCase[]): Promise<string> {
    const batchId = randomUUID();
    if (cases.length === 0) return batchId;
    const createdAt = this.clock.now().toISOString();
    const summary: ImportBatchSummary = { batchId, importedAt: createdAt, total: 0, fields: {} };
    for (const item of cases) countExamples(summary, item.fields);
    const em = this.orm.em.fork();
    await em.transactional(async (transaction) => {
      transaction.create(PredictorDocumentEntity, { key: `${BATCH_KEY_PREFIX}${batchId}`, value: summary, updatedAt: createdAt });
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
      for (const row of rows) yield { id: row.id, text: row.text, fields: row.fields, createdAt: row.createdAt };
      if (rows.length < READ_PAGE) return;
      after = rows[rows.length - 1]!.sequence;
    }
  }

  /** Per import: its id, when, and what it added (newest first). */
  async batches(): Promise<ImportBatchSummary[]> {
    await this.backfillBatchSummaries();
    const rows = await this.orm.em.fork().find(PredictorDocumentEntity, { key: { $like: `${BATCH_KEY_PREFIX}%` } });
    return rows.map((row) => row.value as ImportBatchSummary).sort((left, right) => right.importedAt.localeCompare(left.importedAt));
  }

  /** How many examples are stored, per field and label: the sum of the imports' summaries. */
  async counts(): Promise<TrainingExampleCounts> {
    const counts: TrainingExampleCounts = { total: 0, fields: {} };
    for (const batch of await this.batches()) addCounts(counts, batch);
    return counts;
  }

  async count(): Promise<number> {
    return (await this.counts()).total;
  }

  /** Deletes one import; returns how many examples it had, or null when there is no such import. */
  async deleteBatch(batchId: string): Promise<number | null> {
    await this.backfillBatchSummaries();
    return this.orm.em.fork().transactional(async (transaction) => {
      const removedSummary = await transaction.nativeDelete(PredictorDocumentEntity, { key: `${BATCH_KEY_PREFIX}${batchId}` });
      if (removedSummary === 0) return null;
      return transaction.nativeDelete(TrainingExampleEntity, { batchId });
    });
  }

  /** Deletes every imported example; returns how many there were. */
  async clear(): Promise<number> {
    return this.orm.em.fork().transactional(async (transaction) => {
      await transaction.nativeDelete(PredictorDocumentEntity, { key: { $like: `${BATCH_KEY_PREFIX}%` } });
      return transaction.nativeDelete(TrainingExampleEntity, {});
    });
  }

  /** Examples imported before summaries were kept get theirs once, by reading them one time. */
  private async backfillBatchSummaries(): Promise<void> {
    if (this.backfilled) return;
    const em = this.orm.em.fork();
    const [anyExample] = await em.find(TrainingExampleEntity, { sequence: { $gt: 0 } }, { fields: ['batchId'], orderBy: { sequence: 'asc' }, limit: 1 });
    if (anyExample && !(await em.findOne(PredictorDocumentEntity, { key: `${BATCH_KEY_PREFIX}${anyExample.batchId}` }))) {
      const summaries = new Map<string, ImportBatchSummary>();
      let after = 0;
      for (;;) {
        const rows = await em.find(TrainingExampleEntity, { sequence: { $gt: after } }, { orderBy: { sequence: 'asc' }, limit: READ_PAGE });
        for (const row of rows) {
          const summary = summaries.get(row.batchId) ?? { batchId: row.batchId, importedAt: row.createdAt, total: 0, fields: {} };
          countExamples(summary, row.fields);
          summaries.set(row.batchId, summary);
        }
        if (rows.length < READ_PAGE) break;
        after = rows[rows.length - 1]!.sequence;
      }
      for (const summary of summaries.values()) await em.fork().upsert(PredictorDocumentEntity, { key: `${BATCH_KEY_PREFIX}${summary.batchId}`, value: summary, updatedAt: this.clock.now().toISOString() });
    }
    this.backfilled = true;
  }
}
