import { extractTerms, type FeatureOptions } from './text-features.js';
import { normalizeL2, sparseFromCounts, type SparseVector } from './sparse-vector.js';

/** A fitted TF-IDF vocabulary: term → column, and each column's inverse document frequency. */
export interface TfidfState {
  features: FeatureOptions;
  terms: string[];
  idf: Float32Array;
}

export interface TfidfFitOptions {
  features: FeatureOptions;
  /** Terms seen in fewer documents than this are dropped. */
  minDocumentFrequency: number;
}

/**
 * TF-IDF with sublinear term frequency (1 + ln tf), smoothed idf (ln((1 + n) / (1 + df)) + 1)
 * and L2-normalised rows — the usual recipe for short texts.
 */
export class TfidfVectorizer {
  private readonly columnByTerm: Map<string, number>;

  constructor(readonly state: TfidfState) {
    this.columnByTerm = new Map(state.terms.map((term, column) => [term, column]));
  }

  static fit(texts: readonly string[], options: TfidfFitOptions): TfidfVectorizer {
    const documentFrequency = new Map<string, number>();
    for (const text of texts) {
      for (const term of new Set(extractTerms(text, options.features))) {
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      }
    }
    const terms = [...documentFrequency.entries()]
      .filter(([, frequency]) => frequency >= options.minDocumentFrequency)
      .map(([term]) => term)
      .sort();
    const idf = new Float32Array(terms.length);
    terms.forEach((term, column) => {
      idf[column] = Math.log((1 + texts.length) / (1 + (documentFrequency.get(term) ?? 0))) + 1;
    });
    return new TfidfVectorizer({ features: options.features, terms, idf });
  }

  get dimension(): number {
    return this.state.terms.length;
  }

  transform(text: string): SparseVector {
    const counts = new Map<number, number>();
    for (const term of extractTerms(text, this.state.features)) {
      const column = this.columnByTerm.get(term);
      if (column !== undefined) counts.set(column, (counts.get(column) ?? 0) + 1);
    }
    const vector = sparseFromCounts(counts);
    for (let position = 0; position < vector.indices.length; position += 1) {
      const tf = vector.values[position]!;
      vector.values[position] = (1 + Math.log(tf)) * this.state.idf[vector.indices[position]!]!;
    }
    return normalizeL2(vector);
  }
}
