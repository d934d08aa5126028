import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { BacktestPredictorFailure, Clock } from '@autocase/core';
import type { BacktestEvaluation } from './backtest-job.js';
import type { ImportRowError } from './case-import-parser.js';
import { BacktestCaseEntity, BacktestRunEntity } from './predictor-admin-entities.js';

export type BacktestSource = 'stored' | 'cases' | 'imported' | 'uploaded';

export interface BacktestFieldFigures {
  field: string;
  /** Examples labelled for this field. */
  evaluated: number;
  /** Of those, how many the engine filled at the threshold. */
  predicted: number;
  correct: number;
  abstained: number;
  /** correct / evaluated. */
  matchRate: number;
  /** predicted / evaluated. */
  coverage: number;
  /** correct / predicted. */
  precision: number;
  threshold: number;
}

export interface BacktestRunState {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  source: BacktestSource;
  progress: number;
  processed: number;
  /** Examples to evaluate (an upper bound for stored cases, which are filtered while read). */
  total: number;
  limit: number | null;
  fieldKeys: string[] | null;
  examples: number;
  failed: number;
  fields: BacktestFieldFigures[];
  uploadErrors: ImportRowError[];
  error: string | null;
  /** Which examples were scored and why (stored sources score only what the learned model did not see). */
  evaluation?: BacktestEvaluation;
  /** Predictors that failed on some examples, with their last error; `failedEverywhere` when they never answered. */
  predictorFailures?: (BacktestPredictorFailure & { failedEverywhere: boolean })[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** One row of the per-case table. */
export interface BacktestCaseRow {
  id: string;
  title: string;
  source: 'case' | 'import' | 'upload';
  text: string;
  expected?: Record<string, string>;
  error?: string;
  /** Per field; on an abstained row `predicted` is null and `proposed` + `confidence` keep what a predictor proposed anyway. */
  fields?: Record<string, { actual: unknown; predicted: unknown; proposed?: unknown; match: boolean; confidence: number | null; predictor: { id: string; version: string } | null; evidence: { quote: string; messageId?: string }[]; abstention: string | null }>;
}

const PAGE = 500;

/** Backtest runs and their per-case rows. */
export class BacktestStore {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  async create(init: Pick<BacktestRunState, 'source' | 'limit' | 'fieldKeys' | 'uploadErrors' | 'total'>): Promise<BacktestRunState> {
    const now = this.clock.now().toISOString();
    const state: BacktestRunState = { id: randomUUID(), status: 'queued', progress: 0, processed: 0, examples: 0, failed: 0, fields: [], error: null, createdAt: now, startedAt: null, finishedAt: null, ...init };
    const { id, status, createdAt, ...data } = state;
    await this.orm.em.fork().insert(BacktestRunEntity, { id, status, createdAt, updatedAt: now, data });
    return state;
  }

  async get(id: string): Promise<BacktestRunState | null> {
    const row = await this.orm.em.fork().findOne(BacktestRunEntity, { id });
    return row ? ({ ...(row.data as object), id: row.id, status: row.status, createdAt: row.createdAt } as BacktestRunState) : null;
  }

  async update(id: string, change: Partial<BacktestRunState>): Promise<void> {
    const current = await this.get(id);
    if (!current) throw new Error(`backtest run ${id} does not exist`);
    const { id: _id, status, createdAt: _createdAt, ...data } = { ...current, ...change };
    await this.orm.em.fork().nativeUpdate(BacktestRunEntity, { id }, { status, data, updatedAt: this.clock.now().toISOString() });
  }

  async recent(limit = 20): Promise<BacktestRunState[]> {
    const rows = await this.orm.em.fork().find(BacktestRunEntity, {}, { orderBy: { createdAt: 'desc' }, limit });
    return rows.map((row) => ({ ...(row.data as object), id: row.id, status: row.status, createdAt: row.createdAt }) as BacktestRunState);
  }

  /** Stores rows at the given positions (uploaded inputs before the run, or results during it). */
  async putRows(runId: string, rows: { position: number; row: BacktestCaseRow }[]): Promise<void> {
    const em = this.orm.em.fork();
    for (let start = 0; start < rows.length; start += PAGE) {
      const chunk = rows.slice(start, start + PAGE);
      await em.nativeDelete(BacktestCaseEntity, { runId, position: { $in: chunk.map((item) => item.position) } });
      await em.insertMany(BacktestCaseEntity, chunk.map((item) => ({ id: randomUUID(), runId, position: item.position, data: item.row as unknown as Record<string, unknown> })));
    }
  }

  /** Rows in position order, page by page (1-based pages). */
  async page(runId: string, page: number, pageSize: number, filter: { mismatchesOnly?: boolean } = {}): Promise<{ items: BacktestCaseRow[]; total: number }> {
    const em = this.orm.em.fork();
    if (!filter.mismatchesOnly) {
      const [rows, total] = await em.findAndCount(BacktestCaseEntity, { runId }, { orderBy: { position: 'asc' }, limit: pageSize, offset: (page - 1) * pageSize });
      return { items: rows.map((row) => row.data as unknown as BacktestCaseRow), total };
    }
    const matching: BacktestCaseRow[] = [];
    let total = 0;
    for await (const { row } of this.rows(runId)) {
      const wrong = Boolean(row.error) || Object.values(row.fields ?? {}).some((field) => !field.match);
      if (!wrong) continue;
      total += 1;
      if (total > (page - 1) * pageSize && matching.length < pageSize) matching.push(row);
    }
    return { items: matching, total };
  }

  async *rows(runId: string): AsyncGenerator<{ position: number; row: BacktestCaseRow }> {
    let after = -1;
    for (;;) {
      const rows = await this.orm.em.fork().find(BacktestCaseEntity, { runId, position: { $gt: after } }, { orderBy: { position: 'asc' }, limit: PAGE });
      for (const row of rows) yield { position: row.position, row: row.data as unknown as BacktestCaseRow };
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.position;
    }
  }
}
