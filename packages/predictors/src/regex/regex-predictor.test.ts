import { describe, expect, it } from 'vitest';
import { runPredictorContract } from '@autocase/core/testing';
import type { FieldDefinition, PluginContext, PredictionMessage } from '@autocase/core';
import regexPredictor from './regex-predictor.js';
import type { RegexConfig } from './regex-config.js';

const field = (key: string, type: FieldDefinition['type'], options: string[] = []): FieldDefinition => ({
  key, label: key, type, options: options.map((value) => ({ value, description: '' })), description: '', requiredForCreation: false,
  fillOn: ['chatCreation', 'emailCreation', 'updates'], predictors: [], threshold: 0.7,
});
const context: PluginContext = {
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  fetch: globalThis.fetch, now: () => new Date(0), signal: new AbortController().signal,
};
const customer = (id: string, text: string): PredictionMessage => ({ id, author: 'customer', text });
const agent = (id: string, text: string): PredictionMessage => ({ id, author: 'agent', text });

async function predict(config: RegexConfig, fields: FieldDefinition[], messages: PredictionMessage[]) {
  const instance = await regexPredictor.create(regexPredictor.configSchema.parse(config), context);
  const result = await instance.doPredict({ fields, messages, context: {}, channel: 'chat' });
  return { values: Object.fromEntries(result.predictions.map((prediction) => [prediction.field, prediction.value])), result };
}

runPredictorContract({
  predictor: regexPredictor,
  config: { fields: { orderId: { extractor: 'reference', labels: ['order id'] } } },
  invalidConfigs: [{ defaultCountry: 'XX' }, { fields: { a: { extractor: 'pattern', pattern: '(' } } }, { fields: { a: { extractor: 'telepathy' } } }],
  context,
  samples: [{
    fields: [field('email', 'email'), field('phone', 'phone'), field('orderId', 'text')],
    messages: [agent('a1', 'How can I help?'), customer('c1', 'Order ID: 12345678, mail me at Jo.Doe@Example.COM or call +44 20 7946 0958')],
    context: {}, channel: 'chat',
  }],
});

describe('regex predictor', () => {
  it('normalises phones to E.164 and ignores bare numbers that are not asked for', async () => {
    const { values } = await predict({}, [field('phone', 'phone')], [customer('c1', 'my number is (415) 555-2671')]);
    expect(values.phone).toBe('+14155552671');
    expect((await predict({ defaultCountry: 'GB' }, [field('phone', 'phone')], [customer('c1', 'ring 020 7946 0958 please')])).values.phone).toBe('+442079460958');
    expect((await predict({}, [field('phone', 'phone')], [customer('c1', 'it is 4155552671')])).values.phone).toBeUndefined();
    expect((await predict({}, [field('phone', 'phone')], [agent('a1', 'What phone number can we call?'), customer('c1', '4155552671')])).values.phone).toBe('+14155552671');
    expect((await predict({}, [field('phone', 'phone')], [customer('c1', 'order number 415-555-2671')])).values.phone).toBeUndefined();
  });

  it('finds references by label or as the answer to the question, upper-cased', async () => {
    const config: RegexConfig = { fields: { orderId: { extractor: 'reference', labels: ['order number', 'order id'], pattern: '[A-Z]{2}-?\\d{5,8}' } } };
    expect((await predict(config, [field('orderId', 'text')], [customer('c1', 'the order number is ab-123456.')])).values.orderId).toBe('AB-123456');
    const answered = await predict(config, [field('orderId', 'text')], [agent('a1', 'Could I have your order ID?'), customer('c1', 'sure: AB1234567')]);
    expect(answered.values.orderId).toBeUndefined();
    const bare = await predict(config, [field('orderId', 'text')], [agent('a1', 'Could I have your order ID?'), customer('c1', 'AB1234567')]);
    expect(bare.values.orderId).toBe('AB1234567');
    expect(bare.result.predictions[0]?.confidence).toBeCloseTo(0.85);
  });

  it('reads amounts with currency and dates in several formats', async () => {
    const amount = (text: string) => predict({}, [field('amount', 'currency')], [customer('c1', text)]).then(({ values }) => values.amount);
    expect(await amount('I was charged $1,299.5 twice')).toBe('USD 1299.50');
    expect(await amount('they took 45 EUR from me')).toBe('EUR 45.00');
    expect(await amount('€12,50 is wrong')).toBe('EUR 12.50');
    expect(await amount('EUR 1.299,50 charged')).toBe('EUR 1299.50');
    expect(await amount('about 20 pounds')).toBe('GBP 20.00');
    expect(await amount('it cost 39.99')).toBeUndefined();
    const date = (text: string, numericOrder?: 'day-first') => predict(numericOrder ? { fields: { when: { extractor: 'date', numericOrder } } } : {}, [field('when', 'date')], [customer('c1', text)]).then(({ values }) => values.when);
    expect(await date('bought on 2019-11-06')).toBe('2019-11-06');
    expect(await date('bought on November 6th, 2019')).toBe('2019-11-06');
    expect(await date('bought on 6 Nov 2019')).toBe('2019-11-06');
    expect(await date('bought on 03/04/2025')).toBe('2025-03-04');
    expect(await date('bought on 03/04/2025', 'day-first')).toBe('2025-04-03');
    expect(await date('bought on 02/30/2025')).toBeUndefined();
  });

  it('applies custom patterns with named captures, templates, normalisation and fixed choice values', async () => {
    const config: RegexConfig = {
      fields: {
        ticket: { extractor: 'pattern', pattern: 'tkt\\s*(?<prefix>[a-z]+)\\s*(?<number>\\d+)', template: '{prefix}-{number}', normalize: ['uppercase'] },
        postcode: { extractor: 'pattern', pattern: 'postcode (?<value>[a-z0-9 ]+?)(?:\\.|$)', normalize: ['uppercase', 'removeWhitespace'] },
        topic: { extractor: 'pattern', pattern: '\\brefund\\b', value: 'billing' },
      },
    };
    const fields = [field('ticket', 'text'), field('postcode', 'text'), field('topic', 'choice', ['billing', 'shipping'])];
    const { values, result } = await predict(config, fields, [customer('c1', 'About TKT ops 42: I want a refund. My postcode sw1a 1aa.')]);
    expect(values).toEqual({ ticket: 'OPS-42', postcode: 'SW1A1AA', topic: 'billing' });
    expect(result.predictions.find((prediction) => prediction.field === 'ticket')?.evidence).toEqual([{ messageId: 'c1', quote: 'TKT ops 42' }]);
  });

  it('proposes the latest value, lowering confidence and warning when values disagree without a correction', async () => {
    const { result } = await predict({}, [field('email', 'email')], [customer('c1', 'a@x.io'), customer('c2', 'or b@x.io')]);
    expect(result.predictions[0]).toMatchObject({ value: 'b@x.io', confidence: 0.7 });
    expect(result.warnings?.[0]).toContain('2 different values');
  });

  it('takes a correction at full confidence: later statements win', async () => {
    const corrected = await predict({}, [field('email', 'email')], [customer('c1', 'a@x.io'), customer('c2', 'sorry, b@x.io')]);
    expect(corrected.result.predictions[0]).toMatchObject({ value: 'b@x.io', confidence: 0.95, evidence: [{ messageId: 'c2', quote: 'b@x.io' }] });
    expect(corrected.result.warnings).toBeUndefined();
    const config: RegexConfig = { fields: { orderNumber: { extractor: 'pattern', pattern: '\\bORD-\\d{4,}\\b', flags: 'i', normalize: ['uppercase'], confidence: 0.95 } } };
    const order = await predict(config, [field('orderNumber', 'text')], [customer('c1', 'My order ORD-551203 never came'), customer('c2', 'the order is ORD-551230, not ORD-551203')]);
    expect(order.result.predictions[0]).toMatchObject({ value: 'ORD-551230', confidence: 0.95 });
  });

  it('reads only the configured authors', async () => {
    const messages = [agent('a1', 'Write to support@acme.com'), customer('c1', 'ok')];
    expect((await predict({}, [field('email', 'email')], messages)).values.email).toBeUndefined();
    expect((await predict({ authors: ['agent'] }, [field('email', 'email')], messages)).values.email).toBe('support@acme.com');
  });

  it('explains invalid configuration', () => {
    const issues = (config: unknown) => JSON.stringify(regexPredictor.configSchema.safeParse(config).error?.issues);
    expect(issues({ fields: { a: { extractor: 'pattern', pattern: '([a-z]' } } })).toContain('pattern is not a valid regular expression');
    expect(issues({ defaultCountry: 'XX' })).toContain('\\"XX\\" is not a supported ISO 3166 country code');
    expect(issues({ fields: { a: { extractor: 'reference', labels: [] } } })).toContain('reference needs at least one label');
  });
});
