import { generateText, Output } from 'ai';
import { z } from 'zod';
import type { PluginContext, Summarizer, SummarizerInstance, SummaryInput, SummaryResult } from '@autocase/core';
import { callWithRetries } from '../llm/call-with-retries.js';
import { createLanguageModel, modelName } from '../llm/language-model.js';
import { checkConnection, llmConnectionShape } from '../llm/llm-connection-config.js';
import { describeRedactions, redact, type RedactionCounts } from '../llm/redaction.js';
import { throwIfAborted } from '../shared/abort.js';
import { messagesBy } from '../shared/message-authors.js';

export const LLM_SUMMARIZER_ID = 'llm';
const VERSION = 'llm-summary-1';

export const llmSummarizerConfigSchema = z
  .object({
    ...llmConnectionShape,
    /** Extra guidance, e.g. tone or language. */
    instructions: z.string().max(4000).optional(),
    maxTranscriptCharacters: z.number().int().positive().default(24_000),
  })
  .superRefine(checkConnection);
export type LlmSummarizerConfig = z.input<typeof llmSummarizerConfigSchema>;
type ParsedLlmSummarizerConfig = z.output<typeof llmSummarizerConfigSchema>;

const STRUCTURED = z.object({
  issue: z.string().describe('What the customer needed, in one or two sentences.'),
  stepsTaken: z.string().describe('What the agent did, in order.'),
  outcome: z.string().describe('How it ended: resolved, refused, pending…'),
  nextSteps: z.string().describe('What happens next and who does it; "None" when nothing is pending.'),
});

const INSTRUCTIONS = 'You write the case note for a customer-service conversation: plain text, no markdown, factual, third person, only what the conversation says.';

function createLlmSummarizerInstance(config: ParsedLlmSummarizerConfig, context: PluginContext): SummarizerInstance {
  const model = createLanguageModel(config, context);
  const summarizer = { id: LLM_SUMMARIZER_ID, version: VERSION, model: modelName(config) };
  return {
    async doSummarize(input: SummaryInput): Promise<SummaryResult> {
      throwIfAborted(input.signal);
      const messages = messagesBy(input.messages, ['customer', 'agent', 'bot', 'system']);
      if (messages.length === 0) return { text: '', summarizer, warnings: ['the conversation has no text to summarize'] };
      const counts: RedactionCounts = { emails: 0, phones: 0, cardNumbers: 0 };
      const transcript = messages.map((message) => `${message.author}: ${redact(message.text, config.redact, counts)}`).join('\n').slice(-config.maxTranscriptCharacters);
      const system = config.instructions ? `${INSTRUCTIONS}\n${config.instructions}` : INSTRUCTIONS;
      const signals = [context.signal, ...(input.signal ? [input.signal] : [])];
      const what = `LLM summarizer (${summarizer.model})`;
      let text: string;
      if (input.format === 'structured') {
        const { value } = await callWithRetries(what, config, signals, context.logger, (abortSignal) =>
          generateText({ model, system, prompt: `Summarize this conversation.\n\n${transcript}`, output: Output.object({ schema: STRUCTURED }), temperature: config.temperature, maxRetries: 0, abortSignal }),
        );
        const sections = value.output;
        text = [`Issue: ${sections.issue}`, `Steps taken: ${sections.stepsTaken}`, `Outcome: ${sections.outcome}`, `Next steps: ${sections.nextSteps}`].join('\n');
      } else {
        const { value } = await callWithRetries(what, config, signals, context.logger, (abortSignal) =>
          generateText({ model, system, prompt: `Summarize this conversation in one short paragraph.\n\n${transcript}`, temperature: config.temperature, maxRetries: 0, abortSignal }),
        );
        text = value.text.trim();
      }
      const redactions = describeRedactions(counts);
      return redactions ? { text, summarizer, warnings: [redactions] } : { text, summarizer };
    },
  };
}

/** Summary notes written by a large language model (same providers as the LLM predictor). */
const llmSummarizer: Summarizer<ParsedLlmSummarizerConfig> = {
  specificationVersion: 'v1',
  id: LLM_SUMMARIZER_ID,
  configSchema: llmSummarizerConfigSchema,
  create: (config, context) => createLlmSummarizerInstance(config, context),
};

export default llmSummarizer;
