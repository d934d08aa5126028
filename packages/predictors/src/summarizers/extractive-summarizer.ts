import { z } from 'zod';
import type { Summarizer, SummarizerInstance, SummaryInput, SummaryResult } from '@autocase/core';
import { throwIfAborted } from '../shared/abort.js';
import { messagesBy } from '../shared/message-authors.js';
import { scoreSentences, splitSentences, type Sentence } from './sentences.js';

export const EXTRACTIVE_SUMMARIZER_ID = 'extractive';
const VERSION = 'extractive-1';

export const extractiveConfigSchema = z.object({
  /** Sentences in a paragraph summary. */
  maxSentences: z.number().int().min(1).max(20).default(4),
  /** Sentences per line of a structured summary. */
  maxSentencesPerSection: z.number().int().min(1).max(5).default(2),
});
export type ExtractiveConfig = z.input<typeof extractiveConfigSchema>;
type ParsedExtractiveConfig = z.output<typeof extractiveConfigSchema>;

const ACTION = /\b(?:i(?:'ve| have)?|we(?:'ve| have)?)\s+(?:\w+\s+)?(?:checked|verified|validated|updated|changed|processed|issued|refunded|cancel+ed|reset|sent|escalated|notified|created|added|removed|applied|looked|confirmed|pulled|entered|arranged|scheduled|let)\b|\b(?:has|have) been\b/i;
const OUTCOME = /\b(?:done|resolved|taken care|processed|completed|approved|refunded|updated|cancel+ed|unfortunately|cannot|can't|unable|not eligible|in progress|all set|confirmed)\b/i;
const NEXT = /\b(?:will|'ll|within|next|follow up|call you|email you|expect|should (?:receive|arrive|see)|please (?:check|reply|send|allow|wait))\b/i;

function pick(sentences: Sentence[], scores: Map<Sentence, number>, count: number, filter: (sentence: Sentence) => boolean): Sentence[] {
  return sentences
    .filter((sentence) => (scores.get(sentence) ?? 0) > 0 && filter(sentence))
    .sort((left, right) => (scores.get(right) ?? 0) - (scores.get(left) ?? 0) || left.position - right.position)
    .slice(0, count)
    .sort((left, right) => left.position - right.position);
}

const join = (sentences: Sentence[]) => sentences.map((sentence) => (/[.!?]$/.test(sentence.text) ? sentence.text : `${sentence.text}.`)).join(' ');

function summarize(input: SummaryInput, config: ParsedExtractiveConfig): string {
  const sentences = splitSentences(messagesBy(input.messages, ['customer', 'agent', 'bot', 'system']));
  const scores = scoreSentences(sentences);
  const customer = (sentence: Sentence) => sentence.author === 'customer';
  const staff = (sentence: Sentence) => sentence.author !== 'customer';
  if (input.format === 'paragraph') {
    const customerPart = pick(sentences, scores, Math.ceil(config.maxSentences / 2), customer);
    const staffPart = pick(sentences, scores, config.maxSentences - customerPart.length, staff);
    return join([...customerPart, ...staffPart].sort((left, right) => left.position - right.position));
  }
  const perSection = config.maxSentencesPerSection;
  const issue = pick(sentences, scores, perSection, (sentence) => customer(sentence) && sentence.progress <= 0.5);
  const used = new Set<Sentence>(issue);
  const fresh = (filter: (sentence: Sentence) => boolean) => (sentence: Sentence) => !used.has(sentence) && filter(sentence);
  const take = (chosen: Sentence[]) => {
    chosen.forEach((sentence) => used.add(sentence));
    return chosen;
  };
  const late = (sentence: Sentence) => staff(sentence) && sentence.progress >= 0.5;
  const outcomeMatches = pick(sentences, scores, 1, fresh((sentence) => late(sentence) && OUTCOME.test(sentence.text)));
  const outcome = take(outcomeMatches.length ? outcomeMatches : pick(sentences, scores, 1, fresh(late)));
  const staffNext = pick(sentences, scores, 1, fresh((sentence) => late(sentence) && NEXT.test(sentence.text)));
  const next = take(staffNext.length ? staffNext : pick(sentences, scores, 1, fresh((sentence) => sentence.progress >= 0.5 && NEXT.test(sentence.text))));
  const steps = take(pick(sentences, scores, perSection, fresh((sentence) => staff(sentence) && ACTION.test(sentence.text))));
  return [
    `Issue: ${join(issue) || 'Not stated.'}`,
    `Steps taken: ${join(steps) || 'None recorded.'}`,
    `Outcome: ${join(outcome) || 'Not stated.'}`,
    `Next steps: ${join(next) || 'None stated.'}`,
  ].join('\n');
}

function createExtractiveInstance(config: ParsedExtractiveConfig): SummarizerInstance {
  return {
    async doSummarize(input: SummaryInput): Promise<SummaryResult> {
      throwIfAborted(input.signal);
      const summarizer = { id: EXTRACTIVE_SUMMARIZER_ID, version: VERSION };
      if (messagesBy(input.messages, ['customer', 'agent', 'bot', 'system']).length === 0) return { text: '', summarizer, warnings: ['the conversation has no text to summarize'] };
      return { text: summarize(input, config), summarizer };
    },
  };
}

/** Offline summary built from the conversation's most informative sentences, verbatim. */
const extractiveSummarizer: Summarizer<ParsedExtractiveConfig> = {
  specificationVersion: 'v1',
  id: EXTRACTIVE_SUMMARIZER_ID,
  configSchema: extractiveConfigSchema,
  create: (config) => createExtractiveInstance(config),
};

export default extractiveSummarizer;
