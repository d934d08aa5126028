import { describe, expect, it } from 'vitest';
import type { Predictor, SummarizerInstance } from '@autocase/core';
import rulesPredictor from '@autocase/predictors/rules';
import { pino } from 'pino';
import { PluginRegistry, type LoadedPlugin } from '../plugins/plugin-registry.js';
import { PredictorRuntime } from './predictor-runtime.js';

const logger = pino({ level: 'silent' });
const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const field = { key: 'category', label: 'Category', type: 'choice' as const, options: [{ value: 'refund', description: '' }], description: '', requiredForCreation: false, fillOn: ['updates' as const], predictors: [], threshold: 0.5 };
const messages = [{ id: 'm1', author: 'customer' as const, text: 'I want my money back' }];
const request = { fields: [field], messages, context: {}, channel: 'chat' as const };
const rules = { rules: [{ field: 'category', value: 'refund', conditions: [{ type: 'containsAny', words: ['money back'] }] }] };
const offline: SummarizerInstance = { doSummarize: async () => ({ text: 'offline summary', summarizer: { id: 'extractive', version: '1' } }) };
const llm: SummarizerInstance = { doSummarize: async () => ({ text: 'llm summary', summarizer: { id: 'llm', version: '1' } }) };

function summarizerPlugin(id: string, instance: SummarizerInstance): LoadedPlugin {
  return { kind: 'summarizer', id, packageName: `@test/${id}`, config: {}, plugin: { specificationVersion: 'v1', id, configSchema: undefined as never, create: () => instance } } as LoadedPlugin;
}

function runtimeOver(plugins: LoadedPlugin[]): PredictorRuntime {
  return new PredictorRuntime(new PluginRegistry(plugins, logger), new AbortController().signal, clock, logger);
}

describe('PredictorRuntime', () => {
  it('starts the boot-time predictors with their loaded configuration', async () => {
    const runtime = runtimeOver([{ kind: 'predictor', id: 'rules', packageName: '@autocase/predictors/rules', plugin: rulesPredictor as Predictor<unknown>, config: rulesPredictor.configSchema.parse(rules) }]);
    await runtime.start();
    expect(runtime.predictorIds).toEqual(['rules']);
    expect((await runtime.run(request)).predictions[0]).toMatchObject({ field: 'category', value: 'refund', predictor: { id: 'rules' } });
    expect(runtime.statuses()).toEqual([expect.objectContaining({ kind: 'predictor', id: 'rules', status: 'active' })]);
  });

  it('stops the boot with an error naming a boot-time predictor that cannot be created', async () => {
    const broken = { ...(rulesPredictor as Predictor<unknown>), create: () => { throw new Error('model file missing'); } };
    const runtime = runtimeOver([{ kind: 'predictor', id: 'broken', packageName: '@test/broken', plugin: broken, config: {} }]);
    await expect(runtime.start()).rejects.toThrow('predictor "broken" (package "@test/broken") could not be started: model file missing');
  });

  it('swaps predictors in place, so a reference taken before the swap runs the new ones', async () => {
    const runtime = runtimeOver([]);
    await runtime.start();
    const heldAtBoot: { run: PredictorRuntime['run'] } = runtime;
    expect((await heldAtBoot.run(request)).predictions).toEqual([]);
    await runtime.replace('rules', '@autocase/predictors/rules', rulesPredictor as never, rules);
    expect((await heldAtBoot.run(request)).predictions[0]).toMatchObject({ field: 'category', value: 'refund', predictor: { id: 'rules' } });
    await runtime.replace('rules', '@autocase/predictors/rules', rulesPredictor as never, { rules: 'not a list' });
    expect(runtime.statuses().find((status) => status.id === 'rules')).toMatchObject({ status: 'failed', detail: expect.stringContaining('rules') });
    expect(runtime.predictorIds).toEqual([]);
    expect((await heldAtBoot.run(request)).predictions).toEqual([]);
    await runtime.replace('rules', '@autocase/predictors/rules', rulesPredictor as never, null);
    expect(runtime.statuses().find((status) => status.id === 'rules')).toMatchObject({ status: 'inactive' });
  });

  it('swaps the summarizer behind its stable holder and restores the boot one', async () => {
    const runtime = runtimeOver([summarizerPlugin('extractive', offline), summarizerPlugin('second', llm)]);
    await runtime.start();
    const holder = runtime.summarizer;
    expect(runtime.bootSummarizer).toBe(offline);
    expect((await holder.doSummarize({ messages, format: 'paragraph' })).text).toBe('offline summary');
    expect(runtime.statuses().map((status) => [status.id, status.status])).toEqual([['extractive', 'active'], ['second', 'inactive']]);
    runtime.useSummarizer({ id: 'llm', packageName: '@autocase/predictors/summarizers', instance: llm, detail: 'with fallback' });
    expect(runtime.summarizer).toBe(holder);
    expect((await holder.doSummarize({ messages, format: 'paragraph' })).text).toBe('llm summary');
    expect(runtime.statuses().map((status) => [status.id, status.status])).toEqual([['extractive', 'inactive'], ['second', 'inactive'], ['llm', 'active']]);
    expect(runtime.statuses().find((status) => status.id === 'llm')?.detail).toBe('with fallback');
    runtime.useSummarizer(null);
    expect((await holder.doSummarize({ messages, format: 'paragraph' })).text).toBe('offline summary');
    expect(runtime.statuses().map((status) => [status.id, status.status])).toEqual([['extractive', 'active'], ['second', 'inactive']]);
  });

  it('has no current summarizer when none is loaded or enabled', async () => {
    const runtime = runtimeOver([]);
    await runtime.start();
    expect(runtime.summarizer.current).toBeUndefined();
    await expect(runtime.summarizer.doSummarize({ messages, format: 'paragraph' })).rejects.toThrow('No summarizer is configured');
    runtime.useSummarizer({ id: 'llm', packageName: '@autocase/predictors/summarizers', instance: llm });
    expect(runtime.summarizer.current).toBe(llm);
    runtime.useSummarizer(null);
    expect(runtime.summarizer.current).toBeUndefined();
  });
});
