import { calibratedConfidence, confidenceFeatures, softmaxInPlace } from './calibration.js';
import type { LearnedModel } from './learned-model.js';
import { scoreRow } from './linear-svm.js';
import { TfidfVectorizer } from './tfidf-vectorizer.js';

export interface Classification {
  label: string;
  /** Calibrated probability that `label` is right. */
  confidence: number;
  /** Raw score of `label` (for ranking evidence). */
  score: number;
}

/** A loaded model that classifies texts. */
export class TextClassifier {
  private readonly vectorizer: TfidfVectorizer;

  constructor(readonly model: LearnedModel) {
    this.vectorizer = new TfidfVectorizer({ features: model.features, terms: model.terms, idf: model.idf });
  }

  /** Temperature-scaled probabilities of every label, in `model.labels` order (the ranking behind `classify`; its confidence is calibrated further). */
  probabilities(text: string): Float64Array {
    return softmaxInPlace(scoreRow(this.model.linear, this.vectorizer.transform(text)), this.model.temperature);
  }

  /** Raw score of one label for a text. */
  scoreOf(text: string, labelIndex: number): number {
    return scoreRow(this.model.linear, this.vectorizer.transform(text))[labelIndex]!;
  }

  /** The most probable label, or null when the text has no known term. */
  classify(text: string): Classification | null {
    const row = this.vectorizer.transform(text);
    if (row.indices.length === 0) return null;
    const scores = scoreRow(this.model.linear, row);
    let best = 0;
    for (let label = 1; label < scores.length; label += 1) if (scores[label]! > scores[best]!) best = label;
    const score = scores[best]!;
    const { calibrator, temperature } = this.model;
    const confidence = calibrator ? calibratedConfidence(calibrator, confidenceFeatures(scores, temperature)) : softmaxInPlace(scores, temperature)[best]!;
    return { label: this.model.labels[best]!, confidence, score };
  }
}
