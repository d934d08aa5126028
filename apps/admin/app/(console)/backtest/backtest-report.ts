export interface FieldRate {
  field: string;
  evaluated: number;
  matched: number;
  /** matched / evaluated, 0..1 (null when nothing was evaluated). */
  rate: number | null;
  abstained: number;
}

export interface CaseFieldResult {
  actual: unknown;
  predicted: unknown;
  confidence: number | null;
  predictor: string | null;
  evidence: string[];
  match: boolean;
}

export interface CaseResult {
  id: string;
  label: string;
  fields: Record<string, CaseFieldResult>;
}

export interface BacktestReport {
  fields: FieldRate[];
  cases: CaseResult[];
}

type RawField = { field?: string; key?: string; evaluated?: number; total?: number; matched?: number; correct?: number; rate?: number; matchRate?: number; abstained?: number };
type RawCaseField = { actual?: unknown; predicted?: unknown; confidence?: number; predictor?: string | { id?: string }; evidence?: Array<{ quote?: string } | string>; match?: boolean };
type RawCase = { caseId?: string; id?: string; number?: string; title?: string; index?: number; fields?: Record<string, RawCaseField> };

const same = (left: unknown, right: unknown) => String(left ?? '').trim().toLowerCase() === String(right ?? '').trim().toLowerCase();

/** Normalizes the backtest answer: per-field rates (computed when absent) and per-case actual vs predicted. */
export function toBacktestReport(payload: unknown): BacktestReport {
  const body = (payload ?? {}) as { fields?: RawField[] | Record<string, RawField>; perField?: RawField[]; cases?: RawCase[] };
  const rawFields = Array.isArray(body.fields) ? body.fields : body.fields ? Object.entries(body.fields).map(([field, value]) => ({ field, ...value })) : (body.perField ?? []);
  const fields = rawFields.map((raw) => {
    const evaluated = raw.evaluated ?? raw.total ?? 0;
    const matched = raw.matched ?? raw.correct ?? 0;
    return { field: raw.field ?? raw.key ?? '?', evaluated, matched, abstained: raw.abstained ?? 0, rate: raw.rate ?? raw.matchRate ?? (evaluated > 0 ? matched / evaluated : null) };
  });
  const cases = (body.cases ?? []).map((raw, index) => ({
    id: raw.caseId ?? raw.id ?? `row-${index + 1}`,
    label: raw.number ?? raw.title ?? raw.caseId ?? `Row ${(raw.index ?? index) + 1}`,
    fields: Object.fromEntries(
      Object.entries(raw.fields ?? {}).map(([key, value]) => [
        key,
        {
          actual: value.actual ?? null,
          predicted: value.predicted ?? null,
          confidence: value.confidence ?? null,
          predictor: typeof value.predictor === 'string' ? value.predictor : (value.predictor?.id ?? null),
          evidence: (value.evidence ?? []).map((evidence) => (typeof evidence === 'string' ? evidence : (evidence.quote ?? ''))).filter(Boolean),
          match: value.match ?? same(value.actual, value.predicted),
        },
      ]),
    ),
  }));
  return { fields, cases };
}
