import { describe, expect, it } from 'vitest';
import type { PredictionResult, PredictorInstance } from '../plugins/predictor.js';
import { PluginError } from '../plugins/errors.js';
import { buildFieldDefinition } from '../testing/builders.js';
import { FakePredictorInstance } from '../testing/fake-predictor.js';
import { PredictionRunner, type PredictionRunRequest } from './prediction-runner.js';

const category = buildFieldDefinition({ key: 'category', type: 'choice', options: [{ value: 'billing' }] });
const email = buildFieldDefinition({ key: 'email', type: 'email', predictors: ['regex'] });
const orderId = buildFieldDefinition({ key: 'orderId', type: 'text', fillOn: ['updates'] });

const request = (overrides: Partial<PredictionRunRequest> = {}): PredictionRunRequest => ({
  fields: [category, email, orderId],
  messages: [{ id: 'm1', author: 'customer', text: 'I was charged twice, write to jane@example.com' }],
  context: { source: 'test' },
  channel: 'chat',
  ...overrides,
});

describe('PredictionRunner', () => {
  it('asks each predictor only for the fields that allow it and collects predictions', async () => {
    const regex = new FakePredictorInstance({ id: 'regex', answer: [{ field: 'email', value: 'jane@example.com', confidence: 1 }] });
    const llm = new FakePredictorInstance({
      id: 'llm',
      answer: [
        { field: 'category', value: 'billing', confidence: 0.9 },
        { field: 'email', value: 'x@example.com', confidence: 0.9 },
      ],
    });
    const runner = new PredictionRunner(new Map<string, PredictorInstance>([['regex', regex], ['llm', llm]]));
    const report = await runner.run(request());
    expect(regex.calls[0]?.fields.map((field) => field.key)).toEqual(['category', 'email', 'orderId']);
    expect(llm.calls[0]?.fields.map((field) => field.key)).toEqual(['category', 'orderId']);
    expect(report.predictions.map((prediction) => `${prediction.predictor.id}:${prediction.field}`).sort()).toEqual(['llm:category', 'regex:email']);
    expect(report.ran).toEqual(['regex', 'llm']);
    expect(report.errors).toEqual([]);
    expect(report.usage.map((usage) => usage.predictorId)).toEqual(['regex', 'llm']);
  });

  it('filters fields by scope and passes messages, context and current values', async () => {
    const fake = new FakePredictorInstance({ id: 'llm' });
    await new PredictionRunner(new Map([['llm', fake]])).run(request({ scope: 'chatCreation', currentValues: { category: 'billing' } }));
    expect(fake.calls[0]?.fields.map((field) => field.key)).toEqual(['category']);
    expect(fake.calls[0]?.context).toEqual({ source: 'test' });
    expect(fake.calls[0]?.currentValues).toEqual({ category: 'billing' });
    expect(fake.calls[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('skips a predictor that has no field to predict', async () => {
    const fake = new FakePredictorInstance({ id: 'learned' });
    const report = await new PredictionRunner(new Map([['learned', fake]])).run(request({ fields: [email] }));
    expect(fake.calls).toHaveLength(0);
    expect(report.ran).toEqual([]);
  });

  it('stamps the configured id and version, drops predictions for fields not asked and keeps one per field', async () => {
    const rogue: PredictorInstance = {
      version: '2.1',
      async doPredict(): Promise<PredictionResult> {
        return {
          predictions: [
            { field: 'category', value: 'billing', confidence: 0.5, evidence: [], predictor: { id: 'something-else', version: '9' } },
            { field: 'category', value: 'billing', confidence: 0.8, evidence: [], predictor: { id: 'something-else', version: '9', model: 'm' } },
            { field: 'email', value: 'a@b.co', confidence: 1, evidence: [], predictor: { id: 'x', version: '1' } },
          ],
          warnings: ['degraded'],
          usage: { inputTokens: 10, outputTokens: 3 },
        };
      },
    };
    const report = await new PredictionRunner(new Map([['acme', rogue]])).run(request());
    expect(report.predictions).toEqual([
      { field: 'category', value: 'billing', confidence: 0.8, evidence: [], predictor: { id: 'acme', version: '9', model: 'm' } },
    ]);
    expect(report.warnings.map((warning) => warning.message)).toEqual([
      'degraded',
      'more than one prediction for field "category"; kept the most confident',
      'dropped a prediction for field "email", which this predictor was not asked to fill',
    ]);
    expect(report.usage[0]).toMatchObject({ predictorId: 'acme', inputTokens: 10, outputTokens: 3 });
  });

  it('reports a failing predictor without failing the run', async () => {
    const good = new FakePredictorInstance({ id: 'rules', answer: [{ field: 'category', value: 'billing', confidence: 1 }] });
    const bad = new FakePredictorInstance({ id: 'llm' }).failWith(new PluginError('AUTH', 'bad API key'));
    const broken = new FakePredictorInstance({ id: 'acme' }).failWith(new TypeError('oops'));
    const report = await new PredictionRunner(new Map([['rules', good], ['llm', bad], ['acme', broken]])).run(request());
    expect(report.predictions).toHaveLength(1);
    expect(report.errors).toEqual([
      { predictorId: 'llm', code: 'AUTH', message: 'bad API key', retryable: false },
      { predictorId: 'acme', code: 'INTERNAL', message: 'predictor acme failed: oops', retryable: false },
    ]);
  });

  it('times out a slow predictor and aborts its signal', async () => {
    const slow = new FakePredictorInstance({ id: 'llm', delayMs: 5_000 });
    const fast = new FakePredictorInstance({ id: 'rules', answer: [{ field: 'category', value: 'billing', confidence: 1 }] });
    const report = await new PredictionRunner(new Map([['llm', slow], ['rules', fast]]), { timeoutMs: 20 }).run(request());
    expect(report.errors).toEqual([{ predictorId: 'llm', code: 'TIMEOUT', message: 'predictor llm did not answer within 20 ms', retryable: true }]);
    expect(slow.calls[0]?.signal?.aborted).toBe(true);
    expect(report.predictions).toHaveLength(1);
  });

  it('rethrows when every predictor failed with a retryable error', async () => {
    const limited = new PluginError('RATE_LIMITED', 'slow down', { retryAfterMs: 1000 });
    const llm = new FakePredictorInstance({ id: 'llm' }).failWith(limited);
    const other = new FakePredictorInstance({ id: 'other' }).failWith(new PluginError('TEMPORARY', 'down'));
    await expect(new PredictionRunner(new Map([['llm', llm], ['other', other]])).run(request())).rejects.toBe(limited);
  });

  it('does not rethrow when one of the failures is permanent', async () => {
    const llm = new FakePredictorInstance({ id: 'llm' }).failWith(new PluginError('TEMPORARY', 'down'));
    const other = new FakePredictorInstance({ id: 'other' }).failWith(new PluginError('INVALID_INPUT', 'bad'));
    const report = await new PredictionRunner(new Map([['llm', llm], ['other', other]])).run(request());
    expect(report.errors.map((error) => error.code)).toEqual(['TEMPORARY', 'INVALID_INPUT']);
  });

  it('rejects a malformed result as an internal error', async () => {
    const malformed: PredictorInstance = { version: '1', doPredict: async () => ({}) as PredictionResult };
    const report = await new PredictionRunner(new Map([['bad', malformed]])).run(request());
    expect(report.errors[0]).toMatchObject({ code: 'INTERNAL', message: 'predictor bad returned no predictions array' });
  });

  it('stops predictors when the caller aborts', async () => {
    const slow = new FakePredictorInstance({ id: 'llm', delayMs: 5_000 });
    const controller = new AbortController();
    const running = new PredictionRunner(new Map([['llm', slow]])).run(request({ signal: controller.signal }));
    controller.abort(new PluginError('TEMPORARY', 'shutting down'));
    await expect(running).rejects.toMatchObject({ code: 'TEMPORARY', message: 'shutting down' });
  });

  it('validates its timeout', () => {
    expect(() => new PredictionRunner(new Map(), { timeoutMs: 0 })).toThrow('PredictionRunner timeoutMs must be a positive number of milliseconds, got 0');
  });

  it('drops evidence quotes that do not occur in the conversation, with a warning', async () => {
    const fake = new FakePredictorInstance({
      id: 'llm',
      answer: [{ field: 'category', value: 'billing', confidence: 0.9, evidence: [{ messageId: 'm1', quote: 'charged twice' }, { messageId: 'm1', quote: 'refund me now' }] }],
    });
    const report = await new PredictionRunner(new Map([['llm', fake]])).run(request());
    expect(report.predictions[0]?.evidence).toEqual([{ messageId: 'm1', quote: 'charged twice' }]);
    expect(report.warnings).toEqual([{ predictorId: 'llm', message: 'dropped 1 evidence quote(s) for field "category" that do not occur in the conversation' }]);
  });
});
