import { z } from 'zod';
import type { FieldDefinition } from '@autocase/core';

const TYPE_GUIDANCE: Record<FieldDefinition['type'], string> = {
  text: 'short text',
  longText: 'text, may span several sentences',
  choice: 'exactly one of the allowed option values',
  lookup: 'a value from the allowed options when listed, otherwise the record name or id as written',
  number: 'a number written with digits',
  currency: 'an amount with its ISO currency code, e.g. "USD 12.50"',
  boolean: '"true" or "false"',
  email: 'an email address',
  phone: 'a phone number in international form, e.g. +14155552671',
  date: 'a date as YYYY-MM-DD',
};

/** How one field is described to the model: meaning, type and the allowed options with their "use when / not for". */
export function describeField(field: FieldDefinition): string {
  const lines = [`- ${field.key} ("${field.label}", ${TYPE_GUIDANCE[field.type]})${field.description ? `: ${field.description}` : ''}`];
  for (const option of field.options) {
    lines.push(`    • "${option.value}"${option.label && option.label !== option.value ? ` (${option.label})` : ''}${option.description ? ` — ${option.description}` : ''}`);
  }
  return lines.join('\n');
}

/**
 * The structured output asked of the model: per field a value (null when the conversation
 * does not say), a confidence and a verbatim quote. Values are strings so that a value
 * outside the options can be dropped per field instead of failing the whole answer.
 */
export function fieldOutputSchema(fields: readonly FieldDefinition[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const allowed = field.options.length ? ` Allowed values: ${field.options.map((option) => JSON.stringify(option.value)).join(', ')}.` : '';
    shape[field.key] = z
      .object({
        value: z.string().nullable().describe(`${field.label}: ${TYPE_GUIDANCE[field.type]}.${allowed} null when the conversation does not say.`),
        confidence: z.number().describe('Probability from 0 to 1 that the value is correct.'),
        quote: z.string().describe('The shortest exact excerpt of one message that supports the value, copied character for character; empty when value is null.'),
      })
      .describe(field.description || field.label);
  }
  return z.object({ fields: z.object(shape) });
}

export interface FieldAnswer {
  value: string | null;
  confidence: number;
  quote: string;
}

export const SYSTEM_INSTRUCTIONS = [
  'You fill in the fields of a customer-service case from a conversation.',
  'For every field give the value, your confidence (0 to 1) that it is correct, and a quote copied exactly from one message that supports it.',
  'Use null when the conversation does not state the value; never guess. For fields with allowed values, answer with one of them exactly.',
  'Lines of the conversation start with [message id] and the author; quote only the message text, not the id or author.',
].join('\n');
