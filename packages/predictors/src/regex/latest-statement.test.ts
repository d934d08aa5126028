import { describe, expect, it } from 'vitest';
import type { PredictionMessage } from '@autocase/core';
import type { Extraction } from './extraction.js';
import { chooseLatestStatement } from './latest-statement.js';

const customer = (id: string, text: string): PredictionMessage => ({ id, author: 'customer', text });

/** Every ORD-… in the messages, as the pattern extractor finds them. */
function orders(messages: PredictionMessage[]): Extraction[] {
  return messages.flatMap((message) => [...message.text.matchAll(/ORD-\d+/g)].map((match) => ({ value: match[0], messageId: message.id, quote: match[0], start: match.index, confidence: 0.95 })));
}

function choose(...texts: string[]) {
  const messages = texts.map((text, index) => customer(`m${index}`, text));
  const choice = chooseLatestStatement(orders(messages), messages);
  return choice && { value: choice.chosen.value, conflicting: choice.conflicting, superseded: choice.superseded };
}

describe('chooseLatestStatement (later statements win)', () => {
  it('takes the corrected value of "X, not Y" over the value said before', () => {
    expect(choose('My order ORD-551203 has not arrived', 'sorry, the order is ORD-551230, not ORD-551203')).toEqual({ value: 'ORD-551230', conflicting: [], superseded: ['ORD-551203'] });
  });

  it('drops a value the customer calls wrong, and follows "I meant"', () => {
    expect(choose('order ORD-1111', 'ORD-1111 was wrong, it is ORD-2222')).toEqual({ value: 'ORD-2222', conflicting: [], superseded: ['ORD-1111'] });
    expect(choose('order ORD-1111', 'Sorry, I meant ORD-3333')).toEqual({ value: 'ORD-3333', conflicting: [], superseded: ['ORD-1111'] });
    expect(choose('order ORD-1111', 'use ORD-4444 instead of ORD-1111')).toEqual({ value: 'ORD-4444', conflicting: [], superseded: ['ORD-1111'] });
  });

  it('proposes the latest of two plain statements and reports the conflict', () => {
    expect(choose('order ORD-1111', 'and there is ORD-2222 too')).toEqual({ value: 'ORD-2222', conflicting: ['ORD-1111'], superseded: [] });
  });

  it('keeps a value said again after it was taken back, and repeats are no conflict', () => {
    expect(choose('ORD-1111, not ORD-2222', 'no wait, it really is ORD-2222')).toEqual({ value: 'ORD-2222', conflicting: ['ORD-1111'], superseded: [] });
    expect(choose('order ORD-1111', 'again: ORD-1111')).toEqual({ value: 'ORD-1111', conflicting: [], superseded: [] });
  });

  it('chooses nothing when every value was taken back', () => {
    expect(choose('it is not ORD-1111')).toBeNull();
  });
});
