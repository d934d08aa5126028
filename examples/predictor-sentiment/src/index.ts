import { z } from 'zod';
import type { Evidence, PredictionInput, PredictionResult, Predictor, PredictorInstance } from '@autocase/core';
import { NEGATIVE_WORDS, NEGATORS, POSITIVE_WORDS } from './lexicon.js';

const VERSION = 'lexicon-1';

export const sentimentConfigSchema = z.object({
  /** Key of the case field that receives the sentiment (a choice field with options negative/neutral/positive). */
  field: z.string().min(1).default('sentiment'),
  /** Score magnitude (sum of word weights) at which confidence reaches its maximum. */
  saturation: z.number().positive().default(6),
});
export type SentimentConfig = z.infer<typeof sentimentConfigSchema>;

interface Scored {
  score: number;
  strongest?: Evidence;
  strongestWeight: number;
}

function scoreText(text: string, messageId: string, into: Scored): void {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const words = sentence.toLowerCase().match(/[a-z']+/g) ?? [];
    words.forEach((word, index) => {
      const negated = index > 0 && NEGATORS.has(words[index - 1] ?? '');
      const weight = (POSITIVE_WORDS[word] ?? 0) - (NEGATIVE_WORDS[word] ?? 0);
      if (weight === 0) return;
      const signed = negated ? -weight : weight;
      into.score += signed;
      if (Math.abs(signed) > into.strongestWeight && sentence.trim()) {
        into.strongestWeight = Math.abs(signed);
        into.strongest = { messageId, quote: sentence.trim() };
      }
    });
  }
}

function createInstance(config: SentimentConfig): PredictorInstance {
  return {
    version: VERSION,
    async doPredict(input: PredictionInput): Promise<PredictionResult> {
      if (input.signal?.aborted) throw input.signal.reason ?? new Error('aborted');
      const field = input.fields.find((candidate) => candidate.key === config.field);
      const customerMessages = input.messages.filter((message) => message.author === 'customer');
      if (!field || customerMessages.length === 0) return { predictions: [] };
      const scored: Scored = { score: 0, strongestWeight: 0 };
      for (const message of customerMessages) scoreText(message.text, message.id, scored);
      if (!scored.strongest) return { predictions: [] };
      const value = scored.score < 0 ? 'negative' : scored.score > 0 ? 'positive' : 'neutral';
      const allowed = field.options.length === 0 || field.options.some((option) => option.value === value);
      if (!allowed) return { predictions: [], warnings: [`field "${field.key}" has no option "${value}"`] };
      const confidence = Math.min(0.95, 0.5 + Math.abs(scored.score) / (2 * config.saturation));
      return {
        predictions: [
          { field: field.key, value, confidence, evidence: [scored.strongest], predictor: { id: 'sentiment', version: VERSION } },
        ],
      };
    },
  };
}

/** The plugin: default export of the package, loaded by name from Autocase's configuration. */
const sentimentPredictor: Predictor<SentimentConfig> = {
  specificationVersion: 'v1',
  id: 'sentiment',
  displayName: 'Customer sentiment (lexicon)',
  configSchema: sentimentConfigSchema,
  create: (config) => createInstance(config),
};

export default sentimentPredictor;
