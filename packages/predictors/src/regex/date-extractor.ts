import type { Extraction, ExtractionInput } from './extraction.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const DATE = new RegExp(
  String.raw`\b(?<isoYear>\d{4})-(?<isoMonth>\d{1,2})-(?<isoDay>\d{1,2})\b` +
    String.raw`|\b(?<first>\d{1,2})[/.](?<second>\d{1,2})[/.](?<numYear>\d{4}|\d{2})\b` +
    String.raw`|\b(?<monthFirst>${MONTH_NAME})\s+(?<dayAfter>${DAY}),?\s+(?<yearAfterDay>\d{4})\b` +
    String.raw`|\b(?<dayFirst>${DAY})(?:\s+of)?\s+(?<monthAfter>${MONTH_NAME}),?\s+(?<yearAfterMonth>\d{4})\b`,
  'gi',
);

export interface DateOptions {
  /** How to read 03/04/2025: month first (US) or day first. */
  numericOrder: 'month-first' | 'day-first';
  confidence: number;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Calendar dates with a year, normalised to ISO 8601 (YYYY-MM-DD); impossible dates are skipped. */
export function extractDates(input: ExtractionInput, options: DateOptions): Extraction[] {
  const found: Extraction[] = [];
  for (const message of input.messages) {
    for (const match of message.text.matchAll(DATE)) {
      const groups = match.groups ?? {};
      let value: string | null = null;
      if (groups.isoYear) value = isoDate(Number(groups.isoYear), Number(groups.isoMonth), Number(groups.isoDay));
      else if (groups.numYear) {
        const year = groups.numYear.length === 2 ? 2000 + Number(groups.numYear) : Number(groups.numYear);
        const [month, day] = options.numericOrder === 'month-first' ? [groups.first, groups.second] : [groups.second, groups.first];
        value = isoDate(year, Number(month), Number(day));
      } else if (groups.monthFirst) value = isoDate(Number(groups.yearAfterDay), monthNumber(groups.monthFirst), parseInt(groups.dayAfter ?? '', 10));
      else if (groups.monthAfter) value = isoDate(Number(groups.yearAfterMonth), monthNumber(groups.monthAfter), parseInt(groups.dayFirst ?? '', 10));
      if (value) found.push({ value, messageId: message.id, quote: match[0], start: match.index, confidence: options.confidence });
    }
  }
  return found;
}
