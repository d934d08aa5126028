import type { Evidence } from '../domain/prediction.js';
import type { PredictionMessage } from '../plugins/predictor.js';

export interface EvidenceCheck {
  /** Quotes found in the conversation (with `messageId` pointing at the message that holds them). */
  kept: Evidence[];
  /** Quotes that appear nowhere in the messages or context. */
  dropped: Evidence[];
}

function comparable(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Keeps only evidence that quotes what was actually written: each quote must occur (ignoring case
 * and spacing) in a message — its own `messageId` first, else any message, whose id it then
 * takes — or in a context value (e.g. the email subject).
 */
export function checkEvidence(evidence: Evidence[], messages: PredictionMessage[], context: Record<string, string>): EvidenceCheck {
  const texts = messages.map((message) => ({ id: message.id, text: comparable(message.text) }));
  const contextTexts = Object.values(context).map(comparable);
  const result: EvidenceCheck = { kept: [], dropped: [] };
  for (const item of evidence) {
    if (typeof item?.quote !== 'string' || comparable(item.quote).length === 0) {
      result.dropped.push(item);
      continue;
    }
    const quote = comparable(item.quote);
    const own = texts.find((message) => message.id === item.messageId);
    if (own?.text.includes(quote)) {
      result.kept.push(item);
      continue;
    }
    const elsewhere = texts.find((message) => message.text.includes(quote));
    if (elsewhere) {
      result.kept.push({ ...item, messageId: elsewhere.id });
      continue;
    }
    if (contextTexts.some((text) => text.includes(quote))) {
      const { messageId: _unknown, ...withoutMessage } = item;
      result.kept.push(withoutMessage);
      continue;
    }
    result.dropped.push(item);
  }
  return result;
}
