import type { SummarizerInstance, SummaryInput, SummaryResult } from '../plugins/summarizer.js';

export interface FakeSummarizerOptions {
  id?: string;
  version?: string;
  /** The summary text, or a function of the input. Default: "Summary of N messages". */
  text?: string | ((input: SummaryInput) => string);
}

/** A test double for a summarizer: canned text, records calls, can be told to fail. */
export class FakeSummarizer implements SummarizerInstance {
  readonly calls: SummaryInput[] = [];
  private failure: unknown;

  constructor(private readonly options: FakeSummarizerOptions = {}) {}

  failWith(error: unknown): this {
    this.failure = error;
    return this;
  }

  async doSummarize(input: SummaryInput): Promise<SummaryResult> {
    this.calls.push(input);
    if (this.failure !== undefined) throw this.failure;
    const text = this.options.text;
    return {
      text: typeof text === 'function' ? text(input) : (text ?? `Summary of ${input.messages.length} messages`),
      summarizer: { id: this.options.id ?? 'fake-summarizer', version: this.options.version ?? '1.0.0' },
    };
  }
}
