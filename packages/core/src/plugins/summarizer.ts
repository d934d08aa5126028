import type { ZodType } from 'zod';
import type { PredictionMessage } from './predictor.js';
import type { PluginContext } from './plugin-context.js';

export type SummaryFormat = 'paragraph' | 'structured';

export interface SummaryInput {
  messages: PredictionMessage[];
  format: SummaryFormat;
  context?: Record<string, string>;
  signal?: AbortSignal;
}

export interface SummaryResult {
  /** Markdown-free plain text; structured summaries use `Issue:`, `Steps taken:`, `Outcome:`, `Next steps:` lines. */
  text: string;
  summarizer: { id: string; version: string; model?: string };
  warnings?: string[];
}

export interface SummarizerInstance {
  doSummarize(input: SummaryInput): Promise<SummaryResult>;
}

export interface Summarizer<Config = unknown> {
  readonly specificationVersion: 'v1';
  readonly id: string;
  readonly configSchema: ZodType<Config>;
  create(config: Config, context: PluginContext): SummarizerInstance | Promise<SummarizerInstance>;
}
