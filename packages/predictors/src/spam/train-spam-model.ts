import { seededRandom, shuffleInPlace } from '../learned/seeded-random.js';
import { sigmoid, spamRow, type SpamRow } from './spam-classifier.js';
import { SPAM_MODEL_FORMAT, type SpamModel } from './spam-model.js';

export interface SpamTrainingExample {
  /** `spamTerms` of the email. */
  terms: readonly string[];
  spam: boolean;
}

export interface SpamTrainingOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 regularisation strength. */
  l2?: number;
  /** Terms in fewer examples than this are left out of the vocabulary. */
  minDocumentFrequency?: number;
  seed?: number;
  threshold?: number;
  trainedOn: string;
}

/**
 * Logistic regression by stochastic gradient descent, spam examples weighted so both classes
 * count alike (the decision point 0.5 then needs no tuning on the data it is measured on).
 */
export function trainSpamModel(examples: readonly SpamTrainingExample[], options: SpamTrainingOptions): SpamModel {
  const { epochs = 30, learningRate = 0.5, l2 = 1e-4, minDocumentFrequency = 2, seed = 1, threshold = 0.5 } = options;
  const documentFrequency = new Map<string, number>();
  for (const example of examples) for (const term of new Set(example.terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const terms = [...documentFrequency].filter(([, count]) => count >= minDocumentFrequency).map(([term]) => term).sort();
  const index = new Map(terms.map((term, position) => [term, position]));
  const idf = new Float32Array(terms.length);
  terms.forEach((term, position) => (idf[position] = Math.log((examples.length + 1) / (documentFrequency.get(term)! + 1)) + 1));
  const rows = examples.map((example) => spamRow(index, idf, example.terms));
  const spamCount = examples.filter((example) => example.spam).length;
  const hamCount = examples.length - spamCount;
  const spamWeight = spamCount > 0 ? hamCount / spamCount : 1;
  const weights = new Float64Array(terms.length);
  const bias = descend(rows, examples.map((example) => example.spam), { weights, bias: 0, prior: null, epochs, learningRate, l2, seed, spamWeight, learnBias: true });
  return { format: SPAM_MODEL_FORMAT, terms, idf, weights: Float32Array.from(weights), bias, threshold, trainedOn: options.trainedOn, examples: { spam: spamCount, ham: hamCount } };
}

/**
 * The base model adapted to people's decisions: it starts from the base weights and is pulled
 * back to them (so a few decisions move it without forgetting the corpus), and learns the
 * decisions' new terms. The bias stays, so one kind of decision does not shift everything.
 */
export function adaptSpamModel(base: SpamModel, decisions: readonly SpamTrainingExample[], options: { epochs?: number; learningRate?: number; pull?: number; seed?: number } = {}): SpamModel {
  const { epochs = 20, learningRate = 0.5, pull = 1e-3, seed = 1 } = options;
  if (decisions.length === 0) return base;
  const terms = [...base.terms];
  const index = new Map(terms.map((term, position) => [term, position]));
  for (const decision of decisions) for (const term of decision.terms) if (!index.has(term)) index.set(term, terms.push(term) - 1);
  const maxIdf = base.idf.reduce((max, value) => Math.max(max, value), 1);
  const idf = new Float32Array(terms.length).fill(maxIdf);
  idf.set(base.idf);
  const prior = new Float64Array(terms.length);
  prior.set(base.weights);
  const weights = Float64Array.from(prior);
  const rows = decisions.map((decision) => spamRow(index, idf, decision.terms));
  descend(rows, decisions.map((decision) => decision.spam), { weights, bias: base.bias, prior, epochs, learningRate, l2: pull, seed, spamWeight: 1, learnBias: false });
  const spam = decisions.filter((decision) => decision.spam).length;
  return { ...base, terms, idf, weights: Float32Array.from(weights), examples: { spam: base.examples.spam + spam, ham: base.examples.ham + decisions.length - spam } };
}

function descend(
  rows: SpamRow[],
  labels: boolean[],
  state: { weights: Float64Array; bias: number; prior: Float64Array | null; epochs: number; learningRate: number; l2: number; seed: number; spamWeight: number; learnBias: boolean },
): number {
  const { weights, prior, l2, spamWeight, learnBias } = state;
  let { bias, learningRate } = state;
  const random = seededRandom(state.seed);
  const order = rows.map((_row, position) => position);
  for (let epoch = 0; epoch < state.epochs; epoch += 1) {
    shuffleInPlace(order, random);
    for (const position of order) {
      const { indices, values } = rows[position]!;
      let logit = bias;
      for (let offset = 0; offset < indices.length; offset += 1) logit += weights[indices[offset]!]! * values[offset]!;
      const spam = labels[position]!;
      const gradient = (sigmoid(logit) - (spam ? 1 : 0)) * (spam ? spamWeight : 1);
      for (let offset = 0; offset < indices.length; offset += 1) {
        const feature = indices[offset]!;
        const anchor = prior ? prior[feature]! : 0;
        weights[feature] = weights[feature]! - learningRate * (gradient * values[offset]! + l2 * (weights[feature]! - anchor));
      }
      if (learnBias) bias -= learningRate * gradient;
    }
    learningRate *= 0.95;
  }
  return bias;
}
