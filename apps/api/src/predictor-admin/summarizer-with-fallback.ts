import type { PluginLogger, SummarizerInstance } from '@autocase/core';

/** A summarizer that answers with `fallback` (the offline one) when `primary` (the LLM) fails; without a fallback the failure is rethrown. */
export function summarizerWithFallback(primary: SummarizerInstance, fallback: SummarizerInstance | undefined, logger: PluginLogger): SummarizerInstance {
  return {
    async doSummarize(input) {
      try {
        return await primary.doSummarize(input);
      } catch (error) {
        if (!fallback) throw error;
        logger.warn('LLM summary failed; using the offline summarizer', { message: (error as Error).message });
        return fallback.doSummarize(input);
      }
    },
  };
}
