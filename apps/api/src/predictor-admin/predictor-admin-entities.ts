import { defineEntity, p } from '@mikro-orm/core';

/** Labelled historical cases imported by an admin: the text and the right value per field key. */
export const TrainingExampleEntity = defineEntity({
  name: 'TrainingExample',
  tableName: 'training_examples',
  properties: {
    id: p.string().length(36).primary(),
    /** Import order, so pages and exports are stable. */
    sequence: p.integer().index(),
    text: p.text(),
    fields: p.json<Record<string, string>>(),
    batchId: p.string().length(36).index(),
    createdAt: p.string().length(32),
  },
});

/** Trained learned-predictor models, one row per field and version; `active` marks the one in use. */
export const LearnedModelEntity = defineEntity({
  name: 'LearnedModelVersion',
  tableName: 'learned_models',
  properties: {
    id: p.string().length(36).primary(),
    field: p.string().length(64).index(),
    version: p.integer(),
    modelId: p.string().length(100),
    active: p.boolean().index(),
    model: p.json<Record<string, unknown>>(),
    metrics: p.json<Record<string, unknown>>(),
    trainedAt: p.string().length(32),
  },
});

/** Predictor administration documents by key: LLM settings, training status, plugin configuration. */
export const PredictorDocumentEntity = defineEntity({
  name: 'PredictorDocument',
  tableName: 'predictor_documents',
  properties: {
    key: p.string().length(64).primary(),
    value: p.json<unknown>(),
    updatedAt: p.string().length(32),
  },
});

/** Backtest runs: status, progress and the per-field summary. */
export const BacktestRunEntity = defineEntity({
  name: 'BacktestRun',
  tableName: 'backtest_runs',
  properties: {
    id: p.string().length(36).primary(),
    status: p.string().length(16),
    data: p.json<Record<string, unknown>>(),
    createdAt: p.string().length(32).index(),
    updatedAt: p.string().length(32),
  },
});

/** One evaluated example of a backtest run (actual vs predicted per field, with evidence). */
export const BacktestCaseEntity = defineEntity({
  name: 'BacktestCase',
  tableName: 'backtest_cases',
  properties: {
    id: p.string().length(36).primary(),
    runId: p.string().length(36).index(),
    position: p.integer(),
    data: p.json<Record<string, unknown>>(),
  },
});

export const PREDICTOR_ADMIN_ENTITIES = [TrainingExampleEntity, LearnedModelEntity, PredictorDocumentEntity, BacktestRunEntity, BacktestCaseEntity];
