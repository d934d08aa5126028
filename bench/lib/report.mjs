// The figures table (Markdown) and the JSON results file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Formats a number with a sensible number of digits. */
export function formatNumber(value, digits) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const places = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toFixed(places);
}

export const percent = (value) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`);

/** A figure row: `{ section, figure, value, range, target, pass }` where pass is true, false or null (no target). */
export function figure(section, name, value, { range = '', target = '', pass = null } = {}) {
  return { section, figure: name, value, range, target, pass };
}

export function markdownTable(rows) {
  const escape = (text) => String(text ?? '').replace(/\|/g, '\\|');
  const verdict = (pass) => (pass === true ? 'pass' : pass === false ? '**fail**' : '');
  const lines = ['| figure | value | range | target | pass/fail |', '|---|---|---|---|---|'];
  for (const row of rows) lines.push(`| ${escape(row.figure)} | ${escape(row.value)} | ${escape(row.range)} | ${escape(row.target)} | ${verdict(row.pass)} |`);
  return lines.join('\n');
}

/** Writes bench/results/<date>[-suffix].json and returns its path. */
export function writeResults(folder, date, suffix, results) {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${date}${suffix ? `-${suffix}` : ''}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
