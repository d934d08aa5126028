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
});
