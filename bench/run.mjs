// `pnpm bench`: email ingest, machine-mail classification, chat latency, prediction quality, memory and scale of the real
// Autocase processes, side by side with their targets. See bench/README.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApi } from './lib/build.mjs';
import { parseOptions, SECTIONS } from './lib/options.mjs';
import { figure, markdownTable, writeResults } from './lib/report.mjs';
import { runChatSection } from './lib/section-chat.mjs';
import { runEmailSection } from './lib/section-email.mjs';
import { runFaultsSection } from './lib/section-faults.mjs';
import { runMachineMailSection } from './lib/section-machine-mail.mjs';
import { runQualitySection } from './lib/section-quality.mjs';
import { runScaleSection } from './lib/section-scale.mjs';
import { runSpamSection } from './lib/section-spam.mjs';
import { runSoakSection } from './lib/section-soak.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const evalDir = process.env.AUTOCASE_EVAL_DIR ?? resolve(root, '../shared/eval');

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

const began = Date.now();
const log = (message) => process.stderr.write(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
const workDir = mkdtempSync(join(tmpdir(), 'autocase-bench-'));
const results = {
  date: new Date().toISOString(),
  machine: { cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? null, memoryGb: Math.round(totalmem() / 1e9), node: process.version },
  options: { ...options, only: [...options.only] },
  build: null,
  sections: {},
  errors: {},
};
const rows = [];

async function section(name, action) {
  try {
    const outcome = await action();
    rows.push(...outcome.rows);
    results.sections[name] = outcome.details;
  } catch (error) {
    log(`${name} failed: ${error.stack ?? error.message}`);
    results.errors[name] = error.message;
    rows.push(figure(name, `${name}: could not be measured`, error.message.split('\n')[0].slice(0, 200), { pass: false }));
  }
}

try {
  if (options.build) results.build = await buildApi(root, log);
  if (results.build?.warning) log(results.build.warning);
  const context = { root, workDir, options, evalDir, log, sections: options.only };
  if (options.only.has('email') || options.only.has('memory')) await section('email', () => runEmailSection(context));
  if (options.only.has('machine')) await section('machine', () => runMachineMailSection(context));
  if (options.only.has('chat')) await section('chat', () => runChatSection(context));
  if (options.only.has('quality')) await section('quality', () => runQualitySection({ root, evalDir, log }));
  if (options.only.has('spam')) await section('spam', () => runSpamSection({ evalDir, log }));
  if (options.only.has('memory') && options.soak) await section('soak', () => runSoakSection(context));
  if (options.only.has('scale')) await section('scale', () => runScaleSection(context));
  if (options.only.has('faults')) await section('faults', () => runFaultsSection(context));
} finally {
  results.durationSeconds = Math.round((Date.now() - began) / 1000);
  const full = !options.quick && options.only.size === SECTIONS.length && options.runs >= 3;
  const suffix = full ? '' : options.quick ? 'quick' : 'partial';
  results.figures = rows;
  const file = writeResults(join(here, 'results'), results.date.slice(0, 10), suffix, results);
  process.stdout.write(`\n## Autocase benchmark — ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${results.machine.cpus} cores, Node ${results.machine.node}, ${results.durationSeconds} s\n\n`);
  process.stdout.write(`${markdownTable(rows)}\n\n`);
  for (const [name, details] of Object.entries(results.sections)) {
    if (!details?.profile) continue;
    process.stdout.write(`Slowest stages, ${name} (CPU self time, ${details.profile.busyMs} ms busy): ${details.profile.pipelineStages.slice(0, 4).map((stage) => `${stage.name} ${(stage.share * 100).toFixed(0)} %`).join('; ')}\n`);
    process.stdout.write(`  top functions: ${details.profile.functions.slice(0, 6).map((entry) => `${entry.name} ${(entry.share * 100).toFixed(1)} %`).join('; ')}\n`);
  }
  process.stdout.write(`\nJSON: ${file}\n`);
  if (!process.env.BENCH_KEEP_WORKDIR) rmSync(workDir, { recursive: true, force: true });
  else log(`work folder kept: ${workDir}`);
}
process.exit(Object.keys(results.errors).length > 0 ? 1 : 0);
