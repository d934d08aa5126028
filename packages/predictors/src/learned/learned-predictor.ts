import { z } from 'zod';
import type { FieldDefinition, Prediction, PredictionInput, PredictionResult, Predictor, PredictorInstance } from '@autocase/core';
import { throwIfAborted } from '../shared/abort.js';
import { authorsSchema, messagesBy, verbatimQuote } from '../shared/message-authors.js';
import { deserializeLearnedModel, SerializedLearnedModelSchema, type LearnedModel, type SerializedLearnedModel } from './learned-model.js';
import { TextClassifier } from './text-classifier.js';

export const LEARNED_PREDICTOR_ID = 'learned';

/** Supplies the models per field key, e.g. the latest trained versions from the host's database. */
export type LearnedModelLoader = () => Promise<Record<string, SerializedLearnedModel | LearnedModel>>;

export const learnedConfigSchema = z
  .object({
    /** Serialised models by field key (choice or lookup fields). */
    models: z.record(z.string(), SerializedLearnedModelSchema).default({}),
    /** Alternative to `models`: called once when the predictor is created. */
    loadModels: z.custom<LearnedModelLoader>((value) => typeof value === 'function', { error: 'loadModels must be a function returning the models by field key' }).optional(),
    /** Whose messages are classified. */
    authors: authorsSchema(['customer']),
    /** Only this many leading characters of the joined messages are classified. */
    maxCharacters: z.number().int().positive().default(4000),
  })
  .refine((config) => Object.keys(config.models).length > 0 || config.loadModels !== undefined, {
    error: 'learned predictor needs `models` (field key → serialised model) or a `loadModels` function',
    path: ['models'],
  });
export type LearnedConfig = z.input<typeof learnedConfigSchema>;
type ParsedLearnedConfig = z.output<typeof learnedConfigSchema>;

function isLoaded(model: SerializedLearnedModel | LearnedModel): model is LearnedModel {
  return 'linear' in model;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The sentence of a message that speaks most for the label (verbatim, trimmed): in a long email
 * the evidence points at the telling sentence rather than at the greeting that opens it.
 */
export function strongestSentence(text: string, classifier: TextClassifier, labelIndex: number): string {
  const parts = [...sentences.segment(text)].map((part) => part.segment.trim()).filter((part) => /[\p{L}\p{N}]/u.test(part));
  if (parts.length <= 1) return text;
  let best = parts[0]!;
  let bestScore = -Infinity;
  for (const part of parts) {
    const score = classifier.scoreOf(part, labelIndex);
    if (score > bestScore) [best, bestScore] = [part, score];
  }
  return best;
}

function predictField(field: FieldDefinition, classifier: TextClassifier, input: PredictionInput, config: ParsedLearnedConfig, warnings: string[]): Prediction | null {
  const messages = messagesBy(input.messages, config.authors);
  const text = messages.map((message) => message.text).join('\n').slice(0, config.maxCharacters);
  const result = classifier.classify(text);
  if (!result) return null;
  const allowed = field.options.length === 0 || field.options.some((option) => option.value === result.label);
  if (!allowed) {
    warnings.push(`learned model for "${field.key}" predicted "${result.label}", which is not an option of the field`);
    return null;
  }
  const labelIndex = classifier.model.labels.indexOf(result.label);
  const strongest = messages
    .map((message) => ({ message, score: classifier.scoreOf(message.text, labelIndex) }))
    .sort((left, right) => right.score - left.score)[0]!.message;
  return {
    field: field.key,
    value: result.label,
    confidence: result.confidence,
    evidence: [{ messageId: strongest.id, quote: verbatimQuote(strongestSentence(strongest.text, classifier, labelIndex)) }],
    predictor: { id: LEARNED_PREDICTOR_ID, version: classifier.model.id },
  };
}

async function createLearnedInstance(config: ParsedLearnedConfig): Promise<PredictorInstance> {
  const sources: Record<string, SerializedLearnedModel | LearnedModel> = { ...config.models, ...(config.loadModels ? await config.loadModels() : {}) };
  const classifiers = new Map<string, TextClassifier>();
  for (const [fieldKey, model] of Object.entries(sources)) {
    try {
      classifiers.set(fieldKey, new TextClassifier(isLoaded(model) ? model : deserializeLearnedModel(model)));
    } catch (error) {
      throw new Error(`learned model for field "${fieldKey}": ${(error as Error).message}`, { cause: error });
    }
  }
  const version = [...classifiers.entries()].map(([fieldKey, classifier]) => `${fieldKey}@${classifier.model.id}`).sort().join(',') || 'no-models';
  return {
    version,
    async doPredict(input: PredictionInput): Promise<PredictionResult> {
      throwIfAborted(input.signal);
      const started = performance.now();
      const warnings: string[] = [];
      const predictions: Prediction[] = [];
      if (messagesBy(input.messages, config.authors).length === 0) return { predictions };
      for (const field of input.fields) {
        const classifier = classifiers.get(field.key);
        if (!classifier) continue;
        const prediction = predictField(field, classifier, input, config, warnings);
        if (prediction) predictions.push(prediction);
      }
      return { predictions, usage: { durationMs: performance.now() - started }, ...(warnings.length ? { warnings } : {}) };
    },
  };
}

/** Predicts choice/lookup fields with models trained on the tenant's own labelled cases. */
const learnedPredictor: Predictor<ParsedLearnedConfig> = {
  specificationVersion: 'v1',
  id: LEARNED_PREDICTOR_ID,
  displayName: 'Learned from past cases (TF-IDF + linear SVM)',
  configSchema: learnedConfigSchema as unknown as Predictor<ParsedLearnedConfig>['configSchema'],
  create: (config) => createLearnedInstance(config),
};

export default learnedPredictor;
