export interface LearnedModelStatus {
  status: 'untrained' | 'training' | 'ready' | 'failed';
  trainedAt?: string | null;
  examples?: number;
  storedCases?: number;
  fields?: Array<{ field: string; classes?: number; examples?: number; accuracy?: number | null }>;
  message?: string | null;
}

export interface ImportReport {
  imported: number;
  skipped: number;
  errors: Array<{ row: number; message: string }>;
}

/** Accepts `{ imported, skipped?, errors?: [{ row|line|index, message }] }` from the import endpoint. */
export function toImportReport(payload: unknown): ImportReport {
  const body = (payload ?? {}) as { imported?: number; skipped?: number; errors?: Array<{ row?: number; line?: number; index?: number; message?: string }> };
  const errors = (body.errors ?? []).map((error) => ({ row: error.row ?? error.line ?? (typeof error.index === 'number' ? error.index + 1 : 0), message: error.message ?? 'invalid row' }));
  return { imported: body.imported ?? 0, skipped: body.skipped ?? errors.length, errors };
}

/** The content type the import endpoint expects for a file. */
export function importContentType(file: { name: string; type: string }): string {
  if (/\.csv$/i.test(file.name) || file.type === 'text/csv') return 'text/csv';
  if (/\.jsonl$/i.test(file.name)) return 'application/x-ndjson';
  return 'application/json';
}
