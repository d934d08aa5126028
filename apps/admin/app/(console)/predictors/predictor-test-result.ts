export interface PredictorTestProposal {
  field: string;
  value: unknown;
  confidence: number | undefined;
  quotes: string[];
  /** False when the confidence is below the field's threshold (the engine would not use it). */
  clearsThreshold: boolean | null;
}

export interface PredictorTestResultView {
  predictor: string;
  predictions: PredictorTestProposal[];
  warnings: string[];
  error: string | null;
}

export interface PredictorTestView {
  results: PredictorTestResultView[];
  /** What the engine would set after precedence and thresholds. */
  merged: Array<{ field: string; value: unknown; confidence: number | null; predictor: string | null }>;
  /** Fields left empty, with why. */
  abstentions: Array<{ field: string; detail: string }>;
}

interface RawPrediction {
  field?: string;
  value?: unknown;
  confidence?: number;
  clearsThreshold?: boolean;
  evidence?: Array<{ quote?: string }>;
}

interface RawResult {
  predictor?: string | { id?: string };
  predictorId?: string;
  predictions?: RawPrediction[];
  warnings?: Array<string | { message?: string }>;
  error?: string | { message?: string; code?: string } | null;
}

interface RawAnswer {
  results?: RawResult[];
  merged?: { fields?: Record<string, { value?: unknown; confidence?: number | null; predictor?: string | null }>; abstentions?: Array<{ field?: string; detail?: string; reason?: string }> };
}

const text = (value: string | { message?: string; code?: string } | null | undefined): string | null =>
  typeof value === 'string' ? value : value?.message ? (value.code ? `${value.code}: ${value.message}` : value.message) : null;

/** Reads `{ results, merged }` (or a bare list of per-predictor results). */
export function toPredictorTestView(payload: unknown): PredictorTestView {
  const answer: RawAnswer = Array.isArray(payload) ? { results: payload as RawResult[] } : ((payload ?? {}) as RawAnswer);
  return {
    results: (answer.results ?? []).map((result) => ({
      predictor: (typeof result.predictor === 'string' ? result.predictor : result.predictor?.id) ?? result.predictorId ?? 'predictor',
      predictions: (result.predictions ?? []).map((prediction) => ({
        field: prediction.field ?? '?',
        value: prediction.value,
        confidence: prediction.confidence,
        quotes: (prediction.evidence ?? []).map((evidence) => evidence.quote ?? '').filter(Boolean),
        clearsThreshold: prediction.clearsThreshold ?? null,
      })),
      warnings: (result.warnings ?? []).map((warning) => text(warning) ?? '').filter(Boolean),
      error: text(result.error),
    })),
    merged: Object.entries(answer.merged?.fields ?? {}).map(([field, state]) => ({ field, value: state.value, confidence: state.confidence ?? null, predictor: state.predictor ?? null })),
    abstentions: (answer.merged?.abstentions ?? []).map((abstention) => ({ field: abstention.field ?? '?', detail: abstention.detail ?? abstention.reason ?? '' })),
  };
}

/** Keeps only what concerns one field. */
export function onlyField(view: PredictorTestView, field: string): PredictorTestView {
  return {
    results: view.results.map((result) => ({ ...result, predictions: result.predictions.filter((prediction) => prediction.field === field) })),
    merged: view.merged.filter((entry) => entry.field === field),
    abstentions: view.abstentions.filter((entry) => entry.field === field),
  };
}
