import { describe, expect, it } from 'vitest';
import { describeLlmTest, toLlmForm, toLlmPayload } from './llm-settings';

describe('LLM settings form', () => {
  it('never prefills the key and sends it only when typed', () => {
    const form = toLlmForm({ enabled: true, provider: 'anthropic', model: 'claude-sonnet-4-5', apiKeySet: true });
    expect(form.apiKey).toBe('');
    expect(toLlmPayload(form)).toEqual({ enabled: true, provider: 'anthropic', model: 'claude-sonnet-4-5' });
    expect(toLlmPayload({ ...form, apiKey: ' sk-new ' })).toMatchObject({ apiKey: 'sk-new' });
    expect(toLlmPayload({ ...form, clearApiKey: true })).toMatchObject({ clearApiKey: true });
  });

  it('sends the base URL for compatible servers', () => {
    const form = { ...toLlmForm(undefined), provider: 'openai-compatible' as const, model: 'llama3.1:8b', baseURL: 'http://127.0.0.1:11434/v1' };
    expect(toLlmPayload(form)).toEqual({ enabled: false, provider: 'openai-compatible', model: 'llama3.1:8b', baseURL: 'http://127.0.0.1:11434/v1' });
  });
});

describe('describeLlmTest', () => {
  it('explains success and failure', () => {
    expect(describeLlmTest({ ok: true, message: 'The model answered.', latencyMs: 812 })).toBe('The model answered. (812 ms)');
    expect(describeLlmTest({ ok: false, code: 'AUTH', message: 'invalid API key', provider: 'openai', model: 'gpt-4o-mini' })).toBe('AUTH: invalid API key (openai, gpt-4o-mini)');
  });
});
