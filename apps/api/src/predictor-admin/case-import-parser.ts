import { parse as parseCsv } from 'csv-parse/sync';
import { normalizeFieldValue, type FieldDefinition } from '@autocase/core';

/** One good row of an import: the text the predictors read and the right value per field key. */
export interface ImportedCase {
  /** 1-based: the array position for JSON, the line number for CSV and NDJSON. */
  row: number;
  text: string;
  fields: Record<string, string>;
}

export interface ImportRowError {
  row: number;
  /** The field key or column at fault, when one is. */
  field?: string;
  message: string;
}

export interface ParsedImport {
  format: 'json' | 'ndjson' | 'csv';
  cases: ImportedCase[];
  errors: ImportRowError[];
}

/** A problem with the whole upload (not one row): unreadable body, unknown columns, no text column. */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}

const TEXT_KEYS = new Set(['text', 'subject', 'description']);
const MAX_TEXT_CHARACTERS = 100_000;

export function importFormatOf(contentType: string | undefined, body: string): ParsedImport['format'] {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('csv')) return 'csv';
  if (type.includes('ndjson') || type.includes('jsonl')) return 'ndjson';
  if (type.includes('json')) return 'json';
  const start = body.trimStart()[0];
  return start === '[' || start === '{' ? 'json' : 'csv';
}

function rawText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value.trim() : String(value).trim();
}

/** Validates one row's text and field values against the field definitions; adds its errors to `errors`. */
function toCase(row: number, record: Record<string, unknown>, values: Record<string, unknown>, fieldsByKey: Map<string, FieldDefinition>, errors: ImportRowError[]): ImportedCase | null {
  const subject = rawText(record.subject);
  const description = rawText(record.description);
  const text = rawText(record.text) || [subject, description].filter(Boolean).join('\n');
  const rowErrors: ImportRowError[] = [];
  if (!text) rowErrors.push({ row, field: 'text', message: 'missing text (give `text`, or `subject` and/or `description`)' });
  else if (text.length > MAX_TEXT_CHARACTERS) rowErrors.push({ row, field: 'text', message: `text is longer than ${MAX_TEXT_CHARACTERS} characters` });
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const definition = fieldsByKey.get(key);
    if (!definition) {
      rowErrors.push({ row, field: key, message: `${key}: not a configured case field (known: ${[...fieldsByKey.keys()].join(', ')})` });
      continue;
    }
    const raw = rawText(value);
    if (raw === '') continue;
    const check = normalizeFieldValue(definition, raw);
    if (!check.ok) {
      rowErrors.push({ row, field: key, message: `${key}: ${check.error}` });
      continue;
    }
    if (check.value !== null) fields[key] = String(check.value);
  }
  if (rowErrors.length === 0 && Object.keys(fields).length === 0) rowErrors.push({ row, message: 'no field values: give at least one labelled field' });
  errors.push(...rowErrors);
  return rowErrors.length === 0 ? { row, text, fields } : null;
}

function parseJsonRecords(body: string, format: 'json' | 'ndjson'): { row: number; record: unknown }[] {
  if (format === 'ndjson') {
    const records: { row: number; record: unknown }[] = [];
    body.split(/\r?\n/).forEach((line, index) => {
      if (!line.trim()) return;
      try {
        records.push({ row: index + 1, record: JSON.parse(line) });
      } catch (error) {
        records.push({ row: index + 1, record: new Error(`not valid JSON: ${(error as Error).message}`) });
      }
    });
    return records;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new ImportFormatError(`the body is not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(list)) throw new ImportFormatError('a JSON import is an array of cases (or { "cases": [...] }), each { text | subject + description, fields: { key: value } }');
  return list.map((record: unknown, index) => ({ row: index + 1, record }));
}

function parseJson(body: string, format: 'json' | 'ndjson', fieldsByKey: Map<string, FieldDefinition>): ParsedImport {
  const result: ParsedImport = { format, cases: [], errors: [] };
  for (const { row, record } of parseJsonRecords(body, format)) {
    if (record instanceof Error) {
      result.errors.push({ row, message: record.message });
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      result.errors.push({ row, message: 'a case must be an object { text, fields }' });
      continue;
    }
    const object = record as Record<string, unknown>;
    const fields = object.fields;
    if (fields !== undefined && (typeof fields !== 'object' || fields === null || Array.isArray(fields))) {
      result.errors.push({ row, field: 'fields', message: 'fields must be an object { fieldKey: value }' });
      continue;
    }
    const parsed = toCase(row, object, (fields as Record<string, unknown> | undefined) ?? {}, fieldsByKey, result.errors);
    if (parsed) result.cases.push(parsed);
  }
  return result;
}

function parseCsvBody(body: string, fieldsByKey: Map<string, FieldDefinition>): ParsedImport {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(body, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw new ImportFormatError(`the CSV could not be read: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new ImportFormatError('the CSV is empty: give a header row (text or subject/description, then one column per field key)');
  const columns = header.record.map((column) => column.trim());
  const unknown = columns.filter((column) => column && !TEXT_KEYS.has(column) && !fieldsByKey.has(column) && column !== 'id');
  if (unknown.length > 0) throw new ImportFormatError(`CSV column(s) ${unknown.map((column) => `"${column}"`).join(', ')} are not case fields (known: text, subject, description, id, ${[...fieldsByKey.keys()].join(', ')})`);
  if (!columns.some((column) => TEXT_KEYS.has(column))) throw new ImportFormatError('the CSV needs a `text` column, or `subject` and/or `description`');
  const result: ParsedImport = { format: 'csv', cases: [], errors: [] };
  for (const { record, info } of rows) {
    const row = info.lines;
    if (record.length !== columns.length) {
      result.errors.push({ row, message: `has ${record.length} values but the header has ${columns.length} columns` });
      continue;
    }
    const object: Record<string, string> = {};
    const values: Record<string, string> = {};
    columns.forEach((column, index) => {
      if (TEXT_KEYS.has(column)) object[column] = record[index] ?? '';
      else if (fieldsByKey.has(column)) values[column] = record[index] ?? '';
    });
    const parsed = toCase(row, object, values, fieldsByKey, result.errors);
    if (parsed) result.cases.push(parsed);
  }
  return result;
}

/**
 * Parses an upload of labelled historical cases (JSON array, NDJSON or CSV with a header row)
 * against the configured fields. Bad rows are reported with their row number and kept out;
 * good rows are returned. Throws ImportFormatError when the upload as a whole is unreadable.
 */
export function parseCaseImport(body: string, contentType: string | undefined, fields: FieldDefinition[]): ParsedImport {
  if (!body.trim()) throw new ImportFormatError('the upload is empty');
  const fieldsByKey = new Map(fields.map((field) => [field.key, field]));
  const format = importFormatOf(contentType, body);
  return format === 'csv' ? parseCsvBody(body, fieldsByKey) : parseJson(body, format, fieldsByKey);
}
