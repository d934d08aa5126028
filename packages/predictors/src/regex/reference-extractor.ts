import type { Extraction, ExtractionInput } from './extraction.js';
import { labelAlternation, promptsBefore } from './extraction.js';
import { EMAIL_PATTERN } from './email-extractor.js';

export interface ReferenceOptions {
  /** Words that introduce the reference, e.g. ["order id", "order number", "order #"]. */
  labels: string[];
  /** Shape of the value itself (no anchors), e.g. `\d{6,12}` or `[A-Z]{2}-\d{6}`. */
  pattern: string;
  /** Also take a bare value given as the answer to an agent's question that names a label. */
  acceptAnswers: boolean;
  /** Upper-case the value. */
  uppercase: boolean;
  confidence: number;
}

const CONNECTOR = String.raw`(?:\s*(?:is|was|=|:|#|-|no\.?|number)\s*)*\s*`;

/** Order, account or other reference numbers introduced by a label, or given right after being asked for. */
export function extractReferences(input: ExtractionInput, options: ReferenceOptions): Extraction[] {
  const labels = labelAlternation(options.labels);
  const labelled = new RegExp(String.raw`\b(?:${labels})${CONNECTOR}(?<value>${options.pattern})(?![\w@-])`, 'gi');
  const askedFor = new RegExp(String.raw`\b(?:${labels})`, 'i');
  const bareValue = new RegExp(String.raw`^(?:${options.pattern})$`, 'i');
  const normalize = (value: string) => (options.uppercase ? value.toUpperCase() : value);
  const found: Extraction[] = [];
  for (const message of input.messages) {
    const taken = new Set<number>();
    for (const match of message.text.matchAll(labelled)) {
      const value = match.groups?.value ?? '';
      if (!/\d/.test(value)) continue;
      taken.add(match.index + match[0].length - value.length);
      found.push({ value: normalize(value), messageId: message.id, quote: match[0], start: match.index, confidence: options.confidence });
    }
    if (!options.acceptAnswers || taken.size > 0) continue;
    if (!promptsBefore(input.conversation, message.id).some((prompt) => askedFor.test(prompt))) continue;
    const withoutEmails = message.text.replace(EMAIL_PATTERN, (email) => ' '.repeat(email.length));
    for (const token of withoutEmails.matchAll(/[^\s,;]+/g)) {
      const bare = token[0].replace(/[.!?)]+$/, '');
      const labelledByOther = /[:=]\s*$/.test(withoutEmails.slice(0, token.index));
      if (!bareValue.test(bare) || !/\d/.test(bare) || labelledByOther) continue;
      found.push({ value: normalize(bare), messageId: message.id, quote: bare, start: token.index, confidence: options.confidence - 0.1 });
    }
  }
  return found;
}
