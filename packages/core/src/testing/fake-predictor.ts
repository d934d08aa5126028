import { z } from 'zod';
import type { FieldValue } from '../domain/field-definition.js';
import type { Evidence, Prediction } from '../domain/prediction.js';
import type { PluginContext } from '../plugins/plugin-context.js';
import type { PredictionInput, PredictionResult, Predictor, PredictorInstance } from '../plugins/predictor.js';

/** A canned answer: a value for a field with a confidence (and optional evidence). */
export interface CannedPrediction {
  field: string;
  value: FieldValue;
  confidence: number;
  evidence?: Evidence[];
}

export type CannedAnswer = CannedPrediction[] | ((input: PredictionInput) => CannedPrediction[] | Promise<CannedPrediction[]>);

export interface FakePredictorOptions {
  id?: string;
  version?: string;
  answer?: CannedAnswer;
  warnings?: string[];
  /** Wait this long before answering (respects the abort signal). */
  delayMs?: number;
}

function wait(delayMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, delayMs);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/**
 * A test double for a predictor instance: answers canned predictions for the fields it is
 * asked (others are left out, like a real predictor), records every call, can be told to fail.
 */
export class FakePredictorInstance implements PredictorInstance {
  readonly id: string;
  readonly version: string;
  readonly calls: PredictionInput[] = [];
  private answer: CannedAnswer;
  private failure: unknown;
  private readonly warnings: string[];
  private readonly delayMs: number;

  constructor(options: FakePredictorOptions = {}) {
    this.id = options.id ?? 'fake';
    this.version = options.version ?? '1.0.0';
    this.answer = options.answer ?? [];
    this.warnings = options.warnings ?? [];
    this.delayMs = options.delayMs ?? 0;
  }

  /** Replaces the canned answer (and clears a failure set with `failWith`). */
  answerWith(answer: CannedAnswer): this {
    this.answer = answer;
    this.failure = undefined;
    return this;
  }

  /** Makes every following call throw this error. */
  failWith(error: unknown): this {
    this.failure = error;
    return this;
  }

  async doPredict(input: PredictionInput): Promise<PredictionResult> {
    this.calls.push(input);
    if (this.delayMs > 0) await wait(this.delayMs, input.signal);
    if (this.failure !== undefined) throw this.failure;
    const canned = typeof this.answer === 'function' ? await this.answer(input) : this.answer;
    const asked = new Set(input.fields.map((field) => field.key));
    const predictions: Prediction[] = canned
      .filter((entry) => asked.has(entry.field))
      .map((entry) => ({
        field: entry.field,
        value: entry.value,
        confidence: entry.confidence,
        evidence: entry.evidence ?? [],
        predictor: { id: this.id, version: this.version },
      }));
    return { predictions, warnings: [...this.warnings] };
  }
}

export const FakePredictorConfigSchema = z.object({
  predictions: z
    .array(
      z.object({
        field: z.string().min(1),
        value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
        confidence: z.number().min(0).max(1),
        evidence: z.array(z.object({ messageId: z.string().optional(), quote: z.string() })).optional(),
      }),
    )
    .default([]),
});
export type FakePredictorConfig = z.infer<typeof FakePredictorConfigSchema>;

/** A predictor plugin whose instances answer the canned predictions of their config. */
export function createFakePredictorPlugin(id = 'fake'): Predictor<FakePredictorConfig> {
  return {
    specificationVersion: 'v1',
    id,
    displayName: `Fake predictor (${id})`,
    configSchema: FakePredictorConfigSchema as z.ZodType<FakePredictorConfig>,
    create(config: FakePredictorConfig, _context: PluginContext) {
      return new FakePredictorInstance({ id, answer: config.predictions });
    },
  };
}
