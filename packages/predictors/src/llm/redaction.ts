import { findPhoneNumbersInText } from 'libphonenumber-js';
import { EMAIL_PATTERN } from '../regex/email-extractor.js';

export interface RedactionOptions {
  emails: boolean;
  phones: boolean;
  cardNumbers: boolean;
}

export interface RedactionCounts {
  emails: number;
  phones: number;
  cardNumbers: number;
}

const CARD_CANDIDATE = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Replaces emails, phone numbers and payment card numbers (Luhn-checked) with placeholders, counting them. */
export function redact(text: string, options: RedactionOptions, counts: RedactionCounts): string {
  let result = text;
  if (options.cardNumbers) {
    result = result.replace(CARD_CANDIDATE, (candidate) => {
      if (!passesLuhn(candidate.replace(/\D/g, ''))) return candidate;
      counts.cardNumbers += 1;
      return '[CARD NUMBER]';
    });
  }
  if (options.emails) {
    result = result.replace(EMAIL_PATTERN, () => {
      counts.emails += 1;
      return '[EMAIL]';
    });
  }
  if (options.phones) {
    const found = findPhoneNumbersInText(result, { defaultCountry: 'US' });
    for (const phone of [...found].reverse()) {
      result = `${result.slice(0, phone.startsAt)}[PHONE]${result.slice(phone.endsAt)}`;
      counts.phones += 1;
    }
  }
  return result;
}

/** "redacted 2 emails and 1 card number before calling the model", or null when nothing was redacted. */
export function describeRedactions(counts: RedactionCounts): string | null {
  const parts = [
    counts.emails ? `${counts.emails} email${counts.emails > 1 ? 's' : ''}` : '',
    counts.phones ? `${counts.phones} phone number${counts.phones > 1 ? 's' : ''}` : '',
    counts.cardNumbers ? `${counts.cardNumbers} card number${counts.cardNumbers > 1 ? 's' : ''}` : '',
  ].filter(Boolean);
  return parts.length ? `redacted ${parts.join(' and ')} before calling the model` : null;
}
