import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_OPTIONS } from './text-features.js';
import { TermTable, TfidfVectorizer } from './tfidf-vectorizer.js';

const texts = ['my card has not arrived', 'card not arrived yet', 'how do I top up', 'top up failed', 'my top up failed again'];
const options = { features: DEFAULT_FEATURE_OPTIONS, minDocumentFrequency: 1 };

describe('TfidfVectorizer', () => {
  it('gives the rows of the fitted texts the same values as transforming them afterwards, unit length', () => {
    const { vectorizer, rows } = TfidfVectorizer.fitTransform(texts, options);
    texts.forEach((text, index) => {
      const again = vectorizer.transform(text);
      expect([...again.indices]).toEqual([...rows[index]!.indices]);
      again.values.forEach((value, position) => expect(value).toBeCloseTo(rows[index]!.values[position]!, 6));
      expect(Math.hypot(...again.values)).toBeCloseTo(1, 5);
    });
  });

  it('fits a part of a term table exactly like a fresh vectoriser on those texts', () => {
    const table = new TermTable(texts, DEFAULT_FEATURE_OPTIONS);
    const part = TfidfVectorizer.fitTable(table, [3, 1, 4], options);
    const fresh = TfidfVectorizer.fitTransform([texts[3]!, texts[1]!, texts[4]!], options);
    expect(new Set(part.vectorizer.state.terms)).toEqual(new Set(fresh.vectorizer.state.terms));
    expect(part.vectorizer.state.terms).not.toContain('w:how');
    for (const text of texts) {
      const fromPart = part.vectorizer.transform(text);
      const fromFresh = fresh.vectorizer.transform(text);
      const byTerm = (vectorizer: TfidfVectorizer, row: typeof fromPart) => Object.fromEntries([...row.indices].map((column, position) => [vectorizer.state.terms[column], row.values[position]!.toFixed(6)]));
      expect(byTerm(part.vectorizer, fromPart)).toEqual(byTerm(fresh.vectorizer, fromFresh));
    }
  });

  it('keeps only the word pairs seen in at least two texts, and terms under the minimum frequency out', () => {
    const { vectorizer } = TfidfVectorizer.fitTransform(texts, options);
    const pairs = vectorizer.state.terms.filter((term) => term.startsWith('p:'));
    expect(pairs).toContain('p:fail|top');
    expect(pairs).toContain('p:arriv|card');
    expect(pairs).not.toContain('p:how|top');
    const strict = TfidfVectorizer.fitTransform(texts, { ...options, minDocumentFrequency: 2 }).vectorizer;
    expect(strict.state.terms).not.toContain('w:how');
    expect(strict.state.terms).toContain('w:top up');
  });

  it('gives an empty row to a text without any known term', () => {
    const { vectorizer } = TfidfVectorizer.fitTransform(texts, options);
    expect(vectorizer.transform('zzqx').indices.length).toBe(0);
  });
});
