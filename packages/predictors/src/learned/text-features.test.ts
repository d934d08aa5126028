import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_OPTIONS, extractTerms, stemWord, tokenize, WORD_PAIR_WINDOW } from './text-features.js';

const words = (terms: string[], prefix: string) => terms.filter((term) => term.startsWith(prefix)).map((term) => term.slice(prefix.length));

describe('extractTerms', () => {
  it('keeps the original recipe when stemming and pairs are off (models trained before them)', () => {
    const terms = extractTerms('Cards arrived', { wordNgrams: [1, 2], charNgrams: [2, 3] });
    expect(words(terms, 'w:')).toEqual(['cards', 'arrived', 'cards arrived']);
    expect(words(terms, 'c:')).toEqual([' c', 'ca', 'ar', 'rd', 'ds', 's ', ' ca', 'car', 'ard', 'rds', 'ds ', ' a', 'ar', 'rr', 'ri', 'iv', 've', 'ed', 'd ', ' ar', 'arr', 'rri', 'riv', 'ive', 'ved', 'ed ']);
    expect(words(terms, 'p:')).toEqual([]);
  });

  it('stems word n-grams so inflections count as one term, but keeps character n-grams as written', () => {
    const options = { wordNgrams: [1, 2] as [number, number], charNgrams: [4, 4] as [number, number], stemWords: true };
    expect(words(extractTerms('charged cards', options), 'w:')).toEqual(['charg', 'card', 'charg card']);
    expect(words(extractTerms('charges card', options), 'w:')).toEqual(['charg', 'card', 'charg card']);
    expect(words(extractTerms('charged', options), 'c:')).toContain('rged');
    expect(stemWord('arriving')).toBe('arriv');
  });

  it('adds each unordered pair of distinct words once, whatever their order and distance in a short text', () => {
    const options = { wordNgrams: [1, 1] as [number, number], charNgrams: null, stemWords: true, wordPairs: true };
    expect(words(extractTerms('my card has not arrived, card', options), 'p:')).toEqual(
      ['card|my', 'ha|my', 'my|not', 'arriv|my', 'card|ha', 'card|not', 'arriv|card', 'ha|not', 'arriv|ha', 'arriv|not'],
    );
    expect(words(extractTerms('arrived card', options), 'p:')).toEqual(words(extractTerms('card arrived', options), 'p:'));
  });

  it('pairs only nearby words in a long text, so the term count grows linearly', () => {
    const text = Array.from({ length: 400 }, (_, index) => `word${index}`).join(' ');
    const pairs = words(extractTerms(text, { ...DEFAULT_FEATURE_OPTIONS, charNgrams: null }), 'p:');
    expect(pairs.length).toBe(400 * WORD_PAIR_WINDOW - (WORD_PAIR_WINDOW * (WORD_PAIR_WINDOW + 1)) / 2);
    expect(pairs).toContain('word0|word24');
    expect(pairs).not.toContain('word0|word25');
  });

  it('tokenizes letters and digits of any script, lower-cased', () => {
    expect(tokenize('Où est ma carte? Order #A-1234, don’t')).toEqual(['où', 'est', 'ma', 'carte', 'order', 'a', '1234', 'don’t']);
  });
});
