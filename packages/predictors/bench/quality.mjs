// Quality of the learned predictor on the evaluation data: node packages/predictors/bench/quality.mjs
// (run `pnpm --filter @autocase/predictors build` first). Prints accuracy, macro-F1, precision and
// coverage at confidence thresholds, training time and prediction latency.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextClassifier, deserializeLearnedModel, serializeLearnedModel, trainLearnedModel } from '../dist/learned/index.js';
import { readCsv } from './read-csv.mjs';

const evalDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/eval/intents');
const THRESHOLDS = [0.5, 0.7, 0.8, 0.9];

function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(items, random) {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

/** Assigns each example a fold 0..folds-1, stratified by label, seeded. */
function stratifiedFolds(examples, folds, seed) {
  const random = seededRandom(seed);
  const byLabel = new Map();
  for (const example of examples) byLabel.set(example.label, [...(byLabel.get(example.label) ?? []), example]);
  const assigned = [];
  for (const label of [...byLabel.keys()].sort()) shuffled(byLabel.get(label), random).forEach((example, index) => assigned.push({ ...example, fold: index % folds }));
  return assigned;
}

function evaluate(classifier, examples) {
  const outcomes = [];
  const latencies = [];
  for (const example of examples) {
    const started = performance.now();
    const result = classifier.classify(example.text);
    latencies.push(performance.now() - started);
    outcomes.push({ expected: example.label, predicted: result?.label ?? null, confidence: result?.confidence ?? 0 });
  }
  return { outcomes, latencies };
}

function summarize(outcomes) {
  const correct = outcomes.filter((outcome) => outcome.predicted === outcome.expected).length;
  const labels = new Set(outcomes.map((outcome) => outcome.expected));
  let f1Sum = 0;
  for (const label of labels) {
    const truePositive = outcomes.filter((outcome) => outcome.predicted === label && outcome.expected === label).length;
    const predictedCount = outcomes.filter((outcome) => outcome.predicted === label).length;
    const actualCount = outcomes.filter((outcome) => outcome.expected === label).length;
    const precision = predictedCount ? truePositive / predictedCount : 0;
    const recall = actualCount ? truePositive / actualCount : 0;
    f1Sum += precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  const atThreshold = THRESHOLDS.map((threshold) => {
    const accepted = outcomes.filter((outcome) => outcome.confidence >= threshold);
    const acceptedCorrect = accepted.filter((outcome) => outcome.predicted === outcome.expected).length;
    return { threshold, precision: accepted.length ? acceptedCorrect / accepted.length : 1, coverage: accepted.length / outcomes.length };
  });
  // Selective prediction: the most confident answers first; the largest share that keeps 98 % precision.
  const ranked = [...outcomes].sort((left, right) => right.confidence - left.confidence);
  let rightSoFar = 0;
  let coverageAt98 = { coverage: 0, threshold: 1 };
  ranked.forEach((outcome, index) => {
    if (outcome.predicted === outcome.expected) rightSoFar += 1;
    if (rightSoFar / (index + 1) >= 0.98 && ranked[index + 1]?.confidence !== outcome.confidence) coverageAt98 = { coverage: (index + 1) / ranked.length, threshold: outcome.confidence };
  });
  return { accuracy: correct / outcomes.length, macroF1: f1Sum / labels.size, atThreshold, coverageAt98 };
}

const percent = (value) => `${(value * 100).toFixed(2)} %`;
function percentile(values, fraction) {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

function printReport(name, summary, extra) {
  console.log(`\n${name}`);
  console.log(`  accuracy ${percent(summary.accuracy)}   macro-F1 ${percent(summary.macroF1)}`);
  for (const { threshold, precision, coverage } of summary.atThreshold) console.log(`  confidence ≥ ${threshold.toFixed(2)}: precision ${percent(precision)}, coverage ${percent(coverage)}`);
  console.log(`  coverage at 98 % precision: ${percent(summary.coverageAt98.coverage)} (confidence ≥ ${summary.coverageAt98.threshold.toFixed(3)})`);
  for (const [key, value] of Object.entries(extra)) console.log(`  ${key}: ${value}`);
}

async function banking77() {
  const examples = readCsv(join(evalDir, 'banking77-train.csv')).map((row) => ({ text: row.text, label: row.category }));
  const withFolds = stratifiedFolds(examples, 5, 42);
  const training = withFolds.filter((example) => example.fold !== 0);
  const validation = withFolds.filter((example) => example.fold === 0);
  const started = performance.now();
  const model = await trainLearnedModel(training, { seed: 1 });
  const trainSeconds = (performance.now() - started) / 1000;
  const serialized = JSON.stringify(serializeLearnedModel(model));
  const classifier = new TextClassifier(deserializeLearnedModel(JSON.parse(serialized)));
  const { outcomes, latencies } = evaluate(classifier, validation);
  const full = performance.now();
  await trainLearnedModel(examples, { seed: 1 });
  printReport(`BANKING77 — train ${training.length}, validate ${validation.length} (stratified 80/20, seed 42)`, summarize(outcomes), {
    'training time (8k)': `${trainSeconds.toFixed(2)} s`,
    'training time (all 10k)': `${((performance.now() - full) / 1000).toFixed(2)} s`,
    'prediction p50 / p99': `${percentile(latencies, 0.5).toFixed(3)} ms / ${percentile(latencies, 0.99).toFixed(3)} ms`,
    'serialised model': `${(serialized.length / 1e6).toFixed(2)} MB (${model.terms.length} terms, version ${model.id})`,
  });
}

async function bitext(column) {
  const examples = readCsv(join(evalDir, 'bitext-dev.csv')).map((row) => ({ text: row.utterance, label: row[column] }));
  const withFolds = stratifiedFolds(examples, 5, 42);
  const outcomes = [];
  let trainSeconds = 0;
  for (let fold = 0; fold < 5; fold += 1) {
    const started = performance.now();
    const model = await trainLearnedModel(withFolds.filter((example) => example.fold !== fold), { seed: 1 });
    trainSeconds += (performance.now() - started) / 1000;
    outcomes.push(...evaluate(new TextClassifier(model), withFolds.filter((example) => example.fold === fold)).outcomes);
  }
  printReport(`Bitext ${column} — 5-fold cross-validation over ${examples.length}`, summarize(outcomes), { 'mean training time per fold': `${(trainSeconds / 5).toFixed(2)} s` });
}

await banking77();
await bitext('category');
await bitext('intent');
