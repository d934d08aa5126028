import { readFileSync } from 'node:fs';
import { decodeSpamModel, type SpamModel } from './spam-model.js';

/** The shipped model (`models/spam-base.json.gz`, built by `bench/spam/train-base-model.mjs`). */
export const BASE_SPAM_MODEL_URL = new URL('../../models/spam-base.json.gz', import.meta.url);

let cached: SpamModel | null = null;

/** The shipped base model, read once. */
export function loadBaseSpamModel(): SpamModel {
  cached ??= decodeSpamModel(readFileSync(BASE_SPAM_MODEL_URL));
  return cached;
}
