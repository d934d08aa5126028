import { describe, expect, it } from 'vitest';
import { PluginError } from '../plugins/errors.js';
import { buildFieldDefinition, buildSettings } from '../testing/builders.js';
import { FakePredictorInstance } from '../testing/fake-predictor.js';
import { backtestValuesMatch, runBacktest, type BacktestExample } from './backtest.js';
import { PredictionRunner } from './prediction-runner.js';

const category = buildFieldDefinition({ key: 'category', type: 'choice', options: [{ value: 'billing', label: 'Billing' }, { value: 'shipping' }], threshold: 0.6, fillOn: ['emailCreation'] });
const name = buildFieldDefinition({ key: 'name', type: 'text' });
const phone = buildFieldDefinition({ key: 'phone', type: 'phone' });

const examples: BacktestExample[] = [
  { id: 'e1', messages: [{ id: 'm1', author: 'customer', text: 'charged twice' }], expected: { category: 'billing', name: 'Jane Doe' } },
  { id: 'e2', messages: [{ id: 'm2', author: 'customer', text: 'where is my parcel' }], expected: { category: 'shipping' } },
  { id: 'e3', messages: [{ id: 'm3', author: 'customer', text: 'hmm' }], expected: { category: 'billing' } },
];

function keywordPredictor() {
  return new FakePredictorInstance({
    id: 'rules',
    answer: (input) => {
      const text = input.messages.map((message) => message.text).join(' ');
      if (text.includes('charged')) return [{ field: 'category', value: 'billing', confidence: 0.9, evidence: [{ messageId: 'm1', quote: 'charged' }] }, { field: 'name', value: 'jane  doe', confidence: 0.8 }];
      if (text.includes('parcel')) return [{ field: 'category', value: 'billing', confidence: 0.7 }];
      return [{ field: 'category', value: 'shipping', confidence: 0.3 }];
    },
  });
}

describe('runBacktest', () => {
  it('reports match rate, coverage and precision per field, and each example', async () => {
    const seen: number[] = [];
    const report = await runBacktest({
      runner: new PredictionRunner(new Map([['rules', keywordPredictor()]])),
      fields: [category, name, phone],
      settings: buildSettings(),
      examples,
      onCase: (_result, processed) => {
        seen.push(processed);
      },
    });
    expect(report.examples).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(report.fields).toEqual([
      { field: 'category', labelled: 3, predicted: 2, correct: 1, matchRate: 1 / 3, coverage: 2 / 3, precision: 0.5 },
      { field: 'name', labelled: 1, predicted: 1, correct: 1, matchRate: 1, coverage: 1, precision: 1 },
    ]);
    expect(report.cases[0]?.fields[0]).toMatchObject({ field: 'category', expected: 'billing', predicted: 'billing', correct: true, confidence: 0.9, predictor: { id: 'rules' }, evidence: [{ quote: 'charged' }] });
    expect(report.cases[2]?.fields[0]).toMatchObject({ predicted: null, correct: false, abstention: 'rules: confidence 0.3 is below the field threshold 0.6' });
  });

  it('keeps the proposed value and its confidence on abstained rows', async () => {
    const report = await runBacktest({ runner: new PredictionRunner(new Map([['rules', keywordPredictor()]])), fields: [category], settings: buildSettings(), examples: examples.slice(2) });
    expect(report.cases[0]?.fields[0]).toMatchObject({ predicted: null, proposed: 'shipping', confidence: 0.3, predictor: { id: 'rules' }, correct: false });
    expect(report.fields[0]).toMatchObject({ predicted: 0, correct: 0 });
  });

  it('reports a predictor that failed on every example, with its error, while the others answered', async () => {
    const failing = new FakePredictorInstance({ id: 'llm' }).failWith(new PluginError('AUTH', 'the OpenAI API key is missing'));
    const report = await runBacktest({ runner: new PredictionRunner(new Map<string, FakePredictorInstance>([['rules', keywordPredictor()], ['llm', failing]])), fields: [category], settings: buildSettings(), examples });
    expect(report.failed).toBe(3);
    expect(report.predictorFailures).toEqual([{ predictorId: 'llm', failedExamples: 3, code: 'AUTH', message: expect.stringContaining('the OpenAI API key is missing') }]);
    expect(report.cases[0]).toMatchObject({ error: expect.stringContaining('llm: '), predictorErrors: [{ predictorId: 'llm', code: 'AUTH' }] });
    expect(report.cases[0]?.fields[0]).toMatchObject({ predicted: 'billing', correct: true });
  });

  it('honours the scope when given', async () => {
    const report = await runBacktest({ runner: new PredictionRunner(new Map([['rules', keywordPredictor()]])), fields: [category, name], settings: buildSettings(), examples, scope: 'chatCreation' });
    expect(report.fields.map((field) => field.field)).toEqual(['name']);
  });

  it('counts examples whose predictors failed and keeps going', async () => {
    const failing = new FakePredictorInstance({ id: 'llm' }).failWith(new PluginError('TEMPORARY', 'down'));
    const report = await runBacktest({ runner: new PredictionRunner(new Map([['llm', failing]])), fields: [category], settings: buildSettings(), examples: examples.slice(0, 2), collectCases: false });
    expect(report).toMatchObject({ examples: 2, failed: 2, cases: [] });
  });

  it('reads examples from an async source', async () => {
    async function* source() {
      yield* examples;
    }
    const report = await runBacktest({ runner: new PredictionRunner(new Map([['rules', keywordPredictor()]])), fields: [category], settings: buildSettings(), examples: source() });
    expect(report.examples).toBe(3);
  });
});

describe('backtestValuesMatch', () => {
  it('compares options exactly (after mapping labels), text loosely, phones by digits', () => {
    expect(backtestValuesMatch(category, 'Billing', 'billing')).toBe(true);
    expect(backtestValuesMatch(category, 'billing', 'shipping')).toBe(false);
    expect(backtestValuesMatch(name, 'Jane Doe', ' jane  doe ')).toBe(true);
    expect(backtestValuesMatch(phone, '+1 415 555 0100', '+14155550100')).toBe(true);
    expect(backtestValuesMatch(name, null, null)).toBe(true);
    expect(backtestValuesMatch(name, 'x', null)).toBe(false);
  });
});
