import { describe, expect, it } from 'vitest';
import { runPredictorContract } from '@autocase/core/testing';
import type { FieldDefinition, PluginContext, PredictionInput, PredictionMessage } from '@autocase/core';
import rulesPredictor from './rules-predictor.js';
import type { RulesConfig } from './rules-config.js';

const field = (key: string, options: string[] = []): FieldDefinition => ({
  key, label: key, type: options.length ? 'choice' : 'text', options: options.map((value) => ({ value, description: '' })), description: '',
  requiredForCreation: false, fillOn: ['chatCreation', 'emailCreation', 'updates'], predictors: [], threshold: 0.7,
});
const category = field('category', ['billing', 'shipping', 'vip']);
const priority = field('priority', ['high', 'normal']);
const context: PluginContext = {
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  fetch: globalThis.fetch, now: () => new Date(0), signal: new AbortController().signal,
};
const customer = (id: string, text: string): PredictionMessage => ({ id, author: 'customer', text });

const config: RulesConfig = {
  rules: [
    { id: 'vip-domain', field: 'category', value: 'vip', confidence: 0.99, conditions: [{ type: 'senderDomain', domains: ['bigcorp.com'] }, { type: 'channel', channels: ['email'] }] },
    { id: 'refund', field: 'category', value: 'billing', conditions: [{ type: 'containsAny', words: ['refund', 'money back', 'charged twice'] }] },
    { id: 'late', field: 'category', value: 'shipping', conditions: [{ type: 'containsAll', words: ['parcel', 'late'] }] },
    { id: 'urgent', field: 'priority', value: 'high', confidence: 0.8, match: 'any', conditions: [{ type: 'regex', pattern: '\\burgent(ly)?\\b' }, { type: 'contextEquals', key: 'plan', values: ['Enterprise'] }] },
    { id: 'billing-normal', field: 'priority', value: 'normal', confidence: 0.6, conditions: [{ type: 'fieldEquals', field: 'category', values: ['billing'] }, { type: 'contextEquals', key: 'plan', values: ['enterprise'], negate: true }] },
  ],
};

async function predict(overrides: Partial<PredictionInput>) {
  const instance = await rulesPredictor.create(rulesPredictor.configSchema.parse(config), context);
  const result = await instance.doPredict({ fields: [category, priority], messages: [customer('c1', 'Hello')], context: {}, channel: 'chat', ...overrides });
  return { result, values: Object.fromEntries(result.predictions.map((prediction) => [prediction.field, prediction.value])) };
}

runPredictorContract({
  predictor: rulesPredictor,
  config,
  invalidConfigs: [{}, { rules: [] }, { rules: [{ field: 'category', value: 'x', conditions: [] }] }],
  context,
  samples: [
    { fields: [category, priority], messages: [customer('c1', 'I need a REFUND, urgently please')], context: {}, channel: 'chat' },
    { fields: [category], messages: [customer('c1', 'where is my parcel? it is late')], context: { senderDomain: 'bigcorp.com' }, channel: 'email' },
  ],
});

describe('rules predictor', () => {
  it('applies the first matching rule per field with the matched words as evidence', async () => {
    const { result } = await predict({ messages: [customer('c1', 'Hi'), customer('c2', 'I want my Money  back, URGENT')] });
    expect(result.predictions).toEqual([
      { field: 'category', value: 'billing', confidence: 0.9, evidence: [{ messageId: 'c2', quote: 'Money  back' }], predictor: { id: 'rules', version: expect.stringMatching(/^rules-[0-9a-f]{12}$/) } },
      { field: 'priority', value: 'high', confidence: 0.8, evidence: [{ messageId: 'c2', quote: 'URGENT' }], predictor: { id: 'rules', version: expect.any(String) } },
    ]);
  });

  it('uses sender domain and channel together, before later text rules', async () => {
    const email = await predict({ channel: 'email', context: { sender: 'Ann <ann@eu.bigcorp.com>' }, messages: [customer('c1', 'refund please')] });
    expect(email.values.category).toBe('vip');
    const chat = await predict({ channel: 'chat', context: { sender: 'ann@eu.bigcorp.com' }, messages: [customer('c1', 'refund please')] });
    expect(chat.values.category).toBe('billing');
  });

  it('requires every word for containsAll and whole words by default', async () => {
    expect((await predict({ messages: [customer('c1', 'my parcel is here')] })).values.category).toBeUndefined();
    expect((await predict({ messages: [customer('c1', 'the parcel is late')] })).values.category).toBe('shipping');
    expect((await predict({ messages: [customer('c1', 'refunds are fun')] })).values.category).toBeUndefined();
  });

  it('reads context variables and the current values of other fields, with negation', async () => {
    expect((await predict({ context: { plan: 'enterprise' } })).values.priority).toBe('high');
    expect((await predict({ currentValues: { category: 'billing' } })).values.priority).toBe('normal');
    expect((await predict({ currentValues: { category: 'billing' }, context: { plan: 'ENTERPRISE' } })).values.priority).toBe('high');
  });

  it('only answers the fields asked', async () => {
    const { result } = await predict({ fields: [priority], messages: [customer('c1', 'refund, urgent')] });
    expect(result.predictions.map((prediction) => prediction.field)).toEqual(['priority']);
  });

  it('skips a rule whose value is not an option, with a warning', async () => {
    const instance = await rulesPredictor.create(rulesPredictor.configSchema.parse({ rules: [{ id: 'odd', field: 'category', value: 'returns', conditions: [{ type: 'containsAny', words: ['return'] }] }] }), context);
    const result = await instance.doPredict({ fields: [category], messages: [customer('c1', 'a return')], context: {}, channel: 'chat' });
    expect(result.predictions).toEqual([]);
    expect(result.warnings).toEqual(['rule odd sets "category" to "returns", which is not an option of the field']);
  });

  it('explains invalid rules', () => {
    const issues = (candidate: unknown) => rulesPredictor.configSchema.safeParse(candidate).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues({ rules: [{ field: 'category', value: 'x', conditions: [] }] })).toContain('rules.0.conditions: a rule needs at least one condition');
    expect(issues({ rules: [{ field: 'category', value: 'x', conditions: [{ type: 'regex', pattern: '(' }] }] })?.[0]).toMatch(/^rules\.0\.conditions\.0\.pattern: pattern is not a valid regular expression/);
    expect(issues({ rules: [{ field: 'Category', value: 'x', conditions: [{ type: 'channel', channels: ['chat'] }] }] })).toContain('rules.0.field: field must be a case field key such as "category"');
    expect(issues({ rules: [{ id: 'a', field: 'c', value: 1, conditions: [{ type: 'channel', channels: ['chat'] }] }, { id: 'a', field: 'c', value: 2, conditions: [{ type: 'channel', channels: ['chat'] }] }] })).toContain('rules.1.id: duplicate rule id "a"');
  });
});
