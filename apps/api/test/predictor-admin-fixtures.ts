import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { TestApp } from './support/test-app.js';

const BITEXT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/eval/intents/bitext-dev.csv');

export interface BitextRow {
  text: string;
  category: string;
  intent: string;
}

/** Bitext rows (read-only shared eval data): every `step`-th row starting at `offset`. */
export function bitextSlice(offset: number, step: number, count: number): BitextRow[] {
  const rows = parse(readFileSync(BITEXT, 'utf8'), { columns: true, skip_empty_lines: true }) as { utterance: string; category: string; intent: string }[];
  const picked: BitextRow[] = [];
  for (let index = offset; index < rows.length && picked.length < count; index += step) {
    const row = rows[index]!;
    picked.push({ text: row.utterance, category: row.category, intent: row.intent });
  }
  return picked;
}

export const BITEXT_CATEGORIES = ['ACCOUNT', 'CANCELLATION_FEE', 'CONTACT', 'DELIVERY', 'FEEDBACK', 'INVOICE', 'NEWSLETTER', 'ORDER', 'PAYMENT', 'REFUND', 'SHIPPING_ADDRESS'];

/** Case fields for the Bitext labels: `category` (choice) and `intent` (lookup, open list). */
export const BITEXT_FIELDS = [
  { key: 'category', label: 'Category', type: 'choice', options: BITEXT_CATEGORIES.map((value) => ({ value })), threshold: 0.5 },
  { key: 'intent', label: 'Intent', type: 'lookup', threshold: 0.5 },
];

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function toCsv(rows: BitextRow[]): string {
  return ['text,category,intent', ...rows.map((row) => [row.text, row.category, row.intent].map(quote).join(','))].join('\n') + '\n';
}

/** Polls `path` until `done(body)` holds (or fails after `timeoutMs`). */
export async function pollUntil<T>(app: TestApp, token: string, path: string, done: (body: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let body: T | undefined;
    try {
      body = (await (await app.api(path, { token })).json()) as T;
    } catch (error) {
      // A kept-alive socket the server closed while busy training; poll again.
      if (Date.now() > deadline) throw error;
    }
    if (body !== undefined && done(body)) return body;
    if (Date.now() > deadline) throw new Error(`timed out waiting on ${path}: ${JSON.stringify(body).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
