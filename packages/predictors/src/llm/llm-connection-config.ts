import { z } from 'zod';

/**
 * A ready AI SDK language model object (e.g. `openai('gpt-4o')`, a host-wrapped model or
 * `MockLanguageModelV4`). Declared structurally so the config type stays portable.
 */
export interface InjectedLanguageModel {
  readonly specificationVersion: string;
  readonly provider: string;
  readonly modelId: string;
  doGenerate(options: never): PromiseLike<unknown>;
}

export const LLM_PROVIDERS = ['openai', 'anthropic', 'openai-compatible'] as const;

/** Provider, model, credentials and call policy; shared by the LLM predictor and summarizer. */
export const llmConnectionShape = {
  provider: z.enum(LLM_PROVIDERS, { error: `provider must be one of ${LLM_PROVIDERS.join(', ')}` }),
  /** Model id at the provider, e.g. `gpt-4o-mini`, `claude-sonnet-4-5`, `llama3.1:8b`. */
  model: z.string().min(1, 'model is required (the provider\'s model id)'),
  /** Secret; the host keeps it server-side and passes it in. Optional for local servers. */
  apiKey: z.string().min(1).optional(),
  /** Required for `openai-compatible` (e.g. `http://127.0.0.1:11434/v1` for Ollama); optional override otherwise. */
  baseURL: z.url({ error: 'baseURL must be an absolute URL such as http://127.0.0.1:11434/v1' }).optional(),
  /** Ask OpenAI-compatible servers for JSON-schema constrained output (Ollama, vLLM and llama.cpp support it). */
  structuredOutputs: z.boolean().default(true),
  temperature: z.number().min(0).max(2).default(0),
  /** Per attempt. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** Attempts in total for RATE_LIMITED / TEMPORARY failures. */
  maxAttempts: z.number().int().min(1).max(10).default(3),
  /** First backoff delay; doubles per attempt (a server's Retry-After wins when longer). */
  backoffMs: z.number().int().min(0).default(500),
  /** Replace these in the text before it leaves the host. */
  redact: z
    .object({ emails: z.boolean().default(false), phones: z.boolean().default(false), cardNumbers: z.boolean().default(true) })
    .default({ emails: false, phones: false, cardNumbers: true }),
  /** A ready AI SDK model (e.g. a host-wrapped or mock model); overrides provider/model/apiKey/baseURL for the call. */
  languageModel: z
    .custom<InjectedLanguageModel>((value) => typeof value === 'object' && value !== null && 'doGenerate' in value, { error: 'languageModel must be an AI SDK language model object' })
    .optional(),
};

export const llmConnectionSchema = z.object(llmConnectionShape);
export type LlmConnectionConfig = z.output<typeof llmConnectionSchema>;

/** Cross-field checks shared by every schema that embeds the connection shape. */
export function checkConnection(config: { provider: string; baseURL?: string | undefined; languageModel?: unknown }, context: z.RefinementCtx): void {
  if (config.provider === 'openai-compatible' && !config.baseURL && !config.languageModel) {
    context.addIssue({ code: 'custom', path: ['baseURL'], message: 'baseURL is required for the openai-compatible provider (e.g. http://127.0.0.1:11434/v1)' });
  }
}
