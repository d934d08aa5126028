import { calibratedConfidence, confidenceFeatures, fitConfidenceCalibrator, fitTemperature, softmaxInPlace } from './calibration.js';
import { modelVersionId, type LearnedModel, type ThresholdFigures } from './learned-model.js';
import { scoreRow, trainOneVsRestSvm, type LinearWeights } from './linear-svm.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './text-features.js';
import { TermTable, TfidfVectorizer } from './tfidf-vectorizer.js';

export interface TrainingExample {
  text: string;
  label: string;
}

export interface TrainOptions {
  features?: FeatureOptions;
  /** SVM inverse regularisation strength. Default 2. */
  c?: number;
  /** Fraction of each label's examples held out to fit the confidence temperature. Default 0.1. */
  calibrationFraction?: number;
  /** Terms in fewer training texts than this are dropped. Default 1. */
  minDocumentFrequency?: number;
  maxEpochs?: number;
  /** The solver stops a class once its projected gradients span less than this. Default 0.1 (LIBLINEAR's). */
  tolerance?: number;
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

/** Thresholds the held-out figures are given for. */
export const GUIDE_THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

/** Share answered and share right among the answers, at each guide threshold. */
export function thresholdFigures(confidences: readonly number[], right: readonly boolean[]): ThresholdFigures[] {
  return GUIDE_THRESHOLDS.map((threshold) => {
    let answered = 0;
    let rightAnswers = 0;
    confidences.forEach((confidence, index) => {
      if (confidence < threshold) return;
      answered += 1;
      if (right[index]) rightAnswers += 1;
    });
    return { threshold, precision: answered ? rightAnswers / answered : null, coverage: confidences.length ? answered / confidences.length : 0 };
  });
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Trains a TF-IDF + one-vs-rest linear SVM text classifier on labelled examples, then fits on a
 * held-out stratified split its softmax temperature and the calibrator that turns scores into
 * the probability that the predicted label is right, then refits on every example. CPU only;
 * about 7 s for 10k short texts on one core.
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
  const fitOptions = { minDocumentFrequency: options.minDocumentFrequency ?? 1 };
  const svmOptions = { c: options.c ?? 2, maxEpochs: options.maxEpochs ?? 100, tolerance: options.tolerance ?? 0.1, seed };
  const reportClasses = (from: number, to: number) => async (done: number) => {
    onProgress?.({ stage: 'training', fraction: from + ((to - from) * done) / labels.length });
    await yieldToEventLoop();
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('training aborted');
  };
  const refit = calibrationSet.length > 0;

  // 1. Train on the training split alone, so the held-out split shows how the model does on unseen text.
  onProgress?.({ stage: 'vectorizing', fraction: 0 });
  const everything = [...trainingSet, ...calibrationSet];
  const table = new TermTable(everything.map((example) => example.text), features);
  const split = TfidfVectorizer.fitTable(table, trainingSet.keys(), fitOptions);
  const targets = Int32Array.from(trainingSet, (example) => labelIndex.get(example.label)!);
  onProgress?.({ stage: 'training', fraction: 0.1 });
  const splitModel = await trainOneVsRestSvm(split.rows, targets, labels.length, split.vectorizer.dimension, svmOptions, reportClasses(0.1, refit ? 0.65 : 0.95));

  // 2. Fit the temperature and the confidence calibrator on the held-out split.
  onProgress?.({ stage: 'calibrating', fraction: refit ? 0.65 : 0.95 });
  const calibrationScores = calibrationSet.map((example) => scoreRow(splitModel, split.vectorizer.transform(example.text)));
  const calibrationTargets = Int32Array.from(calibrationSet, (example) => labelIndex.get(example.label)!);
  const temperature = fitTemperature(calibrationScores, calibrationTargets);
  const rightAnswers = calibrationScores.map((scores, index) => scores.indexOf(Math.max(...scores)) === calibrationTargets[index]);
  const correct = rightAnswers.filter(Boolean).length;
  const calibrator = fitConfidenceCalibrator(
    calibrationScores.map((scores) => confidenceFeatures(scores, temperature)),
    rightAnswers,
  );
  const heldOutConfidences = calibrationScores.map((scores) =>
    calibrator ? calibratedConfidence(calibrator, confidenceFeatures(scores, temperature)) : Math.max(...softmaxInPlace(Float64Array.from(scores), temperature)),
  );

  // 3. Refit on every example, warm-started from the first run's dual variables (a fraction of its cost),
  //    so no labelled example is wasted; the calibration carries over to the refitted model.
  let vectorizer = split.vectorizer;
  let linear: LinearWeights = splitModel;
  if (refit) {
    onProgress?.({ stage: 'vectorizing', fraction: 0.7 });
    const full = TfidfVectorizer.fitTable(table, everything.keys(), fitOptions);
    onProgress?.({ stage: 'training', fraction: 0.75 });
    const allTargets = Int32Array.from(everything, (example) => labelIndex.get(example.label)!);
    linear = await trainOneVsRestSvm(full.rows, allTargets, labels.length, full.vectorizer.dimension, { ...svmOptions, warmStart: splitModel.dual }, reportClasses(0.75, 0.95));
    vectorizer = full.vectorizer;
  }
  const { classCount, dimension, weights, bias } = linear;
  linear = { classCount, dimension, weights, bias };
  const { terms, idf } = vectorizer.state;
  const id = modelVersionId([JSON.stringify({ labels, features, temperature, calibrator }), terms.join('\n'), idf, linear.weights, linear.bias]);
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
    calibrator,
    trainingExamples: examples.length,
    heldOut: {
      examples: calibrationSet.length,
      accuracy: calibrationSet.length ? correct / calibrationSet.length : 0,
      ...(calibrationSet.length ? { atThresholds: thresholdFigures(heldOutConfidences, rightAnswers) } : {}),
    },
  };
}
