import { fitTemperature } from './calibration.js';
import { modelVersionId, type LearnedModel } from './learned-model.js';
import { scoreRow, trainOneVsRestSvm } from './linear-svm.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './text-features.js';
import { TfidfVectorizer } from './tfidf-vectorizer.js';

export interface TrainingExample {
  text: string;
  label: string;
}

export interface TrainOptions {
  features?: FeatureOptions;
  /** SVM inverse regularisation strength. Default 1. */
  c?: number;
  /** Fraction of each label's examples held out to fit the confidence temperature. Default 0.1. */
  calibrationFraction?: number;
  /** Terms in fewer training texts than this are dropped. Default 1. */
  minDocumentFrequency?: number;
  maxEpochs?: number;
  seed?: number;
  /** Time stamp recorded in the model; the host passes its clock. Default: now. */
  trainedAt?: Date;
  signal?: AbortSignal;
}

export interface TrainProgress {
  stage: 'vectorizing' | 'training' | 'calibrating' | 'done';
  /** Overall completion in [0, 1]. */
  fraction: number;
}

function validateExamples(examples: readonly TrainingExample[]): void {
  examples.forEach((example, index) => {
    if (typeof example?.text !== 'string' || typeof example.label !== 'string' || example.label.trim() === '') {
      throw new Error(`training example ${index} needs a text and a non-empty label`);
    }
  });
  const labels = new Set(examples.map((example) => example.label));
  if (labels.size < 2) throw new Error(`training needs at least two distinct labels; got ${labels.size}`);
}

/** Stratified split: per label, `fraction` of its examples (at least one when it has three or more) go to the second part. */
function stratifiedSplit(examples: readonly TrainingExample[], fraction: number, seed: number): [TrainingExample[], TrainingExample[]] {
  const byLabel = new Map<string, TrainingExample[]>();
  for (const example of examples) byLabel.set(example.label, [...(byLabel.get(example.label) ?? []), example]);
  const random = seededRandom(seed);
  const kept: TrainingExample[] = [];
  const heldOut: TrainingExample[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const group = shuffleInPlace([...byLabel.get(label)!], random);
    const count = group.length >= 3 ? Math.max(1, Math.round(group.length * fraction)) : 0;
    heldOut.push(...group.slice(0, count));
    kept.push(...group.slice(count));
  }
  return [kept, heldOut];
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Trains a TF-IDF + one-vs-rest linear SVM text classifier on labelled examples and fits
 * its confidence temperature on a held-out stratified split. CPU only; ~5 s for 10k short texts.
 */
export async function trainLearnedModel(
  examples: readonly TrainingExample[],
  options: TrainOptions = {},
  onProgress?: (progress: TrainProgress) => void,
): Promise<LearnedModel> {
  validateExamples(examples);
  const seed = options.seed ?? 1;
  const features = options.features ?? DEFAULT_FEATURE_OPTIONS;
  const [trainingSet, calibrationSet] = stratifiedSplit(examples, options.calibrationFraction ?? 0.1, seed);
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  onProgress?.({ stage: 'vectorizing', fraction: 0 });
  const vectorizer = TfidfVectorizer.fit(trainingSet.map((example) => example.text), { features, minDocumentFrequency: options.minDocumentFrequency ?? 1 });
  const rows = trainingSet.map((example) => vectorizer.transform(example.text));
  const targets = Int32Array.from(trainingSet, (example) => labelIndex.get(example.label)!);
  onProgress?.({ stage: 'training', fraction: 0.1 });
  const linear = await trainOneVsRestSvm(rows, targets, labels.length, vectorizer.dimension, { c: options.c ?? 1, maxEpochs: options.maxEpochs ?? 100, tolerance: 0.1, seed }, async (done) => {
    onProgress?.({ stage: 'training', fraction: 0.1 + (0.85 * done) / labels.length });
    await yieldToEventLoop();
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('training aborted');
  });
  onProgress?.({ stage: 'calibrating', fraction: 0.95 });
  const calibrationScores = calibrationSet.map((example) => scoreRow(linear, vectorizer.transform(example.text)));
  const calibrationTargets = Int32Array.from(calibrationSet, (example) => labelIndex.get(example.label)!);
  const temperature = fitTemperature(calibrationScores, calibrationTargets);
  const correct = calibrationScores.filter((scores, index) => scores.indexOf(Math.max(...scores)) === calibrationTargets[index]).length;
  const { terms, idf } = vectorizer.state;
  const id = modelVersionId([JSON.stringify({ labels, features, temperature }), terms.join('\n'), idf, linear.weights, linear.bias]);
  onProgress?.({ stage: 'done', fraction: 1 });
  return {
    id,
    trainedAt: (options.trainedAt ?? new Date()).toISOString(),
    labels,
    features,
    terms,
    idf,
    linear,
    temperature,
    trainingExamples: trainingSet.length,
    heldOut: { examples: calibrationSet.length, accuracy: calibrationSet.length ? correct / calibrationSet.length : 0 },
  };
}
