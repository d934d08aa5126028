import { runBacktest, type BacktestCaseResult, type CaseRepository, type Clock, type ConfigurationRepository, type ConversationRepository, type PredictionRunnerPort } from '@autocase/core';
import type { BacktestCaseRow, BacktestFieldFigures, BacktestStore } from './backtest-store.js';
import { customerText, HELD_OUT_ONE_IN, importedExamples, isHeldOutOfTraining, resolvedCaseExamples, textExample, type LabelledExample } from './labelled-examples.js';
import { readTrainingStatus } from './learned-training.js';
import type { PredictorDocuments } from './predictor-documents.js';
import type { TrainingExampleStore } from './training-example-store.js';

export const BACKTEST_JOB = 'predictors.backtest';
const FLUSH_EVERY = 100;
const PROGRESS_EVERY_MS = 500;
const TEXT_PREVIEW = 1000;

export interface BacktestJobDeps {
  store: BacktestStore;
  /** The running predictors (the same runner production uses). */
  runner: PredictionRunnerPort;
  configuration: ConfigurationRepository;
  cases: CaseRepository;
  conversations: ConversationRepository;
  examples: TrainingExampleStore;
  /** The learned training status: when the active models were trained. */
  documents: PredictorDocuments;
  clock: Clock;
}

/** Which examples a run scored, and why: only ones the learned model did not see, when one is trained. */
export interface BacktestEvaluation {
  split: 'unseen' | 'all-unseen' | 'uploaded';
  /** When the learned model the run compares against was trained (null: none is). */
  modelTrainedAt: string | null;
  /** Stored examples left out because the learned model trained on them. */
  skippedSeen: number;
  description: string;
}

function describeEvaluation(split: BacktestEvaluation['split'], trainedAt: string | null, skippedSeen: number): string {
  if (split === 'uploaded') return 'Uploaded examples, scored as given: make sure the learned model was not trained on them.';
  if (split === 'all-unseen') return 'No learned model is trained yet, so no stored example was seen by a model: every one is scored.';
  return `Only examples the learned model never saw are scored: the 1 in ${HELD_OUT_ONE_IN} stored examples kept out of every training, and those added after the model was trained (${trainedAt}). ${skippedSeen} examples it trained on were left out.`;
}

interface Positioned {
  position: number;
  example: LabelledExample;
}

async function* examplesOf(deps: BacktestJobDeps, runId: string, source: string, unseen: (example: LabelledExample) => boolean): AsyncGenerator<Positioned> {
  if (source === 'uploaded') {
    for await (const { position, row } of deps.store.rows(runId)) yield { position, example: textExample(row.id, row.title, row.text, row.expected ?? {}, 'upload') };
    return;
  }
  let position = 0;
  if (source === 'stored' || source === 'cases') for await (const example of resolvedCaseExamples(deps.cases, deps.conversations)) if (unseen(example)) yield { position: position++, example };
  if (source === 'stored' || source === 'imported') for await (const example of importedExamples(deps.examples)) if (unseen(example)) yield { position: position++, example };
}

function toRow(example: LabelledExample, result: BacktestCaseResult): BacktestCaseRow {
  const row: BacktestCaseRow = { id: example.id, title: example.label, source: example.source, text: customerText(example).slice(0, TEXT_PREVIEW), fields: {} };
  if (result.error) row.error = result.error;
  for (const field of result.fields) {
    row.fields![field.field] = {
      actual: field.expected,
      predicted: field.predicted,
      match: field.correct,
      confidence: field.confidence ?? null,
      predictor: field.predictor ?? null,
      evidence: (field.evidence ?? []).map((evidence) => ({ quote: evidence.quote, ...(evidence.messageId ? { messageId: evidence.messageId } : {}) })),
      abstention: field.abstention ?? null,
      ...(field.proposed !== undefined ? { proposed: field.proposed } : {}),
    };
  }
  return row;
}

/**
 * Runs a stored backtest: core's `runBacktest` (prediction runner + merge rules, as on a new
 * case) over the run's examples, writing per-case rows in batches and progress as it goes.
 */
export async function runBacktestJob(deps: BacktestJobDeps, runId: string): Promise<void> {
  const run = await deps.store.get(runId);
  if (!run) throw new Error(`backtest run ${runId} does not exist`);
  if (run.status === 'done') return;
  await deps.store.update(runId, { status: 'running', startedAt: deps.clock.now().toISOString(), processed: 0, progress: 0 });
  try {
    const allFields = await deps.configuration.getFields();
    const fields = run.fieldKeys ? allFields.filter((field) => run.fieldKeys!.includes(field.key)) : allFields;
    const settings = await deps.configuration.getSettings();
    const pending = new Map<string, Positioned>();
    let buffer: { position: number; row: BacktestCaseRow }[] = [];
    let lastProgress = 0;
    const limit = run.limit ?? Number.POSITIVE_INFINITY;
    // Score only what the learned model did not train on: the held-out part, and what came after its training.
    const trainedAt = run.source === 'uploaded' ? null : (await readTrainingStatus(deps.documents)).trainedAt;
    let skippedSeen = 0;
    const unseen = (example: LabelledExample) => {
      if (!trainedAt || isHeldOutOfTraining(example) || (example.at !== undefined && example.at > trainedAt)) return true;
      skippedSeen += 1;
      return false;
    };
    async function* limited(): AsyncGenerator<LabelledExample> {
      let count = 0;
      for await (const item of examplesOf(deps, runId, run!.source, unseen)) {
        if (count >= limit) return;
        count += 1;
        pending.set(item.example.id, item);
        yield item.example;
      }
    }
    const report = await runBacktest({
      runner: deps.runner,
      fields,
      settings,
      examples: limited(),
      collectCases: false,
      onCase: async (result, processed) => {
        const item = pending.get(result.exampleId);
        pending.delete(result.exampleId);
        if (item) buffer.push({ position: item.position, row: toRow(item.example, result) });
        if (buffer.length >= FLUSH_EVERY) {
          await deps.store.putRows(runId, buffer);
          buffer = [];
        }
        const now = Date.now();
        if (now - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = now;
          await deps.store.update(runId, { processed, progress: Math.min(0.99, processed / Math.max(1, Math.min(run.total, limit))) });
        }
      },
    });
    await deps.store.putRows(runId, buffer);
    const thresholds = new Map(fields.map((field) => [field.key, field.threshold]));
    const figures: BacktestFieldFigures[] = report.fields.map((summary) => ({
      field: summary.field,
      evaluated: summary.labelled,
      predicted: summary.predicted,
      correct: summary.correct,
      abstained: summary.labelled - summary.predicted,
      matchRate: summary.matchRate,
      coverage: summary.coverage,
      precision: summary.precision,
      threshold: thresholds.get(summary.field) ?? settings.defaultThreshold,
    }));
    const split: BacktestEvaluation['split'] = run.source === 'uploaded' ? 'uploaded' : trainedAt ? 'unseen' : 'all-unseen';
    const evaluation: BacktestEvaluation = { split, modelTrainedAt: trainedAt, skippedSeen, description: describeEvaluation(split, trainedAt, skippedSeen) };
    // A predictor that failed on every example never answered: the run says so instead of showing its (empty) figures as abstentions.
    const predictorFailures = report.predictorFailures.map((failure) => ({ ...failure, failedEverywhere: report.examples > 0 && failure.failedExamples === report.examples }));
    await deps.store.update(runId, {
      status: 'done', progress: 1, processed: report.examples, total: report.examples, examples: report.examples, failed: report.failed, fields: figures,
      evaluation, predictorFailures, finishedAt: deps.clock.now().toISOString(),
    });
  } catch (error) {
    await deps.store.update(runId, { status: 'failed', error: (error as Error).message, finishedAt: deps.clock.now().toISOString() });
    throw error;
  }
}
