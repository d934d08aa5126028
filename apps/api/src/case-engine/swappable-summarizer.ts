import type { SummarizerInstance, SummaryInput, SummaryResult } from '@autocase/core';

/**
 * A stable summarizer object that delegates to whichever summarizer is current, so holders of
 * the reference follow a runtime swap (offline → LLM and back) without being told.
 */
export class SwappableSummarizer implements SummarizerInstance {
  private currentInstance: SummarizerInstance | undefined;

  constructor(initial?: SummarizerInstance) {
    this.currentInstance = initial;
  }

  /** The summarizer calls go to now; undefined when none is configured. */
  get current(): SummarizerInstance | undefined {
    return this.currentInstance;
  }

  /** Makes `next` (or nothing) the summarizer calls go to from now on. */
  use(next: SummarizerInstance | undefined): void {
    this.currentInstance = next;
  }

  doSummarize(input: SummaryInput): Promise<SummaryResult> {
    const current = this.currentInstance;
    if (!current) return Promise.reject(new Error('No summarizer is configured: load a summarizer plugin or enable the LLM summarizer'));
    return current.doSummarize(input);
  }
}
