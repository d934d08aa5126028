import type { ZodType } from 'zod';
import type { FieldDefinition } from '../domain/field-definition.js';
import type { Prediction } from '../domain/prediction.js';
import type { PluginContext } from './plugin-context.js';

/** One message of the conversation or email thread the predictor reads. */
export interface PredictionMessage {
  /** Stable id, referenced by `Evidence.messageId`. */
  id: string;
  /** Who wrote it. */
  author: 'customer' | 'agent' | 'bot' | 'system';
  /**
   * The new text of the message: for emails, quoted replies and signatures are stripped and
   * HTML is converted to text before predictors see it.
   */
  text: string;
  at?: string;
}

/** What a predictor is asked. */
export interface PredictionInput {
  /** The fields to predict (already filtered to those this predictor may propose). */
  fields: FieldDefinition[];
  messages: PredictionMessage[];
  /** Context variables: pre-chat survey answers, bot variables, email headers of interest (`sender`, `senderDomain`, `subject`, `channel`, …). */
  context: Record<string, string>;
  channel: 'chat' | 'email' | 'manual' | 'import' | 'backtest';
  /** Current values of the case being updated, if any (lets rules depend on other fields). */
  currentValues?: Record<string, unknown>;
  /** Aborted when the caller no longer wants the answer (timeout, shutdown). */
  signal?: AbortSignal;
}

/** What a predictor answers. */
export interface PredictionResult {
  /** At most one prediction per field; a field the predictor cannot fill is simply absent (abstention). */
  predictions: Prediction[];
  /** Degradations that did not stop the prediction (e.g. "redacted 2 phone numbers"). */
  warnings?: string[];
  /** Token or compute usage, recorded by the host. */
  usage?: { inputTokens?: number; outputTokens?: number; durationMs?: number };
}

/** A configured predictor instance. Only the engine calls `do…` methods. */
export interface PredictorInstance {
  doPredict(input: PredictionInput): Promise<PredictionResult>;
  /** Version string of the loaded model or rules (named in every prediction). */
  readonly version: string;
}

/**
 * A predictor plugin: the default export of a predictor package.
 * `create` is called once per configuration; it must validate nothing itself beyond what
 * `configSchema` does (the host validates the config with the schema before calling).
 */
export interface Predictor<Config = unknown> {
  readonly specificationVersion: 'v1';
  /** Stable id, e.g. `regex`, `llm`, `acme-sentiment`. */
  readonly id: string;
  /** Human name for the admin console. */
  readonly displayName?: string;
  readonly configSchema: ZodType<Config>;
  create(config: Config, context: PluginContext): PredictorInstance | Promise<PredictorInstance>;
}
