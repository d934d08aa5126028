import { FILL_SCOPES, type FieldDefinition, type FieldValue, type FillScope } from '../domain/field-definition.js';
import type { Evidence, PredictorRef } from '../domain/prediction.js';
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
}

export interface BacktestCaseResult {
  exampleId: string;
  fields: BacktestFieldResult[];
  /** Set when the predictors failed for this example. */
  error?: string;
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
  failed: number;
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
  const report: BacktestReport = { examples: 0, failed: 0, fields: [], cases: [] };

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
        if (abstention) fieldResult.abstention = abstention.detail;
        result.fields.push(fieldResult);
        const total = totals.get(field.key);
        if (total) {
          total.labelled += 1;
          if (state) total.predicted += 1;
          if (fieldResult.correct) total.correct += 1;
        }
      }
    } catch (error) {
      report.failed += 1;
      result.error = error instanceof Error ? error.message : String(error);
    }
    report.examples += 1;
    if (options.collectCases !== false) report.cases.push(result);
    await options.onCase?.(result, report.examples);
  }

  report.fields = fields
    .map((field) => ({ field: field.key, ...(totals.get(field.key) ?? { labelled: 0, predicted: 0, correct: 0 }) }))
    .filter((total) => total.labelled > 0)
    .map((total) => ({ ...total, matchRate: ratio(total.correct, total.labelled), coverage: ratio(total.predicted, total.labelled), precision: ratio(total.correct, total.predicted) }));
  return report;
}
