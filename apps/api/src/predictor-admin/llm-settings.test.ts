import { BadRequestException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LLM_SETTINGS, LlmSettingsInputSchema, mergeLlmSettings, toLlmView } from './llm-settings.js';

describe('LLM settings', () => {
  it('keeps the stored key unless replaced or cleared, and never shows it', () => {
    const first = mergeLlmSettings(DEFAULT_LLM_SETTINGS, LlmSettingsInputSchema.parse({ enabled: true, provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-test-1234567890abcd' }));
    const kept = mergeLlmSettings(first, LlmSettingsInputSchema.parse({ enabled: true, provider: 'openai', model: 'gpt-4o' }));
    expect(kept.apiKey).toBe('sk-test-1234567890abcd');
    const view = toLlmView(kept, { status: 'active' });
    expect(JSON.stringify(view)).not.toContain('sk-test-1234567890');
    expect(view).toMatchObject({ apiKeySet: true, apiKeyLast4: 'abcd', model: 'gpt-4o' });
    expect(toLlmView({ ...kept, apiKey: 'short' }, { status: 'active' }).apiKeyLast4).toBeNull();
    const cleared = mergeLlmSettings(kept, LlmSettingsInputSchema.parse({ enabled: false, provider: 'openai', model: 'gpt-4o', clearApiKey: true }));
    expect(toLlmView(cleared, { status: 'inactive' }).apiKeySet).toBe(false);
  });

  it('names bad fields', () => {
    const result = LlmSettingsInputSchema.safeParse({ provider: 'acme', model: '', baseURL: 'not a url' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['baseURL', 'model', 'provider']);
  });

  it('sends the stored key only to the provider and base URL it was saved for', () => {
    const stored = mergeLlmSettings(DEFAULT_LLM_SETTINGS, LlmSettingsInputSchema.parse({ enabled: true, provider: 'openai-compatible', model: 'llama3', baseURL: 'http://127.0.0.1:11434/v1', apiKey: 'sk-stored-1234567890' }));
    expect(mergeLlmSettings(stored, LlmSettingsInputSchema.parse({ enabled: true, provider: 'openai-compatible', model: 'llama3.1', baseURL: 'http://127.0.0.1:11434/v1/' })).apiKey).toBe('sk-stored-1234567890');
    const elsewhere = () => mergeLlmSettings(stored, LlmSettingsInputSchema.parse({ enabled: true, provider: 'openai-compatible', model: 'llama3', baseURL: 'http://attacker.example/v1' }));
    expect(elsewhere).toThrow(BadRequestException);
    try {
      elsewhere();
    } catch (error) {
      expect((error as BadRequestException).getResponse()).toMatchObject({ issues: [{ path: 'apiKey', message: expect.stringContaining('http://127.0.0.1:11434/v1') }] });
    }
    expect(() => mergeLlmSettings(stored, LlmSettingsInputSchema.parse({ enabled: true, provider: 'anthropic', model: 'claude' }))).toThrow(/enter the API key again/);
    // A new key, or clearing it, may go anywhere.
    expect(mergeLlmSettings(stored, LlmSettingsInputSchema.parse({ enabled: true, provider: 'openai-compatible', model: 'm', baseURL: 'http://other.example/v1', apiKey: 'sk-new-key-000000' })).apiKey).toBe('sk-new-key-000000');
    expect(mergeLlmSettings(stored, LlmSettingsInputSchema.parse({ enabled: false, provider: 'openai', model: 'm', clearApiKey: true })).apiKey).toBeNull();
  });
});
