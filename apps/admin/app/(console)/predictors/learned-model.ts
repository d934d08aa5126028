export interface LearnedModelStatus {
  status: 'untrained' | 'training' | 'ready' | 'failed';
  /** 0..1 over the whole run while training. */
  progress?: number;
  stage?: string | null;
  currentField?: string | null;
  trainedAt?: string | null;
  /** Imported examples stored now. */
  examples?: number;
  fields?: Array<{ field: string; classes?: number; examples?: number; accuracy?: number | null; validationExamples?: number; thresholds?: ThresholdFigure[] | null }>;
  message?: string | null;
}

/** On the held-out cases, at a confidence threshold: the share the model answers, and how often those answers are right. */
export interface ThresholdFigure {
  threshold: number;
  precision: number | null;
  coverage: number;
}

/** The thresholds every field's guide shows, from all fields' figures (sorted, distinct). */
export function guideThresholds(fields: LearnedModelStatus['fields']): number[] {
  return [...new Set((fields ?? []).flatMap((field) => (field.thresholds ?? []).map((entry) => entry.threshold)))].sort((left, right) => left - right);
}

/** One cell of the guide: "96% right · 91% answered", or why there is no figure. */
export function describeThresholdFigure(figure: ThresholdFigure | undefined): string {
  if (!figure) return '—';
  if (figure.precision === null || figure.coverage === 0) return 'answers none';
  return `${Math.round(figure.precision * 100)}% right · ${Math.round(figure.coverage * 100)}% answered`;
}

/** The guide entry a threshold falls under: the highest guide threshold at or below it (the lowest one below them all). */
export function guideAt(guide: ThresholdFigure[] | null | undefined, threshold: number): ThresholdFigure | null {
  const sorted = [...(guide ?? [])].sort((left, right) => left.threshold - right.threshold);
  if (sorted.length === 0) return null;
  return sorted.filter((entry) => entry.threshold <= threshold + 1e-9).at(-1) ?? sorted[0]!;
}

/** The threshold slider's line about the learned model, e.g. "Learned model, held-out cases at ≥ 70%: 96% right · 91% answered". */
export function describeGuideAt(guide: ThresholdFigure[] | null | undefined, threshold: number): string | null {
  const entry = guideAt(guide, threshold);
  if (!entry) return null;
  return `Learned model, held-out cases at ≥ ${Math.round(entry.threshold * 100)}%: ${describeThresholdFigure(entry)}`;
}

export interface ImportReport {
  imported: number;
  skipped: number;
  errors: Array<{ row: number; field?: string; message: string }>;
}

/** Accepts `{ imported, skipped?, errors?: [{ row|line|index, field?, message }] }` from the import endpoint (also its 400 body). */
export function toImportReport(payload: unknown): ImportReport {
  const body = (payload ?? {}) as { imported?: number; skipped?: number; errors?: Array<{ row?: number; line?: number; index?: number; field?: string; message?: string }> };
  const errors = (body.errors ?? []).map((error) => ({
    row: error.row ?? error.line ?? (typeof error.index === 'number' ? error.index + 1 : 0),
    ...(error.field ? { field: error.field } : {}),
    message: error.message ?? 'invalid row',
  }));
  return { imported: body.imported ?? 0, skipped: body.skipped ?? errors.length, errors };
}

/** The content type the import endpoint expects for a file. */
export function importContentType(file: { name: string; type: string }): string {
  if (/\.csv$/i.test(file.name) || file.type === 'text/csv') return 'text/csv';
  if (/\.jsonl$/i.test(file.name)) return 'application/x-ndjson';
  return 'application/json';
}

/** "Training category (vectorizing) · 40%" while a run is under way. */
export function describeTrainingProgress(status: LearnedModelStatus): string {
  const parts = [status.currentField ? `Training ${status.currentField}` : 'Training', status.stage ? `(${status.stage})` : ''].filter(Boolean).join(' ');
  return typeof status.progress === 'number' ? `${parts} · ${Math.round(status.progress * 100)}%` : parts;
}
