import type { Extraction, ExtractionInput } from './extraction.js';

const SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const WORDS: Record<string, string> = { dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', yen: 'JPY', rupees: 'INR' };
const CODES = 'USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|INR|CNY|HKD|SGD|ZAR|BRL|MXN';
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,3}(?:\.\d{3})*,\d{2}(?!\d)|\d+(?:\.\d{1,2})?`;

/** Reads "1,299.50" and the European "1.299,50" alike. */
function parseAmount(text: string): number {
  const decimalComma = /,\d{2}$/.test(text) && !/,\d{3}/.test(text);
  return Number(decimalComma ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, ''));
}
const AMOUNT = new RegExp(
  String.raw`(?<symbol>[$€£¥₹])\s?(?<symbolAmount>${NUMBER})` +
    String.raw`|\b(?<code>${CODES})\s?(?<codeAmount>${NUMBER})\b` +
    String.raw`|\b(?<suffixAmount>${NUMBER})\s?(?:(?<suffixCode>${CODES})\b|(?<suffixSymbol>[€£])|(?<word>dollars?|euros?|pounds|yen|rupees)\b)`,
  'g',
);

export interface AmountOptions {
  /** Currency meant by a bare `$`. */
  dollarSignCurrency: string;
  confidence: number;
}

/** Amounts with a currency, normalised to "CODE 12.50" (ISO 4217 code, two decimals). */
export function extractAmounts(input: ExtractionInput, options: AmountOptions): Extraction[] {
  const found: Extraction[] = [];
  for (const message of input.messages) {
    for (const match of message.text.matchAll(AMOUNT)) {
      const groups = match.groups ?? {};
      const amount = groups.symbolAmount ?? groups.codeAmount ?? groups.suffixAmount ?? '';
      const symbol = groups.symbol ?? groups.suffixSymbol;
      const currency = symbol === '$' ? options.dollarSignCurrency : symbol ? SYMBOLS[symbol] : groups.code ?? groups.suffixCode ?? WORDS[(groups.word ?? '').toLowerCase()];
      if (!currency || !amount) continue;
      const value = `${currency} ${parseAmount(amount).toFixed(2)}`;
      found.push({ value, messageId: message.id, quote: match[0], start: match.index, confidence: options.confidence });
    }
  }
  return found;
}
