export const LLM_PROVIDERS = [
  { value: 'openai', label: 'OpenAI', modelHint: 'e.g. gpt-4o-mini' },
  { value: 'anthropic', label: 'Anthropic', modelHint: 'e.g. claude-sonnet-4-5' },
  { value: 'openai-compatible', label: 'OpenAI-compatible server', modelHint: 'e.g. llama3.1:8b (Ollama, vLLM, llama.cpp)' },
] as const;

export type LlmProvider = (typeof LLM_PROVIDERS)[number]['value'];

/** What the API returns: the key itself never leaves the server, only whether one is stored. */
export interface LlmSettingsView {
  enabled: boolean;
  provider: LlmProvider;
  model: string;
  baseURL?: string | null;
  apiKeySet: boolean;
  /** The last four characters of a long stored key, for recognition; never the key. */
  apiKeyLast4?: string | null;
  /** Whether the LLM predictor is running, and why not when it failed. */
  status?: 'active' | 'inactive' | 'failed';
  detail?: string;
}

export interface LlmTestResult {
  ok: boolean;
  message?: string;
  code?: string;
  provider?: string;
  model?: string;
  latencyMs?: number;
}

/** "gpt-4o-mini answered in 812 ms." or "AUTH: invalid API key (openai, gpt-4o-mini)". */
export function describeLlmTest(result: LlmTestResult): string {
  const target = [result.provider, result.model].filter(Boolean).join(', ');
  if (result.ok) return `${result.message ?? `${result.model ?? 'The model'} answered.`}${typeof result.latencyMs === 'number' ? ` (${result.latencyMs} ms)` : ''}`;
  return `${result.code ? `${result.code}: ` : ''}${result.message ?? 'The test call failed.'}${target ? ` (${target})` : ''}`;
}

export interface LlmSettingsForm {
  enabled: boolean;
  provider: LlmProvider;
  model: string;
  baseURL: string;
  /** Typed by the admin; empty keeps the stored key. */
  apiKey: string;
  clearApiKey: boolean;
}

export function toLlmForm(view: LlmSettingsView | undefined): LlmSettingsForm {
  return { enabled: view?.enabled ?? false, provider: view?.provider ?? 'openai', model: view?.model ?? '', baseURL: view?.baseURL ?? '', apiKey: '', clearApiKey: false };
}

/** The PUT body: `apiKey` only when typed, `clearApiKey` only when asked, `baseURL` only when set. */
export function toLlmPayload(form: LlmSettingsForm): Record<string, unknown> {
  const payload: Record<string, unknown> = { enabled: form.enabled, provider: form.provider, model: form.model.trim() };
  if (form.baseURL.trim()) payload.baseURL = form.baseURL.trim();
  if (form.apiKey.trim()) payload.apiKey = form.apiKey.trim();
  else if (form.clearApiKey) payload.clearApiKey = true;
  return payload;
}
