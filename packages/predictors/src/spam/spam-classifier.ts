import type { SpamClassifierScore } from '@autocase/core';
import { spamTerms, type SpamFeatureInput } from './spam-features.js';
import type { SpamModel } from './spam-model.js';

/** A row: indices into the model's terms and their normalised values. */
export interface SpamRow {
  indices: number[];
  values: number[];
}

/** Term presence × idf, L2-normalised; terms the model does not know are ignored. */
export function spamRow(index: ReadonlyMap<string, number>, idf: ArrayLike<number>, terms: readonly string[]): SpamRow {
  const indices: number[] = [];
  for (const term of terms) {
    const position = index.get(term);
    if (position !== undefined) indices.push(position);
  }
  const values = indices.map((position) => idf[position]!);
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return { indices, values: values.map((value) => value / norm) };
}

export const sigmoid = (logit: number) => 1 / (1 + Math.exp(-logit));

/**
 * A message with fewer known terms than this is judged with less confidence: its log-odds are
 * pulled towards {@link SHORT_MESSAGE_LOGIT} in proportion (a three-word "Thanks, got it" is no
 * evidence either way, and losing a customer's mail costs more than letting one spam through).
 */
export const FULL_EVIDENCE_TERMS = 15;
/** Log-odds of a message the model knows nothing about: about 12 % spam. */
export const SHORT_MESSAGE_LOGIT = -2;

/** Scores emails with a spam model. */
export class SpamClassifier {
  private readonly index: Map<string, number>;

  constructor(
    readonly model: SpamModel,
    /** Shown in reasons: `base`, `base + 12 decisions`. */
    readonly name = 'base',
  ) {
    this.index = new Map(model.terms.map((term, position) => [term, position]));
  }

  score(email: SpamFeatureInput): SpamClassifierScore {
    return this.scoreTerms(spamTerms(email));
  }

  scoreTerms(terms: readonly string[]): SpamClassifierScore {
    const { weights, bias, threshold } = this.model;
    const row = spamRow(this.index, this.model.idf, terms);
    let logit = bias;
    const contributions: [string, number][] = [];
    row.indices.forEach((position, offset) => {
      const contribution = weights[position]! * row.values[offset]!;
      logit += contribution;
      if (contribution > 0) contributions.push([this.model.terms[position]!, contribution]);
    });
    contributions.sort((left, right) => right[1] - left[1]);
    const evidence = Math.min(1, row.indices.length / FULL_EVIDENCE_TERMS);
    return { probability: sigmoid(evidence * logit + (1 - evidence) * SHORT_MESSAGE_LOGIT), threshold, evidence: contributions.slice(0, 8).map(([term]) => term), model: this.name };
  }
}
