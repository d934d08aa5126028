export { default, llmConfigSchema, LLM_PREDICTOR_ID, type LlmConfig } from './llm-predictor.js';
export { llmConnectionSchema, LLM_PROVIDERS, type LlmConnectionConfig } from './llm-connection-config.js';
export { toPluginError } from './llm-errors.js';
export { redact, type RedactionOptions } from './redaction.js';
