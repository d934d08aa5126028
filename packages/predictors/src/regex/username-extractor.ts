import type { Extraction, ExtractionInput } from './extraction.js';
import { escapeRegExp, labelAlternation } from './extraction.js';
import { EMAIL_PATTERN } from './email-extractor.js';

export interface UsernameOptions {
  labels: string[];
  /** Also take a standalone token equal to the local part of an email address in the conversation. */
  matchEmailLocalPart: boolean;
  confidence: number;
}

const USERNAME_SHAPE = String.raw`[A-Za-z][A-Za-z0-9._-]{1,38}[A-Za-z0-9]`;

/** Usernames introduced by a label ("Username: cminh730"), or repeated from the customer's email address. */
export function extractUsernames(input: ExtractionInput, options: UsernameOptions): Extraction[] {
  const labelled = new RegExp(String.raw`\b(?:${labelAlternation(options.labels)})\b(?:\s*(?:is|=|:|-)\s*|\s+)(?<value>${USERNAME_SHAPE})(?![\w@])`, 'gi');
  const found: Extraction[] = [];
  const localParts = new Set<string>();
  for (const message of input.messages) {
    for (const match of message.text.matchAll(labelled)) {
      const value = match.groups?.value ?? '';
      if (/^(?:is|and|or|the|please)$/i.test(value)) continue;
      found.push({ value, messageId: message.id, quote: match[0], start: match.index, confidence: options.confidence });
    }
    for (const email of message.text.matchAll(EMAIL_PATTERN)) localParts.add(email[0].slice(0, email[0].lastIndexOf('@')));
  }
  if (!options.matchEmailLocalPart) return found;
  for (const localPart of localParts) {
    if (localPart.length < 3 || !new RegExp(`^${USERNAME_SHAPE}$`).test(localPart)) continue;
    const standalone = new RegExp(String.raw`(?<![\w.@-])${escapeRegExp(localPart)}(?![\w@-]|\.\w)`, 'gi');
    for (const message of input.messages) {
      for (const match of message.text.matchAll(standalone)) {
        found.push({ value: match[0], messageId: message.id, quote: match[0], start: match.index, confidence: options.confidence - 0.1 });
      }
    }
  }
  return found;
}
