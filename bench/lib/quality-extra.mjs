// Prediction quality the predictors package's own script does not cover: the regex predictor on
// ABCD chats (precision/recall of the customer's typed identifiers) and the learned predictor on
// CFPB complaint narratives (product, stratified 5-fold).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import regexPredictor from '@autocase/predictors/regex';
import { TextClassifier, trainLearnedModel } from '@autocase/predictors/learned';
import { readCsv } from '../../packages/predictors/bench/read-csv.mjs';

const AUTHORS = { customer: 'customer', agent: 'agent', action: 'system' };
const QUIET_CONTEXT = { logger: { debug() {}, info() {}, warn() {}, error() {} }, fetch: globalThis.fetch, now: () => new Date(), signal: new AbortController().signal };

const field = (key, type) => ({ key, label: key, type, options: [], description: '', requiredForCreation: false, fillOn: ['chatCreation', 'emailCreation', 'updates'], predictors: [], threshold: 0.7 });

/** Values the customer actually typed (the labels ABCD gives, normalised as the predictor returns them). */
function typedValues(conversation) {
  const customerText = conversation.original.filter(([speaker]) => speaker === 'customer').map(([, text]) => text).join('\n').toLowerCase();
  const present = (raw) => (raw && customerText.includes(String(raw).toLowerCase()) ? String(raw) : undefined);
  const { email, phone, username } = conversation.scenario.personal;
  const typedPhone = present(phone);
  return { email: present(email)?.toLowerCase(), phone: typedPhone ? `+1${typedPhone.replace(/\D/g, '')}` : undefined, orderId: present(conversation.scenario.order?.order_id), username: present(username) };
}

export async function regexOnAbcd(folder) {
  const byId = new Map();
  for (const file of ['abcd-sample.json', 'abcd-more-examples.json']) for (const conversation of JSON.parse(readFileSync(join(folder, file), 'utf8'))) byId.set(conversation.convo_id, conversation);
  const fields = [field('email', 'email'), field('phone', 'phone'), field('orderId', 'text'), field('username', 'text')];
  const config = regexPredictor.configSchema.parse({ fields: { orderId: { extractor: 'reference', labels: ['order id', 'order number', 'order no', 'order #'] }, username: { extractor: 'username' } } });
  const instance = await regexPredictor.create(config, QUIET_CONTEXT);
  let truePositives = 0;
  let predictedCount = 0;
  let expectedCount = 0;
  const latencies = [];
  for (const conversation of byId.values()) {
    const messages = conversation.original.map(([speaker, text], index) => ({ id: `turn-${index}`, author: AUTHORS[speaker] ?? 'system', text }));
    const started = performance.now();
    const result = await instance.doPredict({ fields, messages, context: {}, channel: 'chat' });
    latencies.push(performance.now() - started);
    const expected = typedValues(conversation);
    expectedCount += Object.values(expected).filter(Boolean).length;
    predictedCount += result.predictions.length;
    truePositives += result.predictions.filter((prediction) => expected[prediction.field] !== undefined && String(prediction.value) === expected[prediction.field]).length;
  }
  return { conversations: byId.size, expectedValues: expectedCount, precision: predictedCount ? truePositives / predictedCount : 1, recall: expectedCount ? truePositives / expectedCount : 1, meanMs: latencies.reduce((sum, value) => sum + value, 0) / latencies.length };
}

function stratifiedFolds(examples, folds) {
  const byLabel = new Map();
  for (const example of examples) byLabel.set(example.label, [...(byLabel.get(example.label) ?? []), example]);
  return [...byLabel.keys()].sort().flatMap((label) => byLabel.get(label).map((example, index) => ({ ...example, fold: index % folds })));
}

function macroF1(outcomes) {
  const labels = new Set(outcomes.map((outcome) => outcome.expected));
  let sum = 0;
  for (const label of labels) {
    const truePositive = outcomes.filter((outcome) => outcome.predicted === label && outcome.expected === label).length;
    const predicted = outcomes.filter((outcome) => outcome.predicted === label).length;
    const actual = outcomes.filter((outcome) => outcome.expected === label).length;
    const precision = predicted ? truePositive / predicted : 0;
    const recall = actual ? truePositive / actual : 0;
    sum += precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return sum / labels.size;
}

/** Learned predictor on CFPB narratives → Product (products with ≥ 10 narratives), stratified 5-fold. */
export async function learnedOnCfpb(file, threshold = 0.7) {
  const rows = readCsv(file).filter((row) => row['Consumer complaint narrative']?.trim());
  const counts = new Map();
  for (const row of rows) counts.set(row.Product, (counts.get(row.Product) ?? 0) + 1);
  const examples = rows.filter((row) => counts.get(row.Product) >= 10).map((row) => ({ text: row['Consumer complaint narrative'], label: row.Product }));
  const withFolds = stratifiedFolds(examples, 5);
  const outcomes = [];
  let trainMs = 0;
  for (let fold = 0; fold < 5; fold += 1) {
    const started = performance.now();
    const model = await trainLearnedModel(withFolds.filter((example) => example.fold !== fold), { seed: 1 });
    trainMs += performance.now() - started;
    const classifier = new TextClassifier(model);
    for (const example of withFolds.filter((candidate) => candidate.fold === fold)) {
      const result = classifier.classify(example.text);
      outcomes.push({ expected: example.label, predicted: result?.label ?? null, confidence: result?.confidence ?? 0 });
    }
  }
  const accepted = outcomes.filter((outcome) => outcome.confidence >= threshold);
  return {
    examples: examples.length,
    products: new Set(examples.map((example) => example.label)).size,
    accuracy: outcomes.filter((outcome) => outcome.predicted === outcome.expected).length / outcomes.length,
    macroF1: macroF1(outcomes),
    threshold,
    precisionAtThreshold: accepted.length ? accepted.filter((outcome) => outcome.predicted === outcome.expected).length / accepted.length : 1,
    coverageAtThreshold: accepted.length / outcomes.length,
    meanTrainingSeconds: trainMs / 5000,
  };
}
