export interface FieldRate {
  field: string;
  evaluated: number;
  matched: number;
  /** matched / evaluated, 0..1 (null when nothing was evaluated). */
  rate: number | null;
  abstained: number;
  /** Share of examples the engine filled at the threshold, when reported. */
  coverage: number | null;
  /** Share of filled values that were right, when reported. */
  precision: number | null;
  threshold: number | null;
}

export interface CaseFieldResult {
  actual: unknown;
  predicted: unknown;
  /** On an abstained row: what a predictor proposed below the threshold (its confidence is `confidence`). */
  proposed: unknown;
  confidence: number | null;
  predictor: string | null;
  evidence: string[];
  match: boolean;
  abstention: string | null;
}

export interface CaseResult {
  id: string;
  label: string;
  error: string | null;
  fields: Record<string, CaseFieldResult>;
}

export interface BacktestReport {
  id: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  processed: number;
  total: number;
  error: string | null;
  uploadErrors: Array<{ row: number; field?: string; message: string }>;
  fields: FieldRate[];
  cases: CaseResult[];
  casesPage: { page: number; pageSize: number; total: number } | null;
  /** Which examples were scored and why (e.g. only those the learned model never saw). */
  evaluation: string | null;
  /** Predictors that failed, with their error; `everywhere` when they never answered. */
  predictorFailures: Array<{ predictorId: string; failedExamples: number; everywhere: boolean; message: string }>;
}

type RawField = { field?: string; key?: string; evaluated?: number; total?: number; matched?: number; correct?: number; rate?: number; matchRate?: number; abstained?: number; coverage?: number; precision?: number; threshold?: number };
type RawCaseField = { actual?: unknown; predicted?: unknown; proposed?: unknown; confidence?: number | null; predictor?: string | { id?: string } | null; evidence?: Array<{ quote?: string } | string>; match?: boolean; abstention?: string | null };
type RawCase = { caseId?: string; id?: string; number?: string; title?: string; index?: number; error?: string; fields?: Record<string, RawCaseField> };
type RawRun = {
  id?: string;
  status?: BacktestReport['status'];
  progress?: number;
  processed?: number;
  total?: number;
  error?: string | null;
  uploadErrors?: Array<{ row?: number; field?: string; message?: string }>;
  fields?: RawField[] | Record<string, RawField>;
  perField?: RawField[];
  cases?: RawCase[];
  casesPage?: { page: number; pageSize: number; total: number };
  evaluation?: { description?: string };
  predictorFailures?: Array<{ predictorId?: string; failedExamples?: number; failedEverywhere?: boolean; message?: string }>;
};

const same = (left: unknown, right: unknown) => String(left ?? '').trim().toLowerCase() === String(right ?? '').trim().toLowerCase();

export function isFinished(report: BacktestReport): boolean {
  return report.status === 'done' || report.status === 'failed';
}

/** Normalizes a backtest run (or a synchronous answer): status, per-field rates (computed when absent), per-case actual vs predicted. */
export function toBacktestReport(payload: unknown): BacktestReport {
  const body = (payload ?? {}) as RawRun;
  const rawFields = Array.isArray(body.fields) ? body.fields : body.fields ? Object.entries(body.fields).map(([field, value]) => ({ field, ...value })) : (body.perField ?? []);
  const fields = rawFields.map((raw) => {
    const evaluated = raw.evaluated ?? raw.total ?? 0;
    const matched = raw.correct ?? raw.matched ?? 0;
    return {
      field: raw.field ?? raw.key ?? '?',
      evaluated,
      matched,
      abstained: raw.abstained ?? 0,
      rate: raw.matchRate ?? raw.rate ?? (evaluated > 0 ? matched / evaluated : null),
      coverage: raw.coverage ?? null,
      precision: raw.precision ?? null,
      threshold: raw.threshold ?? null,
    };
  });
  const cases = (body.cases ?? []).map((raw, index) => ({
    id: raw.caseId ?? raw.id ?? `row-${index + 1}`,
    label: raw.number ?? raw.title ?? raw.caseId ?? `Row ${(raw.index ?? index) + 1}`,
    error: raw.error ?? null,
    fields: Object.fromEntries(
      Object.entries(raw.fields ?? {}).map(([key, value]) => [
        key,
        {
          actual: value.actual ?? null,
          predicted: value.predicted ?? null,
          proposed: value.proposed ?? null,
          confidence: value.confidence ?? null,
          predictor: typeof value.predictor === 'string' ? value.predictor : (value.predictor?.id ?? null),
          evidence: (value.evidence ?? []).map((evidence) => (typeof evidence === 'string' ? evidence : (evidence.quote ?? ''))).filter(Boolean),
          match: value.match ?? same(value.actual, value.predicted),
          abstention: value.abstention ?? null,
        },
      ]),
    ),
  }));
  return {
    id: body.id ?? null,
    status: body.status ?? 'done',
    progress: body.progress ?? (body.status && body.status !== 'done' ? 0 : 1),
    processed: body.processed ?? cases.length,
    total: body.total ?? cases.length,
    error: body.error ?? null,
    uploadErrors: (body.uploadErrors ?? []).map((error) => ({ row: error.row ?? 0, ...(error.field ? { field: error.field } : {}), message: error.message ?? 'invalid row' })),
    fields,
    cases,
    casesPage: body.casesPage ?? null,
    evaluation: body.evaluation?.description ?? null,
    predictorFailures: (body.predictorFailures ?? []).map((failure) => ({
      predictorId: failure.predictorId ?? '?',
      failedExamples: failure.failedExamples ?? 0,
      everywhere: failure.failedEverywhere ?? false,
      message: failure.message ?? 'failed',
    })),
  };
}
