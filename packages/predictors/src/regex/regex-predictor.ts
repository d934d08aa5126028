import type { CountryCode } from 'libphonenumber-js';
import type { FieldDefinition, Prediction, PredictionInput, PredictionMessage, PredictionResult, Predictor, PredictorInstance } from '@autocase/core';
import { throwIfAborted } from '../shared/abort.js';
import { messagesBy } from '../shared/message-authors.js';
import { extractAmounts } from './amount-extractor.js';
import { extractDates } from './date-extractor.js';
import { extractEmails } from './email-extractor.js';
import type { Extraction, ExtractionInput } from './extraction.js';
import { chooseLatestStatement } from './latest-statement.js';
import { extractWithPattern } from './pattern-extractor.js';
import { extractPhones } from './phone-extractor.js';
import { extractReferences } from './reference-extractor.js';
import { regexConfigSchema, type FieldExtractor, type ParsedRegexConfig } from './regex-config.js';
import { extractUsernames } from './username-extractor.js';

export const REGEX_PREDICTOR_ID = 'regex';
const VERSION = 'regex-2';
/** How much confidence a field loses when the conversation holds several different values for it. */
const CONFLICT_PENALTY = 0.25;

const BY_FIELD_TYPE: Partial<Record<FieldDefinition['type'], FieldExtractor>> = {
  email: { extractor: 'email', confidence: 0.95 },
  phone: { extractor: 'phone', confidence: 0.9 },
  date: { extractor: 'date', numericOrder: 'month-first', confidence: 0.85 },
  currency: { extractor: 'amount', dollarSignCurrency: 'USD', confidence: 0.85 },
};

function runExtractor(extractor: FieldExtractor, input: ExtractionInput, config: ParsedRegexConfig): Extraction[] {
  switch (extractor.extractor) {
    case 'email':
      return extractEmails(input, extractor.confidence);
    case 'phone':
      return extractPhones(input, { defaultCountry: (extractor.defaultCountry ?? config.defaultCountry) as CountryCode, confidence: extractor.confidence });
    case 'reference':
      return extractReferences(input, extractor);
    case 'username':
      return extractUsernames(input, extractor);
    case 'amount':
      return extractAmounts(input, extractor);
    case 'date':
      return extractDates(input, extractor);
    case 'pattern':
      return extractWithPattern(input, extractor);
  }
}

/**
 * Later statements win: the value stated last and not taken back (see `chooseLatestStatement`).
 * Values that still disagree without a correction lower the confidence and raise a warning.
 */
function choose(field: FieldDefinition, extractions: Extraction[], messages: PredictionMessage[], warnings: string[]): Prediction | null {
  const allowed = field.type === 'choice' && field.options.length > 0 ? extractions.filter((extraction) => field.options.some((option) => option.value === extraction.value)) : extractions;
  const choice = chooseLatestStatement(allowed, messages);
  if (!choice) return null;
  const { chosen } = choice;
  let confidence = chosen.confidence;
  if (choice.conflicting.length > 0) {
    confidence = Math.max(0, confidence - CONFLICT_PENALTY);
    warnings.push(`field "${field.key}": the conversation holds ${choice.conflicting.length + 1} different values (${[chosen.value, ...choice.conflicting].join(', ')}) without a correction; proposing the latest`);
  }
  const evidence = [chosen, ...allowed.filter((extraction) => extraction !== chosen && extraction.value === chosen.value)]
    .slice(0, 3)
    .map((extraction) => ({ messageId: extraction.messageId, quote: extraction.quote }));
  return { field: field.key, value: chosen.value, confidence, evidence, predictor: { id: REGEX_PREDICTOR_ID, version: VERSION } };
}

function createRegexInstance(config: ParsedRegexConfig): PredictorInstance {
  return {
    version: VERSION,
    async doPredict(input: PredictionInput): Promise<PredictionResult> {
      throwIfAborted(input.signal);
      const messages = messagesBy(input.messages, config.authors);
      const extractionInput: ExtractionInput = { messages, conversation: input.messages };
      const predictions: Prediction[] = [];
      const warnings: string[] = [];
      if (messages.length === 0) return { predictions };
      for (const field of input.fields) {
        const extractor = config.fields[field.key] ?? (config.inferFromFieldType ? BY_FIELD_TYPE[field.type] : undefined);
        if (!extractor) continue;
        const prediction = choose(field, runExtractor(extractor, extractionInput, config), input.messages, warnings);
        if (prediction) predictions.push(prediction);
      }
      return warnings.length ? { predictions, warnings } : { predictions };
    },
  };
}

/** Deterministic extraction of emails, phones, references, usernames, amounts, dates and admin-written patterns. */
const regexPredictor: Predictor<ParsedRegexConfig> = {
  specificationVersion: 'v1',
  id: REGEX_PREDICTOR_ID,
  displayName: 'Patterns (emails, phones, order numbers, amounts, dates, custom)',
  configSchema: regexConfigSchema,
  create: (config) => createRegexInstance(config),
};

export default regexPredictor;
