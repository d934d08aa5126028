import { describe, expect, it } from 'vitest';
import { runPredictorContract } from '@autocase/core/testing';
import type { FieldDefinition, PluginContext, PredictionMessage } from '@autocase/core';
import { readCsv } from '../../bench/read-csv.mjs';
import learnedPredictor from './learned-predictor.js';
import { serializeLearnedModel } from './learned-model.js';
import { trainLearnedModel } from './train.js';

const BITEXT = new URL('../../../../../shared/eval/intents/bitext-dev.csv', import.meta.url).pathname;
const examples = readCsv(BITEXT)
  .filter((_, index) => index % 6 === 0)
  .map((row) => ({ text: row.utterance!, label: row.category! }));
const model = serializeLearnedModel(await trainLearnedModel(examples, { seed: 1 }));
const labels = [...new Set(examples.map((example) => example.label))].sort();

const categoryField: FieldDefinition = {
  key: 'category', label: 'Category', type: 'choice', description: '', requiredForCreation: false,
  fillOn: ['chatCreation', 'emailCreation', 'updates'], predictors: [], threshold: 0.7,
  options: labels.map((value) => ({ value, description: '' })),
};
const subjectField: FieldDefinition = { ...categoryField, key: 'subject', type: 'text', options: [] };
const context: PluginContext = {
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  fetch: globalThis.fetch, now: () => new Date(0), signal: new AbortController().signal,
};
const messages: PredictionMessage[] = [
  { id: 'm1', author: 'agent', text: 'Hello, how can I help you today?' },
  { id: 'm2', author: 'customer', text: 'Hi there.' },
  { id: 'm3', author: 'customer', text: 'I want to cancel the order I placed yesterday, how do I do that?' },
];

runPredictorContract({
  predictor: learnedPredictor,
  config: { models: { category: model } },
  invalidConfigs: [{}, { models: { category: { format: 'x' } } }, { models: { category: model }, authors: [] }],
  context,
  samples: [{ fields: [categoryField, subjectField], messages, context: {}, channel: 'chat' }],
});

describe('learned predictor', () => {
  it('predicts the category with the most telling customer message as evidence', async () => {
    const instance = await learnedPredictor.create(learnedPredictor.configSchema.parse({ models: { category: model } }), context);
    const result = await instance.doPredict({ fields: [categoryField, subjectField], messages, context: {}, channel: 'chat' });
    expect(result.predictions).toHaveLength(1);
    expect(result.predictions[0]).toMatchObject({
      field: 'category', value: 'ORDER',
      evidence: [{ messageId: 'm3', quote: messages[2]!.text }],
      predictor: { id: 'learned', version: model.id },
    });
    expect(result.predictions[0]!.confidence).toBeGreaterThan(0.7);
    expect(instance.version).toBe(`category@${model.id}`);
  });

  it('quotes the sentence that speaks most for the label, verbatim, when a message has several', async () => {
    const instance = await learnedPredictor.create(learnedPredictor.configSchema.parse({ models: { category: model } }), context);
    const text = 'Good morning, I hope you are well. I want to cancel the order I placed yesterday, how do I do that? Thanks a lot for your help.';
    const result = await instance.doPredict({ fields: [categoryField], messages: [{ id: 'e1', author: 'customer', text }], context: {}, channel: 'email' });
    expect(result.predictions[0]).toMatchObject({ value: 'ORDER', evidence: [{ messageId: 'e1', quote: 'I want to cancel the order I placed yesterday, how do I do that?' }] });
    expect(text).toContain(result.predictions[0]!.evidence[0]!.quote);
  });

  it('loads models from a host-supplied loader', async () => {
    const config = learnedPredictor.configSchema.parse({ loadModels: async () => ({ category: model }) });
    const instance = await learnedPredictor.create(config, context);
    const result = await instance.doPredict({ fields: [categoryField], messages, context: {}, channel: 'chat' });
    expect(result.predictions[0]?.value).toBe('ORDER');
  });

  it('abstains with a warning when the predicted label is not an option of the field', async () => {
    const narrowField = { ...categoryField, options: [{ value: 'REFUND', description: '' }] };
    const instance = await learnedPredictor.create(learnedPredictor.configSchema.parse({ models: { category: model } }), context);
    const result = await instance.doPredict({ fields: [narrowField], messages, context: {}, channel: 'chat' });
    expect(result.predictions).toEqual([]);
    expect(result.warnings?.[0]).toContain('predicted "ORDER", which is not an option of the field');
  });

  it('explains a missing model configuration', () => {
    const parsed = learnedPredictor.configSchema.safeParse({});
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('needs `models`');
  });
});
