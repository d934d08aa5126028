import type { FieldValue } from '@autocase/core';
import type { Extraction, ExtractionInput } from './extraction.js';

export const NORMALIZATIONS = ['trim', 'lowercase', 'uppercase', 'digitsOnly', 'removeWhitespace', 'collapseWhitespace'] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];

export interface PatternOptions {
  pattern: string;
  flags: string;
  /** Builds the value from named captures, e.g. "{prefix}-{number}". Default: the `value` capture, else the whole match. */
  template?: string;
  /** A fixed value to propose whenever the pattern matches (for choice fields). */
  value?: FieldValue;
  normalize: Normalization[];
  confidence: number;
}

const STEPS: Record<Normalization, (text: string) => string> = {
  trim: (text) => text.trim(),
  lowercase: (text) => text.toLowerCase(),
  uppercase: (text) => text.toUpperCase(),
  digitsOnly: (text) => text.replace(/\D/g, ''),
  removeWhitespace: (text) => text.replace(/\s+/g, ''),
  collapseWhitespace: (text) => text.replace(/\s+/g, ' '),
};

/** An admin-written pattern with named captures, a template and normalisation steps. */
export function extractWithPattern(input: ExtractionInput, options: PatternOptions): Extraction[] {
  const expression = new RegExp(options.pattern, options.flags.includes('g') ? options.flags : `${options.flags}g`);
  const found: Extraction[] = [];
  for (const message of input.messages) {
    for (const match of message.text.matchAll(expression)) {
      if (match[0] === '') continue;
      const groups = match.groups ?? {};
      let value: FieldValue;
      if (options.value !== undefined) value = options.value;
      else {
        const raw = options.template ? options.template.replace(/\{(\w+)\}/g, (_, name: string) => groups[name] ?? '') : groups.value ?? match[0];
        value = options.normalize.reduce((text, step) => STEPS[step](text), raw);
        if (value === '') continue;
      }
      found.push({ value, messageId: message.id, quote: match[0], start: match.index, confidence: options.confidence });
    }
  }
  return found;
}
