import type { Extraction, ExtractionInput } from './extraction.js';

export const EMAIL_PATTERN = /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g;

/** Email addresses; the domain is lower-cased, the local part kept as written. */
export function extractEmails(input: ExtractionInput, confidence: number): Extraction[] {
  const found: Extraction[] = [];
  for (const message of input.messages) {
    for (const match of message.text.matchAll(EMAIL_PATTERN)) {
      const [localPart, domain] = [match[0].slice(0, match[0].lastIndexOf('@')), match[0].slice(match[0].lastIndexOf('@') + 1)];
      found.push({ value: `${localPart}@${domain.toLowerCase()}`, messageId: message.id, quote: match[0], start: match.index, confidence });
    }
  }
  return found;
}
