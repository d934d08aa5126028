// Runs the predictors package's quality script (packages/predictors/bench/quality.mjs) and reads its report.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const percentValue = (text) => Number(text.replace(/\s*%$/, '')) / 100;

/**
 * Parses the script's text report: a heading line per data set, then indented lines
 * `accuracy A %   macro-F1 F %`, `confidence ≥ T: precision P %, coverage C %` and `name: value`.
 */
export function parseQualityReport(text) {
  const sections = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!line.startsWith(' ')) {
      sections.push({ name: line.trim(), atThreshold: [], details: {} });
      continue;
    }
    const section = sections.at(-1);
    if (!section) continue;
    const scores = /accuracy\s+([\d.]+ %)\s+macro-F1\s+([\d.]+ %)/.exec(line);
    const threshold = /confidence ≥ ([\d.]+): precision ([\d.]+ %), coverage ([\d.]+ %)/.exec(line);
    const detail = /^\s+([^:]+):\s+(.+)$/.exec(line);
    if (scores) Object.assign(section, { accuracy: percentValue(scores[1]), macroF1: percentValue(scores[2]) });
    else if (threshold) section.atThreshold.push({ threshold: Number(threshold[1]), precision: percentValue(threshold[2]), coverage: percentValue(threshold[3]) });
    else if (detail) section.details[detail[1].trim()] = detail[2].trim();
  }
  const complete = sections.filter((section) => section.accuracy !== undefined);
  if (complete.length === 0) throw new Error(`the quality script printed no accuracy line; its output began:\n${text.slice(0, 500)}`);
  return complete;
}

/** Runs the quality script with this Node and returns its parsed sections. */
export function runQualityScript(root) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'packages/predictors/bench/quality.mjs')], { cwd: join(root, 'packages/predictors'), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the predictors quality script failed (exit ${code}): ${errors.slice(-800)}`));
      try {
        resolve(parseQualityReport(output));
      } catch (error) {
        reject(error);
      }
    });
  });
}
