// Section 1 (email ingest) and 4 (memory under ingest): baseline, embedded default, PostgreSQL + Redis, CPU profile.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeProfileFolder } from './cpu-profile.mjs';
import { runApiIngestOnce, runBaselineOnce } from './email-ingest.mjs';
import { figure, formatNumber, percent } from './report.mjs';
import { postgresDatabase, redisDatabase, sqliteDatabase } from './services.mjs';
import { loadMessages } from './smtp-sender.mjs';
import { summarizeRuns } from './stats.mjs';

const MEMORY_TARGET_MB = 300;
const INGEST_TARGET_SHARE = 0.5;

function readSqlCounts(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const rangeText = (summary, unit = '', digits) => `${formatNumber(summary.min, digits)}–${formatNumber(summary.max, digits)}${unit} (${summary.runs} runs)`;

export async function runEmailSection({ root, workDir, options, evalDir, log, sections }) {
  const messages = loadMessages(join(evalDir, 'emails/ham'), options.messages);
  const withSpeed = sections.has('email');
  const details = { messages: messages.length, connections: options.connections, baseline: [], embedded: [], postgres: [] };
  const redis = withSpeed ? await redisDatabase() : null;
  try {
    for (let run = 1; run <= options.runs; run += 1) {
      if (withSpeed) {
        log(`email run ${run}/${options.runs}: baseline`);
        details.baseline.push(await runBaselineOnce({ workDir, label: `baseline-${run}`, messages, connections: options.connections }));
      }
      log(`email run ${run}/${options.runs}: embedded default (SQLite, in-process jobs)`);
      const label = `embedded-${run}`;
      details.embedded.push(await runApiIngestOnce({ root, workDir, label, store: async () => sqliteDatabase(workDir, label), messages, connections: options.connections }));
      if (withSpeed) {
        log(`email run ${run}/${options.runs}: PostgreSQL + Redis`);
        details.postgres.push(await runApiIngestOnce({ root, workDir, label: `postgres-${run}`, store: postgresDatabase, redis, messages, connections: options.connections }));
      }
    }
  } finally {
    await redis?.release().catch(() => undefined);
  }

  const rows = [];
  if (withSpeed) {
    const baseline = summarizeRuns(details.baseline.map((run) => run.messagesPerSecond));
    rows.push(figure('email', `Email baseline: smtp-server → mailparser → SQLite row → 250 (${messages.length} msgs, ${options.connections} connections)`, `${formatNumber(baseline.median)} msg/s`, { range: rangeText(baseline) }));
    for (const [key, name] of [['embedded', 'embedded default (SQLite, in-process jobs)'], ['postgres', 'PostgreSQL + Redis (Bull)']]) {
      const speed = summarizeRuns(details[key].map((run) => run.messagesPerSecond));
      const accepted = summarizeRuns(details[key].map((run) => run.acceptedPerSecond));
      const share = speed.median / baseline.median;
      const failed = details[key].reduce((sum, run) => sum + run.outcomes.failed, 0);
      if (failed) rows.push(figure('email', `Email messages whose processing failed, ${name} (see the API logs)`, `${failed} of ${details[key].reduce((sum, run) => sum + run.outcomes.stored, 0)}`, { target: '0', pass: false }));
      const refused = details[key].reduce((sum, run) => sum + run.refused, 0);
      if (refused) rows.push(figure('email', `Email messages refused over SMTP, ${name}`, `${refused}: ${Object.keys(details[key].find((run) => run.refused).refusals)[0]}`, { target: '0', pass: false }));
      details[`${key}Summary`] = { messagesPerSecond: speed, acceptedPerSecond: accepted, shareOfBaseline: share };
      rows.push(figure('email', `Email ingest end-to-end, ${name}`, `${formatNumber(speed.median)} msg/s = ${percent(share)} of baseline`, { range: `${rangeText(speed)}; ${percent(speed.min / baseline.median)}–${percent(speed.max / baseline.median)}`, target: '≥ 50 % of baseline', pass: share >= INGEST_TARGET_SHARE }));
      const first = details[key].map((run) => run.firstFifthPerSecond).filter(Boolean);
      const last = details[key].map((run) => run.lastFifthPerSecond).filter(Boolean);
      if (first.length && last.length) {
        const [firstRate, lastRate] = [summarizeRuns(first), summarizeRuns(last)];
        rows.push(figure('email', `Email processing rate, first → last fifth of the messages, ${name}`, `${formatNumber(firstRate.median)} → ${formatNumber(lastRate.median)} msg/s`, { range: `first ${rangeText(firstRate)}; last ${rangeText(lastRate)}` }));
      }
      rows.push(figure('email', `Email SMTP accept rate (250 after durable store), ${name}`, `${formatNumber(accepted.median)} msg/s = ${percent(accepted.median / baseline.median)} of baseline`, { range: rangeText(accepted) }));
    }
    const outcomes = details.embedded[0]?.outcomes;
    if (outcomes) rows.push(figure('email', 'Email outcomes of one embedded run (case-created / linked / skipped / failed)', `${outcomes['case-created']} / ${outcomes.linked} / ${outcomes.skipped} / ${outcomes.failed} of ${outcomes.stored} stored`));
  }
  const idle = summarizeRuns(details.embedded.map((run) => run.idleResidentMegabytes));
  const peak = summarizeRuns(details.embedded.map((run) => run.peakResidentMegabytes[0]));
  details.memory = { idleResidentMegabytes: idle, peakResidentMegabytes: peak };
  rows.push(figure('memory', 'API RSS idle (embedded, after start)', `${formatNumber(idle.median)} MB`, { range: rangeText(idle, ' MB'), target: `≤ ${MEMORY_TARGET_MB} MB`, pass: idle.median <= MEMORY_TARGET_MB }));
  rows.push(figure('memory', `API RSS peak under ingest (embedded, ${messages.length} msgs)`, `${formatNumber(peak.median)} MB`, { range: rangeText(peak, ' MB'), target: `≤ ${MEMORY_TARGET_MB} MB`, pass: peak.median <= MEMORY_TARGET_MB }));

  if (withSpeed) {
    log(`email: CPU profile of the embedded API over ${options.profileMessages} messages`);
    const profileDir = join(workDir, 'profile-email');
    mkdirSync(profileDir, { recursive: true });
    const sqlCountFile = join(workDir, 'embedded-profiled-sql.json');
    const profiled = await runApiIngestOnce({ root, workDir, label: 'embedded-profiled', store: async () => sqliteDatabase(workDir, 'embedded-profiled'), messages: messages.slice(0, options.profileMessages), connections: options.connections, cpuProfileDir: profileDir, sqlCountFile });
    details.profile = { messagesPerSecond: profiled.messagesPerSecond, ...summarizeProfileFolder(profileDir, 15, { skipMs: profiled.ingestOffsetMs }) };
    const statements = readSqlCounts(sqlCountFile);
    if (statements) {
      details.sqlStatements = { perMessage: statements.total / profiled.accepted, ...statements, statements: statements.statements.slice(0, 15) };
      rows.push(figure('email', 'SQLite statements prepared per email (embedded, whole pipeline incl. completion polling)', `${formatNumber(details.sqlStatements.perMessage)}`, { range: `top: ${statements.statements.slice(0, 3).map((entry) => `${entry.sql.slice(0, 60)}… ×${entry.count}`).join('; ')}` }));
    }
    rows.push(figure('email', 'Email ingest slowest stage (CPU self time during ingest, embedded)', `${details.profile.slowestStage}: ${percent(details.profile.pipelineStages[0]?.share)}`));
  }
  return { rows, details };
}
