// Section 5: ingest with 1, 2 and 3 API processes sharing one PostgreSQL database and Redis.
import { join } from 'node:path';
import { runApiIngestOnce } from './email-ingest.mjs';
import { figure, formatNumber } from './report.mjs';
import { postgresDatabase, redisDatabase } from './services.mjs';
import { loadMessages } from './smtp-sender.mjs';
import { summarizeRuns } from './stats.mjs';

export async function runScaleSection({ root, workDir, options, evalDir, log }) {
  const messages = loadMessages(join(evalDir, 'emails/ham'), options.scaleMessages);
  const runs = Math.max(1, options.runs - 1);
  const redis = await redisDatabase();
  const details = { messages: messages.length, runsPerSize: runs, sizes: {} };
  try {
    for (let run = 1; run <= runs; run += 1) {
      for (const processes of [1, 2, 3]) {
        log(`scale run ${run}/${runs}: ${processes} API process(es) on PostgreSQL + Redis, ${messages.length} msgs`);
        const result = await runApiIngestOnce({ root, workDir, label: `scale-${processes}-${run}`, store: postgresDatabase, redis, messages, connections: options.connections, processes });
        (details.sizes[processes] ??= []).push(result);
      }
    }
  } finally {
    await redis.release().catch(() => undefined);
  }
  const single = summarizeRuns(details.sizes[1].map((run) => run.messagesPerSecond));
  const rows = [];
  for (const processes of [1, 2, 3]) {
    const speed = summarizeRuns(details.sizes[processes].map((run) => run.messagesPerSecond));
    details.sizes[`${processes}Summary`] = speed;
    const refused = details.sizes[processes].reduce((sum, run) => sum + run.refused, 0);
    const failed = details.sizes[processes].reduce((sum, run) => sum + run.outcomes.failed, 0);
    const refusedNote = `${refused ? `; ${refused} messages refused: ${Object.keys(details.sizes[processes].find((run) => run.refused)?.refusals ?? {})[0]}` : ''}${failed ? `; processing failed for ${failed}` : ''}`;
    const threading = details.sizes[processes].map((run) => `${run.outcomes['case-created']} created / ${run.outcomes.linked} linked`);
    rows.push(figure('scale', `Email threading with ${processes} API process${processes > 1 ? 'es' : ''} (cases created / replies linked; must not depend on the number of processes)`, threading.join('; '), { target: `same as 1 process (${details.sizes[1].map((run) => `${run.outcomes['case-created']} / ${run.outcomes.linked}`).join('; ')})`, pass: details.sizes[processes].every((run) => run.outcomes['case-created'] === details.sizes[1][0].outcomes['case-created'] && run.outcomes.linked === details.sizes[1][0].outcomes.linked) }));
    rows.push(figure('scale', `Email ingest with ${processes} API process${processes > 1 ? 'es' : ''} (PostgreSQL + Redis, ${messages.length} msgs)`, `${formatNumber(speed.median)} msg/s = ${formatNumber(speed.median / single.median, 2)}× one process${refusedNote}`, { range: `${formatNumber(speed.min)}–${formatNumber(speed.max)} msg/s (${speed.runs} runs)`, target: 'every message accepted and processed', pass: refused === 0 && failed === 0 }));
  }
  return { rows, details };
}
