import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import type { FeatureOptions } from './text-features.js';
import type { LinearWeights } from './linear-svm.js';

/** Quality measured on the held-out calibration split at training time. */
export interface HeldOutMetrics {
  examples: number;
  accuracy: number;
  /**
   * How the confidence behaves on the held-out part: at each threshold, the share of its texts
   * the model answers (confidence ≥ threshold) and how often those answers are right (null when
   * it answers none) — a guide for choosing a field's threshold. Absent in older models.
   */
  atThresholds?: ThresholdFigures[];
}

export interface ThresholdFigures {
  threshold: number;
  precision: number | null;
  coverage: number;
}

/** A trained text classifier, ready to predict. */
export interface LearnedModel {
  /** Version id, derived from the model's content; named in every prediction. */
  id: string;
  trainedAt: string;
  labels: string[];
  features: FeatureOptions;
  terms: string[];
  idf: Float32Array;
  linear: LinearWeights;
  /** Softmax temperature fitted on held-out data; probabilities = softmax(scores / temperature). */
  temperature: number;
  /**
   * Coefficients of the logistic calibrator over `confidenceFeatures(scores, temperature)`,
   * fitted on held-out data: confidence = the probability that the best label is right.
   * Null when the held-out set was too small; confidence is then the softmax probability.
   */
  calibrator: number[] | null;
  /** Labelled examples the model learned from: all of them, since it is refitted on the held-out part after calibration. */
  trainingExamples: number;
  /** The held-out part and how a model trained without it did on it (the model's expected accuracy on new text). */
  heldOut: HeldOutMetrics;
}

export const SERIALIZED_MODEL_FORMAT = 'autocase.learned.tfidf-svm';

/** The JSON form of a model: arrays as base64, weights quantised to int8 with a scale per class. */
export const SerializedLearnedModelSchema = z.object({
  format: z.literal(SERIALIZED_MODEL_FORMAT, { error: `model.format must be "${SERIALIZED_MODEL_FORMAT}"` }),
  formatVersion: z.union([z.literal(1), z.literal(2)], { error: 'model.formatVersion must be 1 or 2' }),
  id: z.string().min(1),
  trainedAt: z.string(),
  labels: z.array(z.string()).min(2, 'a model needs at least two labels'),
  features: z.object({
    wordNgrams: z.tuple([z.number().int().min(1), z.number().int().min(0)]),
    charNgrams: z.tuple([z.number().int().min(1), z.number().int().min(1)]).nullable(),
    stemWords: z.boolean().optional(),
    wordPairs: z.boolean().optional(),
  }),
  terms: z.array(z.string()),
  idf: z.string().describe('Float32Array, base64'),
  weights: z.string().describe('Int8Array [term × label], base64 (of its raw-deflate compression when weightsEncoding says so)'),
  weightsEncoding: z.literal('deflate-raw', { error: 'model.weightsEncoding must be "deflate-raw" when set' }).optional().describe('most quantised weights are 0: compressed, a model is a fraction of the size'),
  weightScales: z.string().describe('Float32Array [label], base64'),
  bias: z.string().describe('Float32Array [label], base64'),
  temperature: z.number().positive(),
  calibrator: z.array(z.number()).length(5, 'model.calibrator must hold 5 coefficients').nullable().optional().describe('since format version 2'),
  trainingExamples: z.number().int().min(0),
  heldOut: z.object({
    examples: z.number().int().min(0),
    accuracy: z.number().min(0).max(1),
    atThresholds: z.array(z.object({ threshold: z.number().min(0).max(1), precision: z.number().min(0).max(1).nullable(), coverage: z.number().min(0).max(1) })).optional(),
  }),
});
export type SerializedLearnedModel = z.infer<typeof SerializedLearnedModelSchema>;

function toBase64(array: Float32Array | Int8Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function fromBase64<T extends Float32Array | Int8Array>(text: string, type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }, what: string, expectedLength: number, inflate = false): T {
  let bytes = Buffer.from(text, 'base64');
  if (inflate) {
    try {
      bytes = inflateRawSync(bytes);
    } catch (error) {
      throw new Error(`model.${what} is not valid deflate-raw data: ${(error as Error).message}`, { cause: error });
    }
  }
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  const array = new type(copy.slice(0, Math.floor(bytes.byteLength / type.BYTES_PER_ELEMENT) * type.BYTES_PER_ELEMENT));
  if (array.length !== expectedLength) throw new Error(`model.${what} holds ${array.length} values; expected ${expectedLength}`);
  return array;
}

/** Content hash used as the model's version id. */
export function modelVersionId(parts: readonly (string | ArrayBufferView)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? part : new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  return `tfidf-svm-${hash.digest('hex').slice(0, 12)}`;
}

/** Int8 weights with a scale per class (the largest magnitude of the class maps to ±127); a loaded model already is. */
function quantize(linear: LearnedModel['linear']): { quantized: Int8Array; scales: Float32Array } {
  const { classCount, dimension, weights } = linear;
  if (weights instanceof Int8Array && linear.scales) return { quantized: weights, scales: linear.scales };
  const scales = new Float32Array(classCount);
  for (let index = 0; index < weights.length; index += 1) {
    const label = index % classCount;
    scales[label] = Math.max(scales[label]!, Math.abs(weights[index]!));
  }
  for (let label = 0; label < classCount; label += 1) scales[label] = scales[label]! / 127 || 1;
  const quantized = new Int8Array(dimension * classCount);
  for (let index = 0; index < weights.length; index += 1) quantized[index] = Math.round(weights[index]! / scales[index % classCount]!);
  return { quantized, scales };
}

export function serializeLearnedModel(model: LearnedModel): SerializedLearnedModel {
  const { quantized, scales } = quantize(model.linear);
  return {
    format: SERIALIZED_MODEL_FORMAT,
    formatVersion: 2,
    id: model.id,
    trainedAt: model.trainedAt,
    labels: model.labels,
    features: model.features,
    terms: model.terms,
    idf: toBase64(model.idf),
    weights: Buffer.from(deflateRawSync(Buffer.from(quantized.buffer, quantized.byteOffset, quantized.byteLength))).toString('base64'),
    weightsEncoding: 'deflate-raw',
    weightScales: toBase64(scales),
    bias: toBase64(model.linear.bias),
    temperature: model.temperature,
    calibrator: model.calibrator,
    trainingExamples: model.trainingExamples,
    heldOut: model.heldOut,
  };
}

/** Restores a model from its JSON form; throws an Error naming the broken part. */
export function deserializeLearnedModel(input: unknown): LearnedModel {
  const parsed = SerializedLearnedModelSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid learned model: ${issue?.path.join('.') || 'model'}: ${issue?.message ?? 'unknown problem'}`);
  }
  const serialized = parsed.data;
  const classCount = serialized.labels.length;
  const dimension = serialized.terms.length;
  const scales = fromBase64(serialized.weightScales, Float32Array, 'weightScales', classCount);
  // Kept quantised in memory: scoreRow applies the per-class scale (a quarter of the memory of float32).
  const weights = fromBase64(serialized.weights, Int8Array, 'weights', dimension * classCount, serialized.weightsEncoding === 'deflate-raw');
  return {
    id: serialized.id,
    trainedAt: serialized.trainedAt,
    labels: serialized.labels,
    features: serialized.features,
    terms: serialized.terms,
    idf: fromBase64(serialized.idf, Float32Array, 'idf', dimension),
    linear: { classCount, dimension, weights, scales, bias: fromBase64(serialized.bias, Float32Array, 'bias', classCount) },
    temperature: serialized.temperature,
    calibrator: serialized.calibrator ?? null,
    trainingExamples: serialized.trainingExamples,
    heldOut: serialized.heldOut,
  };
}
