import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FieldDefinition, PluginContext, PredictionMessage } from '@autocase/core';
import regexPredictor from './regex-predictor.js';

interface AbcdConversation {
  convo_id: number;
  scenario: { personal: Record<string, string>; order: Record<string, string> };
  original: [string, string][];
}

const folder = new URL('../../../../../shared/eval/conversations/', import.meta.url);
const conversations = new Map<number, AbcdConversation>();
for (const file of ['abcd-sample.json', 'abcd-more-examples.json']) {
  for (const conversation of JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as AbcdConversation[]) conversations.set(conversation.convo_id, conversation);
}

const AUTHORS: Record<string, PredictionMessage['author']> = { customer: 'customer', agent: 'agent', action: 'system' };
const field = (key: string, type: FieldDefinition['type']): FieldDefinition => ({
  key, label: key, type, options: [], description: '', requiredForCreation: false,
  fillOn: ['chatCreation', 'emailCreation', 'updates'], predictors: [], threshold: 0.7,
});
const fields = [field('email', 'email'), field('phone', 'phone'), field('orderId', 'text'), field('username', 'text')];
const config = regexPredictor.configSchema.parse({
  fields: {
    orderId: { extractor: 'reference', labels: ['order id', 'order number', 'order no', 'order #'] },
    username: { extractor: 'username' },
  },
});
const context: PluginContext = {
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  fetch: globalThis.fetch, now: () => new Date(0), signal: new AbortController().signal,
};

/** The label's value in the form the predictor normalises to, when the customer actually typed it. */
function expectedValues(conversation: AbcdConversation): Record<string, string | undefined> {
  const customerText = conversation.original.filter(([speaker]) => speaker === 'customer').map(([, text]) => text).join('\n');
  const present = (raw: string | undefined) => (raw && customerText.toLowerCase().includes(raw.toLowerCase()) ? raw : undefined);
  const { email, phone, username } = conversation.scenario.personal;
  const typedPhone = present(phone);
  return {
    email: present(email)?.toLowerCase(),
    phone: typedPhone ? `+1${typedPhone.replace(/\D/g, '')}` : undefined,
    orderId: present(conversation.scenario.order.order_id),
    username: present(username),
  };
}

describe('regex predictor on the ABCD conversations', () => {
  const all = [...conversations.values()];

  it('has labelled values to look for', () => {
    const expectedCount = all.flatMap((conversation) => Object.values(expectedValues(conversation))).filter(Boolean).length;
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(expectedCount).toBe(10);
  });

  it.each(all.map((conversation) => [conversation.convo_id, conversation] as const))('conversation %i: every present value found, nothing else', async (_, conversation) => {
    const messages = conversation.original.map(([speaker, text], index) => ({ id: `turn-${index}`, author: AUTHORS[speaker] ?? 'system', text }));
    const instance = await regexPredictor.create(config, context);
    const result = await instance.doPredict({ fields, messages, context: {}, channel: 'chat' });
    const predicted = Object.fromEntries(result.predictions.map((prediction) => [prediction.field, prediction.value]));
    const expected = Object.fromEntries(Object.entries(expectedValues(conversation)).filter(([, value]) => value !== undefined));
    expect(predicted).toEqual(expected);
    for (const prediction of result.predictions) {
      for (const evidence of prediction.evidence) expect(messages.find((message) => message.id === evidence.messageId)?.text).toContain(evidence.quote);
    }
  });
});
