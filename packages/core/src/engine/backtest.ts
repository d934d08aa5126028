import { FILL_SCOPES, type FieldDefinition, type FieldValue, type FillScope } from '../domain/field-definition.js';
import type { Evidence, PredictionDecision, PredictorRef } from '../domain/prediction.js';
import type { PredictionInput, PredictionMessage } from '../plugins/predictor.js';
import { normalizeFieldValue } from './field-value-validation.js';
import { mergePredictions, type MergeSettings } from './merge-predictions.js';
import type { PredictionRunnerPort } from './prediction-runner.js';

/** One labelled example: what the predictors read and the values a human chose. */
export interface BacktestExample {
  id: string;
  messages: PredictionMessage[];
  context?: Record<string, string>;
  channel?: PredictionInput['channel'];
  /** The right values by field key; fields left out are not scored for this example. */
  expected: Record<string, FieldValue>;
}

export interface BacktestFieldResult {
  field: string;
  expected: FieldValue;
  /** The value the engine would have set, or null when it abstained. */
  predicted: FieldValue;
  correct: boolean;
  confidence?: number;
  predictor?: PredictorRef;
  evidence?: Evidence[];
  /** Why the engine abstained, when it did. */
  abstention?: string;
  /** When the engine abstained: the best value a predictor proposed anyway (its confidence is in `confidence`). */
  proposed?: FieldValue;
}

export interface BacktestCaseResult {
  exampleId: string;
  fields: BacktestFieldResult[];
  /** Set when the predictors failed for this example (the runner threw, or a predictor reported a failure). */
  error?: string;
  /** Predictors that failed on this example, with their error (the others still answered). */
  predictorErrors?: { predictorId: string; code: string; message: string }[];
}

/** A predictor that failed on some examples: how many, and the last error it gave. */
export interface BacktestPredictorFailure {
  predictorId: string;
  failedExamples: number;
  code: string;
  message: string;
}

export interface BacktestFieldSummary {
  field: string;
  /** Examples with a label for this field. */
  labelled: number;
  /** Labelled examples where the engine accepted a value (cleared the threshold). */
  predicted: number;
  correct: number;
  /** correct / labelled. */
  matchRate: number;
  /** predicted / labelled: how often the engine fills the field at the threshold. */
  coverage: number;
  /** correct / predicted: how often a filled value is right. */
  precision: number;
}

export interface BacktestReport {
  examples: number;
  /** Examples on which the runner or at least one predictor failed. */
  failed: number;
  /** Per predictor that failed at least once; `failedExamples === examples` means it never answered. */
  predictorFailures: BacktestPredictorFailure[];
  fields: BacktestFieldSummary[];
  /** Per-example results, unless `collectCases` was false. */
  cases: BacktestCaseResult[];
}

export interface BacktestOptions {
  runner: PredictionRunnerPort;
  fields: FieldDefinition[];
  settings: MergeSettings;
  examples: Iterable<BacktestExample> | AsyncIterable<BacktestExample>;
  /** Evaluate as in this scope; by default every field is evaluated wherever it is enabled. */
  scope?: FillScope;
  /** Called after each example (e.g. to report job progress), with the example's result. */
  onCase?: (result: BacktestCaseResult, processed: number) => void | Promise<void>;
  /** Keep every example's result in the report (default true; turn off for very large runs and use `onCase`). */
  collectCases?: boolean;
  signal?: AbortSignal;
}

function comparable(field: FieldDefinition, value: FieldValue): FieldValue {
  const check = normalizeFieldValue(field, value);
  const normalized = check.ok ? check.value : value;
  if (typeof normalized !== 'string') return normalized;
  if (field.type === 'phone') return normalized.replace(/\D/g, '');
  if (field.type === 'choice' || (field.type === 'lookup' && field.options.length > 0)) return normalized;
  return normalized.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether a predicted value matches the label: options exactly, text ignoring case and spacing, phones by digits. */
export function backtestValuesMatch(field: FieldDefinition, expected: FieldValue, predicted: FieldValue): boolean {
  if (predicted === null || expected === null) return predicted === expected;
  return comparable(field, expected) === comparable(field, predicted);
}

/** The most confident value predictors proposed for a field the engine left empty (below threshold, invalid…). */
function bestRejected(decisions: PredictionDecision[], field: string): PredictionDecision | null {
  let best: PredictionDecision | null = null;
  for (const entry of decisions) {
    if (entry.field !== field || entry.accepted || entry.value === null || typeof entry.confidence !== 'number') continue;
    if (!best || entry.confidence > best.confidence) best = entry;
  }
  return best;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/**
 * Runs the configured predictors and the merge rules over labelled examples, as the engine
 * would on a new case, and reports per field how often the value is right (match rate), how
 * often the engine fills it at the threshold (coverage) and how often a filled value is right
 * (precision). There is no cap on the number of examples; memory grows only with `collectCases`.
 */
export async function runBacktest(options: BacktestOptions): Promise<BacktestReport> {
  const scope = options.scope ?? 'updates';
  const fields = options.scope ? options.fields : options.fields.map((field) => ({ ...field, fillOn: [...FILL_SCOPES] }));
  const totals = new Map(fields.map((field) => [field.key, { labelled: 0, predicted: 0, correct: 0 }]));
  const report: BacktestReport = { examples: 0, failed: 0, predictorFailures: [], fields: [], cases: [] };
  const failures = new Map<string, BacktestPredictorFailure>();

  for await (const example of options.examples) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('backtest cancelled');
    const labelled = fields.filter((field) => field.key in example.expected && field.fillOn.includes(scope));
    const result: BacktestCaseResult = { exampleId: example.id, fields: [] };
    try {
      const run = await options.runner.run({
        fields: labelled,
        messages: example.messages,
        context: example.context ?? {},
        channel: example.channel ?? 'backtest',
        scope,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      if (run.errors.length > 0) {
        result.predictorErrors = run.errors.map((failure) => ({ predictorId: failure.predictorId, code: failure.code, message: failure.message }));
        result.error = run.errors.map((failure) => `${failure.predictorId}: ${failure.message}`).join('; ');
        for (const failure of run.errors) {
          const entry = failures.get(failure.predictorId) ?? { predictorId: failure.predictorId, failedExamples: 0, code: failure.code, message: failure.message };
          failures.set(failure.predictorId, { ...entry, failedExamples: entry.failedExamples + 1, code: failure.code, message: failure.message });
        }
      }
      const merge = mergePredictions({ fields: labelled, settings: options.settings, current: null, scope, predictions: run.predictions, at: new Date(0).toISOString() });
      for (const field of labelled) {
        const expected = example.expected[field.key] ?? null;
        const state = merge.fields[field.key];
        const predicted = state?.value ?? null;
        const fieldResult: BacktestFieldResult = { field: field.key, expected, predicted, correct: state !== undefined && backtestValuesMatch(field, expected, predicted) };
        if (state?.confidence !== undefined) fieldResult.confidence = state.confidence;
        if (state?.predictor) fieldResult.predictor = state.predictor;
        if (state?.evidence) fieldResult.evidence = state.evidence;
        const abstention = merge.abstentions.find((entry) => entry.field === field.key);
        if (abstention) {
          fieldResult.abstention = abstention.detail;
          const best = bestRejected(merge.decisions, field.key);
          if (best) {
            fieldResult.proposed = best.value;
            fieldResult.confidence = best.confidence;
            fieldResult.predictor = best.predictor;
          }
        }
        result.fields.push(fieldResult);
        const total = totals.get(field.key);
        if (total) {
          total.labelled += 1;
          if (state) total.predicted += 1;
          if (fieldResult.correct) total.correct += 1;
        }
      }
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
    }
    if (result.error !== undefined) report.failed += 1;
    report.examples += 1;
    if (options.collectCases !== false) report.cases.push(result);
    await options.onCase?.(result, report.examples);
  }

  report.predictorFailures = [...failures.values()];
  report.fields = fields
    .map((field) => ({ field: field.key, ...(totals.get(field.key) ?? { labelled: 0, predicted: 0, correct: 0 }) }))
    .filter((total) => total.labelled > 0)
    .map((total) => ({ ...total, matchRate: ratio(total.correct, total.labelled), coverage: ratio(total.predicted, total.labelled), precision: ratio(total.correct, total.predicted) }));
  return report;
}
