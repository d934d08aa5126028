import { describe, expect, it } from 'vitest';
import type { SummarizerInstance } from '@autocase/core';
import { summarizerWithFallback } from './summarizer-with-fallback.js';

const messages = [{ id: 'm1', author: 'customer' as const, text: 'I want my money back' }];
const offline: SummarizerInstance = { doSummarize: async () => ({ text: 'offline summary', summarizer: { id: 'extractive', version: '1' } }) };
const failing: SummarizerInstance = { doSummarize: async () => { throw new Error('provider unreachable'); } };
const working: SummarizerInstance = { doSummarize: async () => ({ text: 'llm summary', summarizer: { id: 'llm', version: '1' } }) };
const warnings: string[] = [];
const logger = { debug() {}, info() {}, warn: (message: string) => void warnings.push(message), error() {} };

describe('summarizerWithFallback', () => {
  it('answers with the primary summarizer while it works', async () => {
    expect((await summarizerWithFallback(working, offline, logger).doSummarize({ messages, format: 'paragraph' })).text).toBe('llm summary');
  });

  it('falls back to the offline summarizer when the primary fails, and logs why', async () => {
    warnings.length = 0;
    expect((await summarizerWithFallback(failing, offline, logger).doSummarize({ messages, format: 'paragraph' })).text).toBe('offline summary');
    expect(warnings).toEqual(['LLM summary failed; using the offline summarizer']);
  });

  it('rethrows the failure when there is no fallback', async () => {
    await expect(summarizerWithFallback(failing, undefined, logger).doSummarize({ messages, format: 'paragraph' })).rejects.toThrow('provider unreachable');
  });
});
