import { readFileSync } from 'node:fs';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import type { PluginContext, PredictionMessage } from '@autocase/core';
import extractiveSummarizer from './extractive-summarizer.js';
import llmSummarizer from './llm-summarizer.js';

const context: PluginContext = {
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  fetch: globalThis.fetch, now: () => new Date(0), signal: new AbortController().signal,
};
interface AbcdConversation { convo_id: number; original: [string, string][] }
const conversations = JSON.parse(readFileSync(new URL('../../../../../shared/eval/conversations/abcd-more-examples.json', import.meta.url), 'utf8')) as AbcdConversation[];
const toMessages = (conversation: AbcdConversation): PredictionMessage[] =>
  conversation.original.map(([speaker, text], index) => ({ id: `t${index}`, author: speaker === 'action' ? 'system' : (speaker as 'customer' | 'agent'), text }));
const returnConversation = toMessages(conversations.find((conversation) => conversation.convo_id === 3592)!);

describe('extractive summarizer', () => {
  const create = () => extractiveSummarizer.create(extractiveSummarizer.configSchema.parse({}), context);

  it('writes a structured note from verbatim sentences of a real chat', async () => {
    const summary = await (await create()).doSummarize({ messages: returnConversation, format: 'structured' });
    const lines = summary.text.split('\n');
    expect(lines.map((line) => line.split(':')[0])).toEqual(['Issue', 'Steps taken', 'Outcome', 'Next steps']);
    expect(lines[0]).toContain('I need to return an item');
    expect(lines[0]).toContain('I got the wrong size.');
    expect(lines[2]).toContain('more than 90 days we cannot accept the return');
    expect(lines[3]).toContain('they will give you a call');
    expect(summary.summarizer).toEqual({ id: 'extractive', version: 'extractive-1' });
  });

  it('writes a short paragraph that leaves out pleasantries and bare identifiers', async () => {
    const summary = await (await create()).doSummarize({ messages: returnConversation, format: 'paragraph' });
    expect(summary.text).toContain('I need to return an item');
    expect(summary.text).not.toMatch(/Have a great night|cminh730@email\.com|\(977\)/);
    expect(summary.text.split(/(?<=[.!?])\s+/).length).toBeLessThanOrEqual(4);
  });

  it('summarizes every sample conversation with each section filled or marked empty', async () => {
    const instance = await create();
    for (const conversation of conversations) {
      const { text } = await instance.doSummarize({ messages: toMessages(conversation), format: 'structured' });
      expect(text).toMatch(/^Issue: .+\nSteps taken: .+\nOutcome: .+\nNext steps: .+$/);
      expect(text).not.toContain('Issue: Not stated.');
    }
  });

  it('says so when there is nothing to summarize', async () => {
    const summary = await (await create()).doSummarize({ messages: [], format: 'paragraph' });
    expect(summary).toMatchObject({ text: '', warnings: ['the conversation has no text to summarize'] });
  });
});

describe('llm summarizer', () => {
  const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: 0 } };
  const model = (text: string) => new MockLanguageModelV4({ provider: 'mock', modelId: 'm', doGenerate: async () => ({ content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] }) });

  it('formats a structured answer as the four note lines and redacts card numbers', async () => {
    const languageModel = model(JSON.stringify({ issue: 'Wants to return jeans.', stepsTaken: 'Checked the order.', outcome: 'Refused: over 90 days.', nextSteps: 'Manager will call.' }));
    const instance = await llmSummarizer.create(llmSummarizer.configSchema.parse({ provider: 'anthropic', model: 'm', languageModel }), context);
    const summary = await instance.doSummarize({ messages: [...returnConversation, { id: 'x', author: 'customer', text: 'my card is 4111-1111-1111-1111' }], format: 'structured' });
    expect(summary.text).toBe('Issue: Wants to return jeans.\nSteps taken: Checked the order.\nOutcome: Refused: over 90 days.\nNext steps: Manager will call.');
    expect(summary.summarizer).toEqual({ id: 'llm', version: 'llm-summary-1', model: 'mock/m' });
    expect(summary.warnings).toEqual(['redacted 1 card number before calling the model']);
    expect(JSON.stringify(languageModel.doGenerateCalls[0]?.prompt)).not.toContain('4111');
  });

  it('returns a paragraph as plain text', async () => {
    const instance = await llmSummarizer.create(llmSummarizer.configSchema.parse({ provider: 'openai', model: 'm', languageModel: model('  The customer asked about a return.  ') }), context);
    expect((await instance.doSummarize({ messages: returnConversation, format: 'paragraph' })).text).toBe('The customer asked about a return.');
  });

  it('rejects a config without a model id', () => {
    expect(llmSummarizer.configSchema.safeParse({ provider: 'openai' }).error?.issues[0]?.path).toEqual(['model']);
  });
});
