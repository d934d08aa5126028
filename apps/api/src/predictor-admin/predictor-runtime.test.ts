import { describe, expect, it } from 'vitest';
import { PredictionRunner, type CaseEngineDeps, type PredictorInstance, type SummarizerInstance } from '@autocase/core';
import rulesPredictor from '@autocase/predictors/rules';
import { pino } from 'pino';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { PredictorRuntime } from './predictor-runtime.js';

const logger = pino({ level: 'silent' });
const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const field = { key: 'category', label: 'Category', type: 'choice' as const, options: [{ value: 'refund', description: '' }], description: '', requiredForCreation: false, fillOn: ['updates' as const], predictors: [], threshold: 0.5 };
const messages = [{ id: 'm1', author: 'customer' as const, text: 'I want my money back' }];
const rules = { rules: [{ field: 'category', value: 'refund', conditions: [{ type: 'containsAny', words: ['money back'] }] }] };

function engineWith(summarizer: SummarizerInstance | undefined): CaseEngineDeps {
  return { predictors: new PredictionRunner(new Map<string, PredictorInstance>()), summarizer } as unknown as CaseEngineDeps;
}

describe('PredictorRuntime', () => {
  it('swaps predictors at runtime for the engine and for holders of the boot runner', async () => {
    const engine = engineWith(undefined);
    const bootRunner = engine.predictors;
    const runtime = new PredictorRuntime(new PluginRegistry([], logger), engine, new AbortController().signal, clock, logger);
    await runtime.install();
    expect(engine.predictors).toBe(runtime);
    const request = { fields: [field], messages, context: {}, channel: 'chat' as const };
    expect((await bootRunner.run(request)).predictions).toEqual([]);
    await runtime.replace('rules', '@autocase/predictors/rules', rulesPredictor as never, rules);
    expect((await bootRunner.run(request)).predictions[0]).toMatchObject({ field: 'category', value: 'refund', predictor: { id: 'rules' } });
    await runtime.replace('rules', '@autocase/predictors/rules', rulesPredictor as never, { rules: 'not a list' });
    expect(runtime.statuses().find((status) => status.id === 'rules')).toMatchObject({ status: 'failed', detail: expect.stringContaining('rules') });
    expect(runtime.predictorIds).toEqual([]);
  });

  it('falls back to the boot summarizer when the LLM summary fails, and restores it when switched off', async () => {
    const offline: SummarizerInstance = { doSummarize: async () => ({ text: 'offline summary', summarizer: { id: 'extractive', version: '1' } }) };
    const engine = engineWith(offline);
    const runtime = new PredictorRuntime(new PluginRegistry([], logger), engine, new AbortController().signal, clock, logger);
    await runtime.install();
    await runtime.useLlmSummarizer({ provider: 'openai-compatible', model: 'none', baseURL: 'http://127.0.0.1:9/v1', maxAttempts: 1, timeoutMs: 2000 });
    expect(engine.summarizer).not.toBe(offline);
    expect((await engine.summarizer!.doSummarize({ messages, format: 'paragraph' })).text).toBe('offline summary');
    expect(runtime.statuses().find((status) => status.kind === 'summarizer')).toMatchObject({ id: 'llm', status: 'active' });
    await runtime.useLlmSummarizer(null);
    expect(engine.summarizer).toBe(offline);
  });
});
