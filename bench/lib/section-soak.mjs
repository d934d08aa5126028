// Section 4 with --soak: API memory over a 10-minute ingest soak on the embedded default.
import { join } from 'node:path';
import { ApiClient, startApi } from './api-process.mjs';
import { configureEmail, waitUntilProcessed } from './email-ingest.mjs';
import { residentMegabytes, sleep } from './processes.mjs';
import { figure, formatNumber, percent } from './report.mjs';
import { sqliteDatabase } from './services.mjs';
import { loadMessages, sendMessages, withFreshMessageIds } from './smtp-sender.mjs';
import { median } from './stats.mjs';

const MEMORY_TARGET_MB = 300;
const FLAT_GROWTH = 0.1;

export async function runSoakSection({ root, workDir, options, evalDir, log }) {
  const messages = loadMessages(join(evalDir, 'emails/ham'), 500);
  const database = sqliteDatabase(workDir, 'soak');
  const api = await startApi({ root, workDir, label: 'soak', databaseUrl: database.url });
  const samples = [];
  const sampler = setInterval(() => {
    const megabytes = residentMegabytes(api.pid);
    if (megabytes !== null) samples.push({ at: Date.now(), megabytes });
  }, 5000);
  let batches = 0;
  try {
    const admin = await ApiClient.login(api.url);
    await configureEmail(admin);
    const started = Date.now();
    const endsAt = started + options.soakMinutes * 60_000;
    log(`soak: ${options.soakMinutes} minutes of ingest in batches of ${messages.length}`);
    while (Date.now() < endsAt) {
      batches += 1;
      await sendMessages({ ports: [api.smtpPort], messages: withFreshMessageIds(messages, `soak${batches}`), connections: options.connections });
      await waitUntilProcessed(admin, { timeoutMs: 600_000 });
      await sleep(200);
    }
  } finally {
    clearInterval(sampler);
    await api.stop();
    await database.drop();
  }
  const minuteOf = (sample) => Math.floor((sample.at - samples[0].at) / 60_000);
  const lastMinute = Math.max(...samples.map(minuteOf));
  const perMinute = Array.from({ length: lastMinute + 1 }, (_, minute) => samples.filter((sample) => minuteOf(sample) === minute).map((sample) => sample.megabytes)).filter((list) => list.length).map(median);
  const first = perMinute[0];
  const last = perMinute.at(-1);
  const growth = (last - first) / first;
  const details = { batches, messagesPerBatch: messages.length, perMinuteMedianMegabytes: perMinute, firstMinuteMegabytes: first, lastMinuteMegabytes: last, growth };
  const rows = [
    figure('memory', `API RSS growth over a ${options.soakMinutes}-minute ingest soak (first → last minute, ${batches * messages.length} msgs)`, `${formatNumber(first)} → ${formatNumber(last)} MB (${percent(growth)})`, { range: `${formatNumber(Math.min(...perMinute))}–${formatNumber(Math.max(...perMinute))} MB per-minute medians`, target: `≤ ${MEMORY_TARGET_MB} MB and flat (≤ ${percent(FLAT_GROWTH)})`, pass: last <= MEMORY_TARGET_MB && growth <= FLAT_GROWTH }),
  ];
  return { rows, details };
}
