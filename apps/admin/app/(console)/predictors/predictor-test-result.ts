export type PredictorTestView = Array<{
  predictor: string;
  predictions: Array<{ field: string; value: unknown; confidence: number | undefined; quotes: string[] }>;
  warnings: string[];
  error: string | null;
}>;

interface RawPrediction {
  field?: string;
  value?: unknown;
  confidence?: number;
  evidence?: Array<{ quote?: string }>;
}

interface RawResult {
  predictor?: string | { id?: string };
  predictorId?: string;
  predictions?: RawPrediction[];
  warnings?: Array<string | { message?: string }>;
  error?: string | { message?: string } | null;
}

const text = (value: string | { message?: string } | null | undefined): string | null => (typeof value === 'string' ? value : (value?.message ?? null));

/** Reads `{ results: [...] }` or a bare list of per-predictor results. */
export function toPredictorTestView(payload: unknown): PredictorTestView {
  const list: RawResult[] = Array.isArray(payload) ? payload : ((payload as { results?: RawResult[] } | null)?.results ?? []);
  return list.map((result) => ({
    predictor: (typeof result.predictor === 'string' ? result.predictor : result.predictor?.id) ?? result.predictorId ?? 'predictor',
    predictions: (result.predictions ?? []).map((prediction) => ({
      field: prediction.field ?? '?',
      value: prediction.value,
      confidence: prediction.confidence,
      quotes: (prediction.evidence ?? []).map((evidence) => evidence.quote ?? '').filter(Boolean),
    })),
    warnings: (result.warnings ?? []).map((warning) => text(warning) ?? '').filter(Boolean),
    error: text(result.error),
  }));
}
