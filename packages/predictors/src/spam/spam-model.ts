import { gunzipSync, gzipSync } from 'node:zlib';

export const SPAM_MODEL_FORMAT = 'autocase-spam/v1';

/**
 * A logistic-regression spam model over TF-IDF term presence (binary term frequency, L2-normalised
 * rows): p(spam) = σ(bias + Σ weight[t] · idf[t] / ‖row‖).
 */
export interface SpamModel {
  format: typeof SPAM_MODEL_FORMAT;
  terms: string[];
  idf: Float32Array;
  weights: Float32Array;
  bias: number;
  /** Probability at or above which the model calls a message spam. */
  threshold: number;
  /** Where the examples came from, e.g. the corpus parts of the base model. */
  trainedOn: string;
  examples: { spam: number; ham: number };
}

interface StoredSpamModel {
  format: string;
  terms: string;
  idf: string;
  weights: string;
  bias: number;
  threshold: number;
  trainedOn: string;
  examples: { spam: number; ham: number };
}

const floatsToBase64 = (values: Float32Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');

function base64ToFloats(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}

/** The model as gzip-compressed JSON (terms newline-separated, numbers as little-endian float32 in base64). */
export function encodeSpamModel(model: SpamModel): Uint8Array {
  const stored: StoredSpamModel = { format: model.format, terms: model.terms.join('\n'), idf: floatsToBase64(model.idf), weights: floatsToBase64(model.weights), bias: model.bias, threshold: model.threshold, trainedOn: model.trainedOn, examples: model.examples };
  return gzipSync(JSON.stringify(stored), { level: 9 });
}

export function decodeSpamModel(bytes: Uint8Array): SpamModel {
  const stored = JSON.parse(gunzipSync(bytes).toString('utf8')) as StoredSpamModel;
  if (stored.format !== SPAM_MODEL_FORMAT) throw new Error(`not a spam model of format ${SPAM_MODEL_FORMAT} (found ${String(stored.format)})`);
  const terms = stored.terms.length > 0 ? stored.terms.split('\n') : [];
  const idf = base64ToFloats(stored.idf);
  const weights = base64ToFloats(stored.weights);
  if (idf.length !== terms.length || weights.length !== terms.length) throw new Error(`corrupt spam model: ${terms.length} terms, ${idf.length} idf values, ${weights.length} weights`);
  return { format: SPAM_MODEL_FORMAT, terms, idf, weights, bias: stored.bias, threshold: stored.threshold, trainedOn: stored.trainedOn, examples: stored.examples };
}
