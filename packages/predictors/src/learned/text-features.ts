/** How a text is cut into the terms the TF-IDF vectoriser counts. */
export interface FeatureOptions {
  /** Word n-gram sizes, inclusive, e.g. [1, 2]. */
  wordNgrams: [number, number];
  /** Character n-gram sizes within word boundaries, inclusive, e.g. [2, 5]; null disables them. */
  charNgrams: [number, number] | null;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { wordNgrams: [1, 2], charNgrams: [2, 5] };

const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-cased words of a text; digits are kept, punctuation dropped. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(WORD_PATTERN) ?? [];
}

/**
 * The terms of a text: word n-grams prefixed `w:` and character n-grams (taken inside each
 * word padded with spaces, like scikit-learn's `char_wb`) prefixed `c:`. Repeats are kept,
 * so callers can count term frequency.
 */
export function extractTerms(text: string, options: FeatureOptions): string[] {
  const words = tokenize(text);
  const terms: string[] = [];
  const [minWord, maxWord] = options.wordNgrams;
  for (let size = minWord; size <= maxWord; size += 1) {
    for (let start = 0; start + size <= words.length; start += 1) {
      terms.push(`w:${words.slice(start, start + size).join(' ')}`);
    }
  }
  if (options.charNgrams) {
    const [minChar, maxChar] = options.charNgrams;
    for (const word of words) {
      const padded = ` ${word} `;
      for (let size = minChar; size <= maxChar; size += 1) {
        if (size > padded.length) break;
        for (let start = 0; start + size <= padded.length; start += 1) terms.push(`c:${padded.slice(start, start + size)}`);
      }
    }
  }
  return terms;
}
