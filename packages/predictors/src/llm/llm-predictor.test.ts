import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APICallError } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPredictorContract } from '@autocase/core/testing';
import { PluginError, type FieldDefinition, type PluginContext, type PredictionMessage } from '@autocase/core';
import llmPredictor, { type LlmConfig } from './llm-predictor.js';

const field = (key: string, type: FieldDefinition['type'], options: [string, string][] = []): FieldDefinition => ({
  key, label: key, type, options: options.map(([value, description]) => ({ value, description })), description: `the ${key}`,
  requiredForCreation: false, fillOn: ['chatCreation', 'emailCreation', 'updates'], predictors: [], threshold: 0.7,
});
const category = field('category', 'choice', [['refund', 'use when money should go back; not for exchanges'], ['shipping', 'delivery questions']]);
const orderId = field('orderId', 'text');
const quantity = field('quantity', 'number');
const fields = [category, orderId, quantity];
const warnings: string[] = [];
const context: PluginContext = {
  logger: { debug() {}, info() {}, warn: (message) => warnings.push(message), error() {} },
  fetch: globalThis.fetch, now: () => new Date(0), signal: new AbortController().signal,
};
const messages: PredictionMessage[] = [
  { id: 'm1', author: 'agent', text: 'Hi, how can I help?' },
  { id: 'm2', author: 'customer', text: 'I want my money back for order  AB-1234, 2 items. Card 4111 1111 1111 1111, mail jo@x.io' },
];
const goodAnswer = {
  fields: {
    category: { value: 'refund', confidence: 0.92, quote: 'I want my money back' },
    orderId: { value: 'AB-1234', confidence: 1.4, quote: 'order ab-1234' },
    quantity: { value: '2', confidence: 0.8, quote: '2 items' },
  },
};

function mockModel(answer: unknown | (() => unknown)) {
  return new MockLanguageModelV4({
    provider: 'mock', modelId: 'mock-1',
    doGenerate: async () => ({
      content: [{ type: 'text', text: JSON.stringify(typeof answer === 'function' ? (answer as () => unknown)() : answer) }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: { total: 120, noCache: 120, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 30, text: 30, reasoning: 0 } },
      warnings: [],
    }),
  });
}

async function predict(config: Partial<LlmConfig>, input: { fields?: FieldDefinition[]; messages?: PredictionMessage[] } = {}) {
  const parsed = llmPredictor.configSchema.parse({ provider: 'openai', model: 'mock-1', backoffMs: 1, ...config });
  const instance = await llmPredictor.create(parsed, context);
  return instance.doPredict({ fields: input.fields ?? fields, messages: input.messages ?? messages, context: { subject: 'Refund' }, channel: 'chat' });
}

runPredictorContract({
  predictor: llmPredictor,
  config: { provider: 'openai', model: 'mock-1', languageModel: mockModel(goodAnswer) },
  invalidConfigs: [{ provider: 'openai-compatible', model: 'x' }, { provider: 'gemini', model: 'x' }, { provider: 'openai', model: '' }],
  context,
  samples: [{ fields, messages, context: {}, channel: 'chat' }],
});

describe('llm predictor with a mock model', () => {
  it('returns guarded values with verbatim evidence, usage and the model name', async () => {
    const model = mockModel(goodAnswer);
    const result = await predict({ languageModel: model });
    expect(result.predictions).toEqual([
      { field: 'category', value: 'refund', confidence: 0.92, evidence: [{ messageId: 'm2', quote: 'I want my money back' }], predictor: { id: 'llm', version: 'llm-1', model: 'mock/mock-1' } },
      { field: 'orderId', value: 'AB-1234', confidence: 1, evidence: [{ messageId: 'm2', quote: 'order  AB-1234' }], predictor: { id: 'llm', version: 'llm-1', model: 'mock/mock-1' } },
      { field: 'quantity', value: 2, confidence: 0.8, evidence: [{ messageId: 'm2', quote: '2 items' }], predictor: { id: 'llm', version: 'llm-1', model: 'mock/mock-1' } },
    ]);
    expect(result.usage).toMatchObject({ inputTokens: 120, outputTokens: 30 });
    const prompt = JSON.stringify(model.doGenerateCalls[0]?.prompt);
    expect(prompt).toContain('use when money should go back; not for exchanges');
    expect(prompt).toContain('subject: Refund');
    expect(prompt).toContain('[CARD NUMBER]');
    expect(prompt).not.toContain('4111 1111');
    expect(result.warnings).toEqual(['redacted 1 card number before calling the model']);
  });

  it('drops a value outside the options and a quote that is not in the conversation', async () => {
    const result = await predict({
      languageModel: mockModel({ fields: { category: { value: 'exchange', confidence: 0.9, quote: 'money back' }, orderId: { value: 'AB-9999', confidence: 0.9, quote: 'order AB-9999' }, quantity: { value: null, confidence: 0, quote: '' } } }),
    });
    expect(result.predictions).toEqual([]);
    expect(result.warnings).toContain('dropped the model\'s value for "category": "exchange" is not one of the allowed options');
    expect(result.warnings).toContain('dropped the model\'s value for "orderId": its quote "order AB-9999" is not in the conversation');
  });

  it('redacts emails and phones when asked', async () => {
    const model = mockModel(goodAnswer);
    const result = await predict({ languageModel: model, redact: { emails: true, phones: true, cardNumbers: false } }, {
      messages: [{ id: 'm1', author: 'customer', text: 'reach me at jo@x.io or (415) 555-2671' }],
    });
    const prompt = JSON.stringify(model.doGenerateCalls[0]?.prompt);
    expect(prompt).toContain('reach me at [EMAIL] or [PHONE]');
    expect(result.warnings?.[0]).toBe('redacted 1 email and 1 phone number before calling the model');
  });

  it('retries a rate limit with backoff, and maps auth failures without retrying', async () => {
    let calls = 0;
    const flaky = new MockLanguageModelV4({
      doGenerate: async (options) => {
        calls += 1;
        if (calls === 1) throw new APICallError({ message: 'slow down', url: 'http://x', requestBodyValues: {}, statusCode: 429, responseHeaders: { 'retry-after': '0' } });
        return (mockModel(goodAnswer).doGenerate as (o: typeof options) => ReturnType<MockLanguageModelV4['doGenerate']>)(options);
      },
    });
    expect((await predict({ languageModel: flaky })).predictions).toHaveLength(3);
    expect(calls).toBe(2);
    const denied = new MockLanguageModelV4({ doGenerate: async () => { throw new APICallError({ message: 'bad key', url: 'http://x', requestBodyValues: {}, statusCode: 401 }); } });
    await expect(predict({ languageModel: denied })).rejects.toMatchObject({ code: 'AUTH' });
    expect(denied.doGenerateCalls).toHaveLength(1);
  });

  it('gives up with TIMEOUT when the model does not answer in time', async () => {
    const silent = new MockLanguageModelV4({ doGenerate: (options) => new Promise((_, reject) => options.abortSignal?.addEventListener('abort', () => reject(options.abortSignal?.reason))) });
    const failure = await predict({ languageModel: silent, timeoutMs: 50 }).catch((error: unknown) => error);
    expect(PluginError.is(failure) && failure.code).toBe('TIMEOUT');
  });

  it('explains a missing baseURL for openai-compatible', () => {
    const parsed = llmPredictor.configSchema.safeParse({ provider: 'openai-compatible', model: 'llama3.1' });
    expect(parsed.error?.issues[0]?.message).toContain('baseURL is required for the openai-compatible provider');
  });
});

describe('llm predictor against a local OpenAI-compatible server', () => {
  let server: Server;
  let baseURL: string;
  const requests: { path: string; authorization?: string; body: Record<string, unknown> }[] = [];
  let failuresLeft = 0;
  let failureStatus = 429;

  const readBody = (request: IncomingMessage) => new Promise<string>((resolve) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => resolve(body));
  });

  beforeAll(async () => {
    const answer = async (request: IncomingMessage, response: ServerResponse) => {
      const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
      requests.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        response.writeHead(failureStatus, { 'content-type': 'application/json', 'retry-after': '0' });
        response.end(JSON.stringify({ error: { message: 'try later', type: 'rate_limit' } }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({
        id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'local-model',
        choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(goodAnswer) }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 200, completion_tokens: 40, total_tokens: 240 },
      }));
    };
    server = createServer((request, response) => {
      answer(request, response).catch(() => response.writeHead(500).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('goes through the real provider, survives a 429 and records usage', async () => {
    requests.length = 0;
    failuresLeft = 1;
    failureStatus = 429;
    const result = await predict({ provider: 'openai-compatible', model: 'local-model', baseURL, apiKey: 'local-secret' });
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject({ path: '/v1/chat/completions', authorization: 'Bearer local-secret', body: { model: 'local-model', response_format: { type: 'json_schema' } } });
    expect(result.predictions.map((prediction) => [prediction.field, prediction.value])).toEqual([['category', 'refund'], ['orderId', 'AB-1234'], ['quantity', 2]]);
    expect(result.predictions[0]?.predictor.model).toBe('openai-compatible/local-model');
    expect(result.usage).toMatchObject({ inputTokens: 200, outputTokens: 40 });
    expect(warnings.some((warning) => warning.includes('attempt 1 failed (RATE_LIMITED)'))).toBe(true);
  });

  it('fails with TEMPORARY after the last attempt of a 503', async () => {
    requests.length = 0;
    failuresLeft = 5;
    failureStatus = 503;
    await expect(predict({ provider: 'openai-compatible', model: 'local-model', baseURL, maxAttempts: 2 })).rejects.toMatchObject({ code: 'TEMPORARY' });
    expect(requests).toHaveLength(2);
  });
});
