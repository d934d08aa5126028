import type { FieldValue, PredictionMessage } from '@autocase/core';
import type { Extraction } from './extraction.js';

/** Words right before a value that take it back: "…, not ORD-1", "instead of ORD-1", "rather than ORD-1". */
const RETRACTED_BEFORE = /(?:\bnot|n't|\binstead\s+of|\brather\s+than|\bno\s+longer|\bwrong(?:\s+(?:one|number|order|value))?(?:\s+(?:is|was))?|\bnot\s+the)\s*[:#]?\s*(?:the\s+|an?\s+)?$/i;
/**
 * Words right after a value that take it back: "ORD-1 was wrong", "ORD-1 is a typo". ("€12 is wrong"
 * is a complaint about the amount, not a retraction: only the past tense or "typo" count.)
 */
const RETRACTED_AFTER = /^\s*(?:was\s+(?:wrong|incorrect|a\s+typo|not\s+(?:right|correct))|is\s+a\s+typo)\b/i;
/** Words before a value in the same sentence that mark it as a correction of what was said before. */
const CORRECTION_BEFORE = /\b(?:sorry|actually|correction|i\s+meant|i\s+mean|should\s+(?:be|read|have\s+been)|correct\s+(?:one|number|value)\s+is|the\s+right\s+(?:one|number|value)\s+is|typo)\b[^.!?\n]*$/i;

export interface Statement {
  extraction: Extraction;
  /** Position in the conversation: message index, then offset in the message. */
  order: [number, number];
  /** The sentence takes this value back ("not X", "X was wrong"). */
  retracted: boolean;
  /** The sentence corrects an earlier value ("sorry, I meant X", "X, not Y"). */
  correction: boolean;
}

export interface LatestStatementChoice {
  /** The value stated last and not taken back. */
  chosen: Extraction;
  /** Other values still standing (stated, never taken back nor corrected): a real conflict. */
  conflicting: FieldValue[];
  /** Values that were taken back or corrected later. */
  superseded: FieldValue[];
}

const key = (value: FieldValue) => String(value);

/** The part of the message's sentence before `start` (back to . ! ? or a line break). */
function sentenceBefore(text: string, start: number): string {
  const before = text.slice(0, start);
  const boundary = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n'));
  // A dot inside a value (an amount, an email) is no sentence end: only one followed by a space counts.
  const cut = boundary >= 0 && /[.!?]\s|\n/.test(before.slice(boundary, boundary + 2)) ? boundary + 1 : 0;
  return before.slice(cut);
}

/** Reads each extraction in its message: where it stands and whether the sentence takes it back or corrects. */
export function readStatements(extractions: readonly Extraction[], messages: readonly PredictionMessage[]): Statement[] {
  const index = new Map(messages.map((message, position) => [message.id, { position, text: message.text }]));
  const statements = extractions.map((extraction) => {
    const message = index.get(extraction.messageId);
    const text = message?.text ?? '';
    const before = sentenceBefore(text, extraction.start);
    const after = text.slice(extraction.start + extraction.quote.length, extraction.start + extraction.quote.length + 40);
    const retracted = RETRACTED_BEFORE.test(before) || RETRACTED_AFTER.test(after);
    return { extraction, order: [message?.position ?? -1, extraction.start] as [number, number], retracted, correction: !retracted && CORRECTION_BEFORE.test(before) };
  });
  // "X, not Y" corrects with X: a value in the same message as a retraction is a correction.
  const retractingMessages = new Set(statements.filter((statement) => statement.retracted).map((statement) => statement.extraction.messageId));
  for (const statement of statements) if (!statement.retracted && retractingMessages.has(statement.extraction.messageId)) statement.correction = true;
  return statements.sort((left, right) => left.order[0] - right.order[0] || left.order[1] - right.order[1]);
}

/**
 * Later statements win: the value the customer stated last and did not take back. A value taken
 * back ("ORD-2, not ORD-1", "ORD-1 was wrong") is dropped wherever it was said before; a correction
 * ("sorry, I meant ORD-2") supersedes every value said before it. Values that still disagree after
 * that are reported as `conflicting` (the caller lowers its confidence).
 */
export function chooseLatestStatement(extractions: readonly Extraction[], messages: readonly PredictionMessage[]): LatestStatementChoice | null {
  const standing: Statement[] = [];
  const superseded = new Set<string>();
  const supersededValues: FieldValue[] = [];
  const supersede = (statement: Statement) => {
    if (superseded.has(key(statement.extraction.value))) return;
    superseded.add(key(statement.extraction.value));
    supersededValues.push(statement.extraction.value);
  };
  for (const statement of readStatements(extractions, messages)) {
    if (statement.retracted) {
      for (const earlier of standing.filter((entry) => key(entry.extraction.value) === key(statement.extraction.value))) standing.splice(standing.indexOf(earlier), 1);
      supersede(statement);
      continue;
    }
    if (statement.correction) {
      for (const earlier of standing.splice(0)) if (key(earlier.extraction.value) !== key(statement.extraction.value)) supersede(earlier);
    }
    superseded.delete(key(statement.extraction.value));
    standing.push(statement);
  }
  const chosen = standing.at(-1);
  if (!chosen) return null;
  const conflicting = new Map<string, FieldValue>();
  for (const entry of standing) if (key(entry.extraction.value) !== key(chosen.extraction.value)) conflicting.set(key(entry.extraction.value), entry.extraction.value);
  return { chosen: chosen.extraction, conflicting: [...conflicting.values()], superseded: supersededValues.filter((value) => superseded.has(key(value))) };
}
