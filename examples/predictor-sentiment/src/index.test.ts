import { describe, expect, it } from 'vitest';
import type { FieldDefinition, PluginContext } from '@autocase/core';
import sentimentPredictor from './index.js';

const field: FieldDefinition = {
  key: 'sentiment', label: 'Sentiment', type: 'choice', description: '', requiredForCreation: false,
  fillOn: ['chatCreation', 'emailCreation', 'updates'], predictors: [], threshold: 0.6,
  options: [
    { value: 'negative', description: 'customer is unhappy' },
    { value: 'neutral', description: '' },
    { value: 'positive', description: 'customer is happy' },
  ],
};
const context: PluginContext = {
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  fetch: globalThis.fetch, now: () => new Date(0), signal: new AbortController().signal,
};

async function predict(texts: string[]) {
  const instance = await sentimentPredictor.create(sentimentPredictor.configSchema.parse({}), context);
  return instance.doPredict({
    fields: [field], context: {}, channel: 'chat',
    messages: texts.map((text, index) => ({ id: `m${index}`, author: 'customer' as const, text })),
  });
}

describe('sentiment predictor', () => {
  it('finds a negative customer with the strongest sentence as evidence', async () => {
    const result = await predict(['Hello.', 'This is the worst service, I am furious! My order is still lost.']);
    expect(result.predictions).toHaveLength(1);
    expect(result.predictions[0]).toMatchObject({ field: 'sentiment', value: 'negative', evidence: [{ messageId: 'm1', quote: 'This is the worst service, I am furious!' }] });
    expect(result.predictions[0]!.confidence).toBeGreaterThan(0.8);
  });

  it('handles negation', async () => {
    const result = await predict(['I am not happy with this.']);
    expect(result.predictions[0]?.value).toBe('negative');
  });

  it('abstains when nothing carries sentiment', async () => {
    const result = await predict(['My order number is 12345.']);
    expect(result.predictions).toEqual([]);
  });

  it('rejects an invalid configuration with a message naming the key', () => {
    const parsed = sentimentPredictor.configSchema.safeParse({ saturation: -1 });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('saturation');
  });
});
