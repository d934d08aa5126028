import type { PredictionMessage } from '@autocase/core';

export interface Sentence {
  text: string;
  author: PredictionMessage['author'];
  /** Position in the conversation (message index, then sentence index), for ordering. */
  position: number;
  /** Relative position in the conversation, 0 (start) … 1 (end). */
  progress: number;
  words: string[];
}

const STOP_WORDS = new Set(
  'a an the and or but if of to in on at for with by from as is are was were be been being it its this that these those i me my we our you your he she they them their his her there here what which who whom how when where why can could would should will shall may might must do does did done have has had having not no yes so just also too very please thanks thank ok okay hi hello hey sure well all any some more most much many one am im ive id ill youre its dont cant wont'.split(' '),
);
const PLEASANTRY = /^(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks?(?: you)?(?: so much)?|you'?re welcome|no (?:problem|worries)|have a (?:nice|great|good)|take care|bye|goodbye|sure|ok(?:ay)?|great|perfect|one moment|let me check|is there anything else|that'?s (?:it|all))\b/i;

/** Splits each message into sentences with their content words. */
export function splitSentences(messages: readonly PredictionMessage[]): Sentence[] {
  const sentences: Sentence[] = [];
  messages.forEach((message, messageIndex) => {
    const parts = message.text.split(/(?<=[.!?])\s+|\n+/).map((part) => part.trim()).filter(Boolean);
    parts.forEach((text, partIndex) => {
      const words = (text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).map((word) => word.replace(/'/g, '')).filter((word) => word.length > 1 && !/\d/.test(word) && !STOP_WORDS.has(word));
      sentences.push({ text, author: message.author, position: messageIndex * 1000 + partIndex, progress: messages.length > 1 ? messageIndex / (messages.length - 1) : 0, words });
    });
  });
  return sentences;
}

/**
 * Informativeness: the summed weight of the sentence's content words, where a word weighs
 * more the more often the conversation returns to it (capped), divided by √length so long
 * sentences do not win by size alone. Pleasantries and fragments score zero.
 */
export function scoreSentences(sentences: readonly Sentence[]): Map<Sentence, number> {
  const frequency = new Map<string, number>();
  for (const sentence of sentences) for (const word of new Set(sentence.words)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const scores = new Map<Sentence, number>();
  for (const sentence of sentences) {
    if (sentence.words.length < 3 || (PLEASANTRY.test(sentence.text) && sentence.words.length < 4)) {
      scores.set(sentence, 0);
      continue;
    }
    const weight = [...new Set(sentence.words)].reduce((sum, word) => sum + 1 + Math.log(Math.min(frequency.get(word) ?? 1, 4)), 0);
    scores.set(sentence, weight / Math.sqrt(sentence.words.length));
  }
  return scores;
}
