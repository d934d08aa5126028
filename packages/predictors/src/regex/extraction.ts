import type { FieldValue, PredictionMessage } from '@autocase/core';

/** One value found in one message. `quote` is verbatim text of that message. */
export interface Extraction {
  value: FieldValue;
  messageId: string;
  quote: string;
  /** Offset of the quote in the message text (for ordering and overlap checks). */
  start: number;
  confidence: number;
}

/** What an extractor reads: the messages it may take values from, and the whole conversation for context. */
export interface ExtractionInput {
  /** Messages by the configured authors, in conversation order. */
  messages: PredictionMessage[];
  /** Every message, in order (lets an extractor see what the agent asked). */
  conversation: PredictionMessage[];
}

export type Extractor = (input: ExtractionInput) => Extraction[];

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex alternation matching any of the labels, case-insensitively, with flexible whitespace. */
export function labelAlternation(labels: readonly string[]): string {
  return labels.map((label) => escapeRegExp(label.trim()).replace(/\s+/g, '\\s*')).join('|');
}

/**
 * The agent's or bot's messages right before a customer message (back to the previous
 * customer message that is not part of the same reply run, at most `lookBack` messages).
 */
export function promptsBefore(conversation: readonly PredictionMessage[], messageId: string, lookBack = 4): string[] {
  const index = conversation.findIndex((message) => message.id === messageId);
  const prompts: string[] = [];
  for (let cursor = index - 1; cursor >= 0 && index - cursor <= lookBack; cursor -= 1) {
    const message = conversation[cursor]!;
    if (message.author === 'agent' || message.author === 'bot') prompts.push(message.text);
    else if (prompts.length > 0) break;
  }
  return prompts;
}
