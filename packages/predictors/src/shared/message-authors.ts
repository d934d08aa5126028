import { z } from 'zod';
import type { PredictionMessage } from '@autocase/core';

export const MESSAGE_AUTHORS = ['customer', 'agent', 'bot', 'system'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** Config entry: whose messages a predictor reads. */
export const authorsSchema = (defaults: MessageAuthor[]) =>
  z.array(z.enum(MESSAGE_AUTHORS)).min(1, 'authors must name at least one of customer, agent, bot, system').default(defaults);

/** The messages written by the given authors that have any text. */
export function messagesBy(messages: readonly PredictionMessage[], authors: readonly MessageAuthor[]): PredictionMessage[] {
  return messages.filter((message) => authors.includes(message.author) && message.text.trim() !== '');
}

/** A verbatim quote of at most `maxLength` characters: the trimmed text, cut at a word boundary when too long. */
export function verbatimQuote(text: string, maxLength = 300): string {
  const trimmed = text.trim();
  if (trimmed.length <= maxLength) return trimmed;
  const cut = trimmed.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd();
}
