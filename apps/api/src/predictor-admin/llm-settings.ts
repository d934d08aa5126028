import { z } from 'zod';
import { LLM_PROVIDERS } from '@autocase/predictors/llm';
import { validationException } from '../http/zod-validation-pipe.js';

const RedactionSchema = z.object({
  emails: z.boolean().default(false),
  phones: z.boolean().default(false),
  cardNumbers: z.boolean().default(true),
});

/** `PUT /admin/predictors/llm`: the key is write-only — omit it to keep the stored one, `clearApiKey` to remove it. */
export const LlmSettingsInputSchema = z.object({
  enabled: z.boolean().default(false),
  provider: z.enum(LLM_PROVIDERS, { error: `provider must be one of ${LLM_PROVIDERS.join(', ')}` }),
  model: z.string().trim().min(1, 'model is required (the provider\'s model id, e.g. gpt-4o-mini)').max(200),
  baseURL: z.preprocess((value) => (value === '' ? null : value), z.url({ error: 'baseURL must be an absolute URL such as http://127.0.0.1:11434/v1' }).nullable().optional()),
  apiKey: z.string().trim().min(1, 'apiKey must not be empty (omit it to keep the stored key)').max(500).optional(),
  clearApiKey: z.boolean().optional(),
  redact: RedactionSchema.optional(),
  timeoutMs: z.number().int().min(1000, 'timeoutMs must be at least 1000').max(300_000, 'timeoutMs must be at most 300000').optional(),
});
export type LlmSettingsInput = z.infer<typeof LlmSettingsInputSchema>;

/** What is stored server-side. */
export interface StoredLlmSettings {
  enabled: boolean;
  provider: (typeof LLM_PROVIDERS)[number];
  model: string;
  baseURL: string | null;
  apiKey: string | null;
  redact: z.infer<typeof RedactionSchema>;
  timeoutMs: number;
}

/** What `GET /admin/predictors/llm` answers: never the key, only whether one is set and its last 4 characters. */
export interface LlmSettingsView extends Omit<StoredLlmSettings, 'apiKey'> {
  apiKeySet: boolean;
  apiKeyLast4: string | null;
  /** Whether the llm predictor is running, and why not when it failed to start. */
  status: 'active' | 'inactive' | 'failed';
  detail?: string;
}

export const DEFAULT_LLM_SETTINGS: StoredLlmSettings = {
  enabled: false,
  provider: 'openai',
  model: '',
  baseURL: null,
  apiKey: null,
  redact: { emails: false, phones: false, cardNumbers: true },
  timeoutMs: 30_000,
};

/**
 * Where a key is sent: the provider's own API, or the base URL (normalised: no trailing slash, lower-case host);
 * `null` when the settings name no destination at all (an OpenAI-compatible provider without a base URL, refused by
 * the provider config's own validation).
 */
function keyDestination(provider: string, baseURL: string | null | undefined): string | null {
  if (!baseURL) return provider === 'openai-compatible' ? null : `${provider} (its default API)`;
  try {
    const url = new URL(baseURL);
    return `${provider} at ${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return `${provider} at ${baseURL}`;
  }
}

/**
 * Applies a PUT (or test) body to the stored settings, keeping the stored key unless a new one is given or it is
 * cleared. The stored key is only ever sent where it was saved for: a different provider or base URL needs the key
 * typed again (400 on `apiKey`), so an admin session cannot send it to a server of its choosing.
 */
export function mergeLlmSettings(stored: StoredLlmSettings, input: LlmSettingsInput): StoredLlmSettings {
  const keepsStoredKey = !input.apiKey && !input.clearApiKey && Boolean(stored.apiKey);
  const destination = keyDestination(input.provider, input.baseURL);
  const storedDestination = keyDestination(stored.provider, stored.baseURL);
  if (keepsStoredKey && destination !== null && destination !== storedDestination) {
    throw validationException([{ path: 'apiKey', message: `enter the API key again: the stored key is only sent to ${storedDestination ?? 'the provider it was saved for'}, where it was saved for` }]);
  }
  return {
    enabled: input.enabled,
    provider: input.provider,
    model: input.model,
    baseURL: input.baseURL ?? null,
    apiKey: input.apiKey ?? (input.clearApiKey ? null : stored.apiKey),
    redact: input.redact ?? stored.redact,
    timeoutMs: input.timeoutMs ?? stored.timeoutMs,
  };
}

export function toLlmView(settings: StoredLlmSettings, status: Pick<LlmSettingsView, 'status' | 'detail'>): LlmSettingsView {
  const { apiKey, ...rest } = settings;
  const last4 = apiKey && apiKey.length >= 12 ? apiKey.slice(-4) : null;
  return { ...rest, apiKeySet: Boolean(apiKey), apiKeyLast4: last4, ...status };
}

/** The llm predictor / summarizer connection config for these settings. */
export function toLlmConnection(settings: StoredLlmSettings): Record<string, unknown> {
  return {
    provider: settings.provider,
    model: settings.model,
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
    redact: settings.redact,
    timeoutMs: settings.timeoutMs,
  };
}

/**
 * Why these settings cannot run: OpenAI and Anthropic need an API key (without one the provider
 * library would look for OPENAI_API_KEY / ANTHROPIC_API_KEY in the server's environment, which
 * Autocase never uses). An OpenAI-compatible server (Ollama, vLLM, llama.cpp) may need none.
 */
export function llmKeyProblem(settings: Pick<StoredLlmSettings, 'provider' | 'apiKey'>): string | null {
  if (settings.provider === 'openai-compatible' || settings.apiKey) return null;
  const name = settings.provider === 'openai' ? 'OpenAI' : 'Anthropic';
  return `needs an API key: ${name} refuses calls without one. Type the key, then switch the LLM predictor on`;
}
