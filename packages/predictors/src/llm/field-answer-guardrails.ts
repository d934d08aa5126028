import type { FieldDefinition, FieldValue, Prediction, PredictionMessage, PredictorRef } from '@autocase/core';
import type { FieldAnswer } from './field-output-schema.js';
import { locateQuote } from './verbatim-quote.js';

function coerceValue(field: FieldDefinition, raw: string): { value: FieldValue } | { problem: string } {
  const text = raw.trim();
  if (field.options.length > 0 && (field.type === 'choice' || field.type === 'lookup')) {
    const option = field.options.find((candidate) => candidate.value === text) ?? field.options.find((candidate) => candidate.value.toLowerCase() === text.toLowerCase());
    return option ? { value: option.value } : { problem: `"${text}" is not one of the allowed options` };
  }
  if (field.type === 'number') {
    const number = Number(text.replace(/,(?=\d{3}\b)/g, ''));
    return Number.isFinite(number) && text !== '' ? { value: number } : { problem: `"${text}" is not a number` };
  }
  if (field.type === 'boolean') {
    if (/^(true|yes)$/i.test(text)) return { value: true };
    if (/^(false|no)$/i.test(text)) return { value: false };
    return { problem: `"${text}" is not true or false` };
  }
  return text === '' ? { problem: 'the value is empty' } : { value: text };
}

/**
 * Turns the model's answer for one field into a prediction, or drops it with a warning:
 * values outside the allowed options and quotes that are not in the conversation never pass.
 */
export function guardFieldAnswer(field: FieldDefinition, answer: FieldAnswer | undefined, messages: readonly PredictionMessage[], predictor: PredictorRef, warnings: string[]): Prediction | null {
  if (!answer || answer.value === null || answer.value === undefined) return null;
  const coerced = coerceValue(field, String(answer.value));
  if ('problem' in coerced) {
    warnings.push(`dropped the model's value for "${field.key}": ${coerced.problem}`);
    return null;
  }
  const evidence = locateQuote(answer.quote ?? '', messages);
  if (!evidence) {
    warnings.push(`dropped the model's value for "${field.key}": its quote ${JSON.stringify(answer.quote ?? '')} is not in the conversation`);
    return null;
  }
  const confidence = Number.isFinite(answer.confidence) ? Math.min(1, Math.max(0, answer.confidence)) : 0;
  return { field: field.key, value: coerced.value, confidence, evidence: [evidence], predictor };
}
