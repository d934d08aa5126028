import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { PluginContext } from '@autocase/core';
import type { LlmConnectionConfig } from './llm-connection-config.js';

/** The AI SDK model for a connection config; network goes through the host's `fetch`. */
export function createLanguageModel(config: LlmConnectionConfig, context: PluginContext): Exclude<LanguageModel, string> {
  if (config.languageModel) return config.languageModel as unknown as Exclude<LanguageModel, string>;
  const common = { fetch: context.fetch, ...(config.apiKey ? { apiKey: config.apiKey } : {}), ...(config.baseURL ? { baseURL: config.baseURL } : {}) };
  switch (config.provider) {
    case 'openai':
      return createOpenAI(common)(config.model);
    case 'anthropic':
      return createAnthropic(common)(config.model);
    case 'openai-compatible':
      return createOpenAICompatible({ ...common, name: 'openai-compatible', baseURL: config.baseURL ?? '', supportsStructuredOutputs: config.structuredOutputs }).chatModel(config.model);
  }
}

/** `provider/model` as named in predictions. */
export function modelName(config: LlmConnectionConfig): string {
  if (config.languageModel) return `${config.languageModel.provider}/${config.languageModel.modelId}`;
  return `${config.provider}/${config.model}`;
}
