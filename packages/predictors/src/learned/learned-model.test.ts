import { describe, expect, it } from 'vitest';
import { readCsv } from '../../bench/read-csv.mjs';
import { deserializeLearnedModel, serializeLearnedModel } from './learned-model.js';
import { TextClassifier } from './text-classifier.js';
import { thresholdFigures, trainLearnedModel, type TrainProgress } from './train.js';

const BITEXT = new URL('../../../../../shared/eval/intents/bitext-dev.csv', import.meta.url).pathname;
const BANKING77 = new URL('../../../../../shared/eval/intents/banking77-train.csv', import.meta.url).pathname;
const rows = readCsv(BITEXT).map((row) => ({ text: row.utterance!, label: row.category! }));
const training = rows.filter((_, index) => index % 5 !== 0).filter((_, index) => index % 3 === 0);
const validation = rows.filter((_, index) => index % 5 === 0);

describe('trainLearnedModel', () => {
  it('learns Bitext categories from 1.8k examples with calibrated, reproducible output', async () => {
    const progress: TrainProgress[] = [];
    const model = await trainLearnedModel(training, { seed: 3, trainedAt: new Date('2026-01-02T00:00:00Z') }, (step) => progress.push(step));
    const classifier = new TextClassifier(model);
    const correct = validation.filter((example) => classifier.classify(example.text)?.label === example.label).length;
    expect(correct / validation.length).toBeGreaterThan(0.97);
    expect(model.heldOut.accuracy).toBeGreaterThan(0.95);
    expect(model.trainedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(progress.at(-1)).toEqual({ stage: 'done', fraction: 1 });
    expect(progress.map((step) => step.fraction)).toEqual([...progress.map((step) => step.fraction)].sort((left, right) => left - right));

    const again = await trainLearnedModel(training, { seed: 3 });
    expect(again.id).toBe(model.id);
    expect(model.id).toMatch(/^tfidf-svm-[0-9a-f]{12}$/);
  });

  it('round-trips through JSON with the same predictions and version', async () => {
    const model = await trainLearnedModel(training.slice(0, 600), { seed: 1 });
    const json = JSON.stringify(serializeLearnedModel(model));
    const restored = deserializeLearnedModel(JSON.parse(json));
    expect(restored.id).toBe(model.id);
    // Kept quantised in memory (a quarter of float32), and serialised again byte for byte.
    expect(restored.linear.weights).toBeInstanceOf(Int8Array);
    expect(JSON.stringify(serializeLearnedModel(restored))).toBe(json);
    const original = new TextClassifier(model);
    const reloaded = new TextClassifier(restored);
    for (const example of validation.slice(0, 200)) {
      const before = original.classify(example.text);
      const after = reloaded.classify(example.text);
      expect(after?.label).toBe(before?.label);
      expect(after?.confidence).toBeCloseTo(before?.confidence ?? 0, 2);
    }
  });

  it('reads a model saved in format version 1 (before stemming, word pairs and the calibrator)', async () => {
    const model = await trainLearnedModel(training.slice(0, 600), { seed: 1, features: { wordNgrams: [1, 2], charNgrams: [2, 5] } });
    const { calibrator: _calibrator, ...saved } = serializeLearnedModel(model);
    const restored = deserializeLearnedModel({ ...saved, formatVersion: 1 });
    expect(restored.calibrator).toBeNull();
    expect(restored.features).toEqual({ wordNgrams: [1, 2], charNgrams: [2, 5] });
    const result = new TextClassifier(restored).classify(validation[0]!.text);
    expect(result?.confidence).toBeCloseTo(new TextClassifier(restored).probabilities(validation[0]!.text)[restored.labels.indexOf(result!.label)]!, 10);
    expect(() => deserializeLearnedModel({ ...saved, formatVersion: 3 })).toThrow('model.formatVersion must be 1 or 2');
  });

  it('learns from every example and calibrates its confidence on a part held out first', async () => {
    // A harder task than Bitext, so the held-out part holds enough wrong answers to calibrate on.
    const banking = readCsv(BANKING77).map((row) => ({ text: row.text!, label: row.category! }));
    const bankingTraining = banking.filter((_, index) => index % 3 === 0);
    const bankingValidation = banking.filter((_, index) => index % 3 === 1);
    const model = await trainLearnedModel(bankingTraining, { seed: 5 });
    expect(model.trainingExamples).toBe(bankingTraining.length);
    expect(model.heldOut.examples).toBeGreaterThan(bankingTraining.length * 0.08);
    expect(model.heldOut.accuracy).toBeGreaterThan(0.75);
    expect(model.calibrator).toHaveLength(5);
    // The threshold guide: higher thresholds answer fewer texts and are right more often.
    const guide = model.heldOut.atThresholds!;
    expect(guide.map((entry) => entry.threshold)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 0.95]);
    guide.slice(1).forEach((entry, index) => {
      expect(entry.coverage).toBeLessThanOrEqual(guide[index]!.coverage);
      expect(entry.precision ?? 1).toBeGreaterThanOrEqual((guide[index]!.precision ?? 0) - 0.02);
      expect(entry.precision ?? 1).toBeGreaterThanOrEqual(entry.threshold - 0.05);
    });
    expect(guide[0]!.coverage).toBeGreaterThan(0.7);
    // Calibrated: on unseen text, the share of right answers is about the mean confidence.
    const classifier = new TextClassifier(model);
    const outcomes = bankingValidation.map((example) => ({ ...classifier.classify(example.text)!, right: classifier.classify(example.text)?.label === example.label }));
    const meanConfidence = outcomes.reduce((sum, outcome) => sum + outcome.confidence, 0) / outcomes.length;
    const accuracy = outcomes.filter((outcome) => outcome.right).length / outcomes.length;
    expect(Math.abs(meanConfidence - accuracy)).toBeLessThan(0.03);
  });

  it('gives the share answered and the share right at each guide threshold', () => {
    expect(thresholdFigures([0.95, 0.75, 0.55, 0.3], [true, false, true, false])).toEqual([
      { threshold: 0.5, precision: 2 / 3, coverage: 0.75 },
      { threshold: 0.6, precision: 0.5, coverage: 0.5 },
      { threshold: 0.7, precision: 0.5, coverage: 0.5 },
      { threshold: 0.8, precision: 1, coverage: 0.25 },
      { threshold: 0.9, precision: 1, coverage: 0.25 },
      { threshold: 0.95, precision: 1, coverage: 0.25 },
    ]);
    expect(thresholdFigures([0.2], [true])[0]).toEqual({ threshold: 0.5, precision: null, coverage: 0 });
  });

  it('abstains on a text without any known term', async () => {
    const model = await trainLearnedModel(training.slice(0, 300), { seed: 1 });
    expect(new TextClassifier(model).classify('zzqx ♥♥')).toBeNull();
  });

  it('rejects unusable training data and broken models with clear messages', async () => {
    await expect(trainLearnedModel([{ text: 'a', label: 'x' }, { text: 'b', label: 'x' }])).rejects.toThrow('at least two distinct labels');
    await expect(trainLearnedModel([{ text: 'a', label: '' }])).rejects.toThrow('training example 0 needs a text and a non-empty label');
    const model = serializeLearnedModel(await trainLearnedModel(training.slice(0, 300), { seed: 1 }));
    expect(() => deserializeLearnedModel({ ...model, format: 'other' })).toThrow('invalid learned model: format');
    expect(() => deserializeLearnedModel({ ...model, bias: 'AAAA' })).toThrow(/model.bias holds 0 values; expected \d+/);
    expect(model.weightsEncoding).toBe('deflate-raw');
    expect(() => deserializeLearnedModel({ ...model, weights: 'AAAA' })).toThrow(/model.weights is not valid deflate-raw data/);
    expect(() => deserializeLearnedModel({ ...model, weightsEncoding: 'gzip' })).toThrow('model.weightsEncoding must be "deflate-raw" when set');
    // Weights stored uncompressed (as before) still load.
    const restored = deserializeLearnedModel(model);
    const plain = { ...model, weightsEncoding: undefined, weights: Buffer.from(restored.linear.weights.buffer).toString('base64') };
    expect(deserializeLearnedModel(plain).linear.weights).toEqual(restored.linear.weights);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by admin'));
    await expect(trainLearnedModel(training.slice(0, 300), { signal: controller.signal })).rejects.toThrow('cancelled by admin');
  });
});
