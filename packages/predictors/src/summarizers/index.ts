export { default as extractiveSummarizer, extractiveConfigSchema, EXTRACTIVE_SUMMARIZER_ID, type ExtractiveConfig } from './extractive-summarizer.js';
export { default as llmSummarizer, llmSummarizerConfigSchema, LLM_SUMMARIZER_ID, type LlmSummarizerConfig } from './llm-summarizer.js';
