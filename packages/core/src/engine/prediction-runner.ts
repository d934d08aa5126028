import type { FieldDefinition, FillScope } from '../domain/field-definition.js';
import type { Prediction } from '../domain/prediction.js';
import { PluginError, type PluginErrorCode } from '../plugins/errors.js';
import type { PluginLogger } from '../plugins/plugin-context.js';
import type { PredictionInput, PredictionMessage, PredictorInstance } from '../plugins/predictor.js';
import { checkEvidence } from './evidence-check.js';

export interface PredictionRunRequest {
  /** Every configured case field; each predictor is asked only for the fields that allow it. */
  fields: FieldDefinition[];
  messages: PredictionMessage[];
  context: Record<string, string>;
  channel: PredictionInput['channel'];
  currentValues?: Record<string, unknown>;
  /** When given, only fields the AI may fill in this scope are predicted. */
  scope?: FillScope;
  signal?: AbortSignal;
}

export interface PredictorWarning {
  predictorId: string;
  message: string;
}

export interface PredictorUsage {
  predictorId: string;
  inputTokens?: number;
  outputTokens?: number;
  durationMs: number;
}

export interface PredictorFailure {
  predictorId: string;
  code: PluginErrorCode;
  message: string;
  retryable: boolean;
}

export interface PredictionRunReport {
  predictions: Prediction[];
  warnings: PredictorWarning[];
  usage: PredictorUsage[];
  errors: PredictorFailure[];
  /** Ids of the predictors that were asked (those with at least one field to predict). */
  ran: string[];
}

/** What use cases need from a prediction runner; `PredictionRunner` is the implementation. */
export interface PredictionRunnerPort {
  run(request: PredictionRunRequest): Promise<PredictionRunReport>;
}

export interface PredictionRunnerOptions {
  /** Per-predictor time limit; a predictor that takes longer fails with `TIMEOUT`. Default 30 s. */
  timeoutMs?: number;
  logger?: PluginLogger;
}

type Outcome =
  | { predictorId: string; ok: true; predictions: Prediction[]; warnings: string[]; usage: PredictorUsage }
  | { predictorId: string; ok: false; error: PluginError };

function fieldsFor(predictorId: string, fields: FieldDefinition[], scope: FillScope | undefined): FieldDefinition[] {
  return fields.filter(
    (field) => (scope === undefined || field.fillOn.includes(scope)) && (field.predictors.length === 0 || field.predictors.includes(predictorId)),
  );
}

function asPluginError(predictorId: string, error: unknown): PluginError {
  if (PluginError.is(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PluginError('INTERNAL', `predictor ${predictorId} failed: ${message}`, { cause: error });
}

/**
 * Runs the configured predictor instances in parallel, each on the fields that allow it,
 * with a per-predictor timeout. A failing predictor is reported in `errors`; only when every
 * predictor failed with a retryable error is that error rethrown (so a queued job retries).
 */
export class PredictionRunner implements PredictionRunnerPort {
  private readonly timeoutMs: number;

  constructor(
    private readonly predictors: ReadonlyMap<string, PredictorInstance>,
    private readonly options: PredictionRunnerOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    if (!(this.timeoutMs > 0)) throw new RangeError(`PredictionRunner timeoutMs must be a positive number of milliseconds, got ${options.timeoutMs}`);
  }

  get predictorIds(): string[] {
    return [...this.predictors.keys()];
  }

  async run(request: PredictionRunRequest): Promise<PredictionRunReport> {
    const jobs: Promise<Outcome>[] = [];
    const ran: string[] = [];
    for (const [predictorId, instance] of this.predictors) {
      const fields = fieldsFor(predictorId, request.fields, request.scope);
      if (fields.length === 0) continue;
      ran.push(predictorId);
      jobs.push(this.runOne(predictorId, instance, fields, request));
    }
    const outcomes = await Promise.all(jobs);
    const report: PredictionRunReport = { predictions: [], warnings: [], usage: [], errors: [], ran };
    const failures: PluginError[] = [];
    for (const outcome of outcomes) {
      if (outcome.ok) {
        report.predictions.push(...outcome.predictions);
        report.warnings.push(...outcome.warnings.map((message) => ({ predictorId: outcome.predictorId, message })));
        report.usage.push(outcome.usage);
      } else {
        failures.push(outcome.error);
        report.errors.push({ predictorId: outcome.predictorId, code: outcome.error.code, message: outcome.error.message, retryable: outcome.error.retryable });
        this.options.logger?.warn('predictor failed', { predictorId: outcome.predictorId, code: outcome.error.code, message: outcome.error.message });
      }
    }
    const [firstFailure] = failures;
    if (firstFailure && failures.length === outcomes.length && failures.every((failure) => failure.retryable)) throw firstFailure;
    return report;
  }

  private async runOne(predictorId: string, instance: PredictorInstance, fields: FieldDefinition[], request: PredictionRunRequest): Promise<Outcome> {
    const controller = new AbortController();
    const abortFromCaller = () => controller.abort(request.signal?.reason);
    request.signal?.addEventListener('abort', abortFromCaller, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new PluginError('TIMEOUT', `predictor ${predictorId} did not answer within ${this.timeoutMs} ms`);
        controller.abort(error);
        reject(error);
      }, this.timeoutMs);
    });
    const started = performance.now();
    try {
      if (request.signal?.aborted) throw new PluginError('TEMPORARY', `prediction was cancelled before predictor ${predictorId} ran`);
      const input: PredictionInput = {
        fields,
        messages: request.messages,
        context: request.context,
        channel: request.channel,
        signal: controller.signal,
      };
      if (request.currentValues) input.currentValues = request.currentValues;
      const result = await Promise.race([instance.doPredict(input), timeout]);
      const durationMs = Math.round(performance.now() - started);
      if (typeof result !== 'object' || result === null || !Array.isArray(result.predictions)) {
        throw new PluginError('INTERNAL', `predictor ${predictorId} returned no predictions array`);
      }
      const warnings = [...(result.warnings ?? [])];
      const predictions = this.acceptablePredictions(predictorId, instance, fields, result.predictions, warnings, request);
      const usage: PredictorUsage = { predictorId, durationMs: result.usage?.durationMs ?? durationMs };
      if (result.usage?.inputTokens !== undefined) usage.inputTokens = result.usage.inputTokens;
      if (result.usage?.outputTokens !== undefined) usage.outputTokens = result.usage.outputTokens;
      return { predictorId, ok: true, predictions, warnings, usage };
    } catch (error) {
      return { predictorId, ok: false, error: asPluginError(predictorId, error) };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', abortFromCaller);
    }
  }

  /** Stamps the configured predictor id, drops predictions for fields it was not asked and quotes that were never written, keeps one per field. */
  private acceptablePredictions(
    predictorId: string,
    instance: PredictorInstance,
    fields: FieldDefinition[],
    predictions: Prediction[],
    warnings: string[],
    request: PredictionRunRequest,
  ): Prediction[] {
    const asked = new Set(fields.map((field) => field.key));
    const best = new Map<string, Prediction>();
    for (const prediction of predictions) {
      if (!asked.has(prediction.field)) {
        warnings.push(`dropped a prediction for field "${prediction.field}", which this predictor was not asked to fill`);
        continue;
      }
      const evidence = checkEvidence(Array.isArray(prediction.evidence) ? prediction.evidence : [], request.messages, request.context);
      if (evidence.dropped.length > 0) {
        warnings.push(`dropped ${evidence.dropped.length} evidence quote(s) for field "${prediction.field}" that do not occur in the conversation`);
      }
      const stamped: Prediction = {
        ...prediction,
        evidence: evidence.kept,
        predictor: { ...prediction.predictor, id: predictorId, version: prediction.predictor?.version ?? instance.version },
      };
      const previous = best.get(prediction.field);
      if (previous) {
        warnings.push(`more than one prediction for field "${prediction.field}"; kept the most confident`);
        if (previous.confidence >= stamped.confidence) continue;
      }
      best.set(prediction.field, stamped);
    }
    return [...best.values()];
  }
}
