import { generateText, Output } from 'ai';
import { z } from 'zod';
import type { Prediction, PredictionInput, PredictionResult, Predictor, PredictorInstance, PluginContext } from '@autocase/core';
import { throwIfAborted } from '../shared/abort.js';
import { authorsSchema, messagesBy } from '../shared/message-authors.js';
import { callWithRetries } from './call-with-retries.js';
import { guardFieldAnswer } from './field-answer-guardrails.js';
import { describeField, fieldOutputSchema, SYSTEM_INSTRUCTIONS, type FieldAnswer } from './field-output-schema.js';
import { createLanguageModel, modelName } from './language-model.js';
import { checkConnection, llmConnectionShape } from './llm-connection-config.js';
import { describeRedactions, redact, type RedactionCounts } from './redaction.js';

export const LLM_PREDICTOR_ID = 'llm';
const VERSION = 'llm-1';

export const llmConfigSchema = z
  .object({
    ...llmConnectionShape,
    /** Extra guidance appended to the instructions (house style, domain terms). */
    instructions: z.string().max(4000).optional(),
    /** Whose messages the model sees. */
    authors: authorsSchema(['customer', 'agent', 'bot']),
    /** The transcript is cut to its last this-many characters. */
    maxTranscriptCharacters: z.number().int().positive().default(24_000),
  })
  .superRefine(checkConnection);
export type LlmConfig = z.input<typeof llmConfigSchema>;
type ParsedLlmConfig = z.output<typeof llmConfigSchema>;

function buildPrompt(input: PredictionInput, transcript: string, contextLines: string): string {
  return [
    'Fields to fill:',
    ...input.fields.map(describeField),
    '',
    ...(contextLines ? ['Context:', contextLines, ''] : []),
    `Conversation (${input.channel}):`,
    transcript,
  ].join('\n');
}

function createLlmInstance(config: ParsedLlmConfig, context: PluginContext): PredictorInstance {
  const model = createLanguageModel(config, context);
  const predictorRef = { id: LLM_PREDICTOR_ID, version: VERSION, model: modelName(config) };
  return {
    version: `${VERSION}:${predictorRef.model}`,
    async doPredict(input: PredictionInput): Promise<PredictionResult> {
      throwIfAborted(input.signal);
      const messages = messagesBy(input.messages, config.authors);
      if (messages.length === 0 || input.fields.length === 0) return { predictions: [] };
      const started = performance.now();
      const counts: RedactionCounts = { emails: 0, phones: 0, cardNumbers: 0 };
      const transcript = messages.map((message) => `[${message.id}] ${message.author}: ${redact(message.text, config.redact, counts)}`).join('\n').slice(-config.maxTranscriptCharacters);
      const contextLines = Object.entries(input.context).map(([key, value]) => `${key}: ${redact(value, config.redact, counts)}`).join('\n');
      const schema = fieldOutputSchema(input.fields);
      const { value: result } = await callWithRetries(
        `LLM predictor (${predictorRef.model})`,
        config,
        [context.signal, ...(input.signal ? [input.signal] : [])],
        context.logger,
        (abortSignal) =>
          generateText({
            model,
            system: config.instructions ? `${SYSTEM_INSTRUCTIONS}\n${config.instructions}` : SYSTEM_INSTRUCTIONS,
            prompt: buildPrompt(input, transcript, contextLines),
            output: Output.object({ schema }),
            temperature: config.temperature,
            maxRetries: 0,
            abortSignal,
          }),
      );
      const answers = (result.output as { fields?: Record<string, FieldAnswer> } | undefined)?.fields ?? {};
      const warnings: string[] = [];
      const redactions = describeRedactions(counts);
      if (redactions) warnings.push(redactions);
      const predictions = input.fields
        .map((field) => guardFieldAnswer(field, answers[field.key], messages, predictorRef, warnings))
        .filter((prediction): prediction is Prediction => prediction !== null);
      const usage = { inputTokens: result.totalUsage.inputTokens, outputTokens: result.totalUsage.outputTokens, durationMs: performance.now() - started };
      return warnings.length ? { predictions, warnings, usage } : { predictions, usage };
    },
  };
}

/** Field values proposed by a large language model (OpenAI, Anthropic or any OpenAI-compatible server). */
const llmPredictor: Predictor<ParsedLlmConfig> = {
  specificationVersion: 'v1',
  id: LLM_PREDICTOR_ID,
  displayName: 'Large language model',
  configSchema: llmConfigSchema,
  create: (config, context) => createLlmInstance(config, context),
};

export default llmPredictor;
