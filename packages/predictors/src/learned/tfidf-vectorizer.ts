import { extractTerms, type FeatureOptions } from './text-features.js';
import type { SparseVector } from './sparse-vector.js';

/** A fitted TF-IDF vocabulary: term → column, and each column's inverse document frequency. */
export interface TfidfState {
  features: FeatureOptions;
  terms: string[];
  idf: Float32Array;
}

export interface TfidfFitOptions {
  /** Terms seen in fewer documents than this are dropped. */
  minDocumentFrequency: number;
  /** Word pairs (`p:` terms) seen in fewer documents than this are dropped. Default 2: a pair met once says little and they are most of the vocabulary. */
  minPairFrequency?: number;
}

/**
 * The terms of a set of texts, each distinct term cut and hashed once: `termIds[text]` lists the
 * ids of a text's terms (repeats kept), `terms[id]` names them. Several vocabularies can be
 * fitted from one table (e.g. on a training split, then on everything) without re-reading text.
 */
export class TermTable {
  readonly terms: string[] = [];
  readonly termIds: Int32Array[];

  constructor(
    texts: readonly string[],
    readonly features: FeatureOptions,
  ) {
    const idByTerm = new Map<string, number>();
    this.termIds = texts.map((text) => {
      const termsOfText = extractTerms(text, features);
      const ids = new Int32Array(termsOfText.length);
      for (let position = 0; position < termsOfText.length; position += 1) {
        const term = termsOfText[position]!;
        let id = idByTerm.get(term);
        if (id === undefined) {
          id = this.terms.length;
          idByTerm.set(term, id);
          this.terms.push(term);
        }
        ids[position] = id;
      }
      return ids;
    });
  }
}

/**
 * TF-IDF with sublinear term frequency (1 + ln tf), smoothed idf (ln((1 + n) / (1 + df)) + 1)
 * and L2-normalised rows — the usual recipe for short texts.
 */
export class TfidfVectorizer {
  private readonly columnByTerm: Map<string, number>;
  private readonly counts: Float64Array;

  constructor(readonly state: TfidfState) {
    this.columnByTerm = new Map(state.terms.map((term, column) => [term, column]));
    this.counts = new Float64Array(state.terms.length);
  }

  /** Fits the vocabulary and returns the rows of the same texts, cutting each text into terms once. */
  static fitTransform(texts: readonly string[], options: TfidfFitOptions & { features: FeatureOptions }): { vectorizer: TfidfVectorizer; rows: SparseVector[] } {
    return TfidfVectorizer.fitTable(new TermTable(texts, options.features), texts.keys(), options);
  }

  /**
   * Fits the vocabulary on some texts of a term table (`which`: their positions, in the order
   * the rows are wanted) and returns their rows. Columns follow first appearance in the table.
   */
  static fitTable(table: TermTable, which: Iterable<number>, options: TfidfFitOptions): { vectorizer: TfidfVectorizer; rows: SparseVector[] } {
    const chosen = [...which];
    const documentFrequency = new Int32Array(table.terms.length);
    const lastText = new Int32Array(table.terms.length).fill(-1);
    for (const text of chosen) {
      for (const id of table.termIds[text]!) {
        if (lastText[id] === text) continue;
        lastText[id] = text;
        documentFrequency[id]! += 1;
      }
    }
    const minPairFrequency = Math.max(options.minPairFrequency ?? 2, options.minDocumentFrequency);
    const columnOfId = new Int32Array(table.terms.length).fill(-1);
    const terms: string[] = [];
    const idfValues: number[] = [];
    table.terms.forEach((term, id) => {
      const frequency = documentFrequency[id]!;
      if (frequency === 0 || frequency < (term.startsWith('p:') ? minPairFrequency : options.minDocumentFrequency)) return;
      columnOfId[id] = terms.length;
      terms.push(term);
      idfValues.push(Math.log((1 + chosen.length) / (1 + frequency)) + 1);
    });
    const vectorizer = new TfidfVectorizer({ features: table.features, terms, idf: Float32Array.from(idfValues) });
    const columns: number[] = [];
    const rows = chosen.map((text) => {
      columns.length = 0;
      for (const id of table.termIds[text]!) if (columnOfId[id]! >= 0) columns.push(columnOfId[id]!);
      return vectorizer.weigh(columns);
    });
    return { vectorizer, rows };
  }

  get dimension(): number {
    return this.state.terms.length;
  }

  transform(text: string): SparseVector {
    const columns: number[] = [];
    for (const term of extractTerms(text, this.state.features)) {
      const column = this.columnByTerm.get(term);
      if (column !== undefined) columns.push(column);
    }
    return this.weigh(columns);
  }

  /** The weighted, normalised row of a text given the columns of its terms (repeats kept). */
  private weigh(columns: readonly number[]): SparseVector {
    const { counts } = this;
    const distinct: number[] = [];
    for (const column of columns) {
      if (counts[column] === 0) distinct.push(column);
      counts[column]! += 1;
    }
    distinct.sort((left, right) => left - right);
    const indices = Int32Array.from(distinct);
    const values = new Float32Array(distinct.length);
    let sumOfSquares = 0;
    for (let position = 0; position < distinct.length; position += 1) {
      const column = distinct[position]!;
      const value = (1 + Math.log(counts[column]!)) * this.state.idf[column]!;
      counts[column] = 0;
      values[position] = value;
      sumOfSquares += value * value;
    }
    if (sumOfSquares > 0) {
      const scale = 1 / Math.sqrt(sumOfSquares);
      for (let position = 0; position < values.length; position += 1) values[position]! *= scale;
    }
    return { indices, values };
  }
}
