import { stemmer } from 'stemmer';

/** How a text is cut into the terms the TF-IDF vectoriser counts. */
export interface FeatureOptions {
  /** Word n-gram sizes, inclusive, e.g. [1, 2]. */
  wordNgrams: [number, number];
  /** Character n-gram sizes within word boundaries, inclusive, e.g. [2, 5]; null disables them. */
  charNgrams: [number, number] | null;
  /**
   * Word n-grams and pairs use Porter stems ("charged", "charges" → "charg"), so inflections of
   * a word count as one. Character n-grams always see the words as written. Default false
   * (models trained before this option existed).
   */
  stemWords?: boolean;
  /**
   * Adds the unordered pairs of distinct words of the text (`arriv|card`), so the model sees
   * which words occur together anywhere in a short text, not only side by side (in long texts,
   * words at most {@link WORD_PAIR_WINDOW} positions apart). Default false.
   */
  wordPairs?: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { wordNgrams: [1, 2], charNgrams: [2, 5], stemWords: true, wordPairs: true };

/** Word pairs are taken among words at most this many positions apart, so long texts stay linear. */
export const WORD_PAIR_WINDOW = 24;

const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-cased words of a text; digits are kept, punctuation dropped. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(WORD_PATTERN) ?? [];
}

const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/** The Porter stem of a lower-cased word (memoised: the same words recur in every text). */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stem = stemmer(word);
    stemCache.set(word, stem);
  }
  return stem;
}

/**
 * The terms of a text: word n-grams prefixed `w:`, character n-grams (taken inside each word
 * padded with spaces, like scikit-learn's `char_wb`) prefixed `c:`, and unordered word pairs
 * prefixed `p:`. Repeats are kept, so callers can count term frequency.
 */
export function extractTerms(text: string, options: FeatureOptions): string[] {
  const words = tokenize(text);
  const keys = options.stemWords ? words.map(stemWord) : words;
  const terms: string[] = [];
  const [minWord, maxWord] = options.wordNgrams;
  for (let size = Math.max(minWord, 1); size <= maxWord; size += 1) {
    for (let start = 0; start + size <= keys.length; start += 1) {
      let gram = keys[start]!;
      for (let offset = 1; offset < size; offset += 1) gram += ` ${keys[start + offset]!}`;
      terms.push(`w:${gram}`);
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
  if (options.wordPairs) {
    const pairs = new Set<string>();
    for (let first = 0; first < keys.length; first += 1) {
      const end = Math.min(keys.length, first + WORD_PAIR_WINDOW + 1);
      for (let second = first + 1; second < end; second += 1) {
        const left = keys[first]!;
        const right = keys[second]!;
        if (left !== right) pairs.add(left < right ? `p:${left}|${right}` : `p:${right}|${left}`);
      }
    }
    for (const pair of pairs) terms.push(pair);
  }
  return terms;
}
