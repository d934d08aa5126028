import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import type { Extraction, ExtractionInput } from './extraction.js';
import { promptsBefore } from './extraction.js';

const PHONE_WORDS = /\b(?:phone|tel|telephone|mobile|cell|call|callback|call back|reach me|whatsapp|sms|text me|fax)\b/i;
const REFERENCE_WORDS = /\b(?:order|account|acct|ref|reference|tracking|invoice|ticket|case|confirmation|id|number\s+is\s+not)\b[^\d]{0,12}$/i;

export interface PhoneOptions {
  defaultCountry: CountryCode;
  confidence: number;
}

/**
 * Phone numbers normalised to E.164. A bare run of digits counts only when the text just
 * before it, or the agent's question, talks about a phone; a number right after an
 * order/account/reference label is never a phone.
 */
export function extractPhones(input: ExtractionInput, options: PhoneOptions): Extraction[] {
  const found: Extraction[] = [];
  for (const message of input.messages) {
    for (const candidate of findPhoneNumbersInText(message.text, { defaultCountry: options.defaultCountry, extended: true })) {
      const quote = message.text.slice(candidate.startsAt, candidate.endsAt);
      const before = message.text.slice(Math.max(0, candidate.startsAt - 40), candidate.startsAt);
      if (REFERENCE_WORDS.test(before)) continue;
      if (!candidate.number.isPossible()) continue;
      const formatted = /^\+/.test(quote) || /[\s().-]/.test(quote);
      const asked = PHONE_WORDS.test(before) || promptsBefore(input.conversation, message.id).some((prompt) => PHONE_WORDS.test(prompt));
      if (!formatted && !asked) continue;
      found.push({ value: candidate.number.number, messageId: message.id, quote, start: candidate.startsAt, confidence: formatted ? options.confidence : options.confidence - 0.1 });
    }
  }
  return found;
}
