import type { Evidence, PredictionInput, PredictionMessage } from '@autocase/core';
import { escapeRegExp } from '../regex/extraction.js';
import type { RuleCondition } from './rules-config.js';

export interface ConditionOutcome {
  holds: boolean;
  evidence: Evidence[];
}

function findPhrase(messages: readonly PredictionMessage[], phrase: string, caseSensitive: boolean, wholeWord: boolean): Evidence | null {
  const body = escapeRegExp(phrase).replace(/\s+/g, '\\s+');
  const expression = new RegExp(wholeWord ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body, caseSensitive ? 'u' : 'iu');
  for (const message of messages) {
    const match = expression.exec(message.text);
    if (match) return { messageId: message.id, quote: match[0] };
  }
  return null;
}

function senderDomain(context: Record<string, string>): string | undefined {
  const domain = context.senderDomain ?? context.sender?.split('@').pop()?.replace(/>.*$/, '');
  return domain?.trim().toLowerCase();
}

/** Evaluates one condition; text conditions return the matched spans as evidence. */
export function evaluateCondition(condition: RuleCondition, input: PredictionInput, messages: readonly PredictionMessage[]): ConditionOutcome {
  let outcome: ConditionOutcome;
  switch (condition.type) {
    case 'containsAny': {
      const found = condition.words.map((word) => findPhrase(messages, word, condition.caseSensitive, condition.wholeWord)).find(Boolean);
      outcome = { holds: Boolean(found), evidence: found ? [found] : [] };
      break;
    }
    case 'containsAll': {
      const found = condition.words.map((word) => findPhrase(messages, word, condition.caseSensitive, condition.wholeWord));
      const complete = found.every(Boolean);
      outcome = { holds: complete, evidence: complete ? (found as Evidence[]) : [] };
      break;
    }
    case 'regex': {
      const expression = new RegExp(condition.pattern, condition.flags);
      const message = messages.find((candidate) => expression.test(candidate.text));
      const match = message ? expression.exec(message.text) : null;
      outcome = { holds: Boolean(match), evidence: message && match && match[0] ? [{ messageId: message.id, quote: match[0] }] : [] };
      break;
    }
    case 'senderDomain': {
      const domain = senderDomain(input.context);
      outcome = { holds: domain !== undefined && condition.domains.some((wanted) => domain === wanted || domain.endsWith(`.${wanted}`)), evidence: [] };
      break;
    }
    case 'channel':
      outcome = { holds: condition.channels.includes(input.channel), evidence: [] };
      break;
    case 'contextEquals': {
      const actual = input.context[condition.key];
      const same = (wanted: string) => (condition.caseSensitive ? actual === wanted : actual?.toLowerCase() === wanted.toLowerCase());
      outcome = { holds: actual !== undefined && condition.values.some(same), evidence: [] };
      break;
    }
    case 'fieldEquals': {
      const actual = input.currentValues?.[condition.field];
      outcome = { holds: actual !== undefined && condition.values.some((wanted) => wanted === actual), evidence: [] };
      break;
    }
  }
  return condition.negate ? { holds: !outcome.holds, evidence: [] } : outcome;
}
