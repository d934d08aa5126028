// Email ingest: the baseline pipeline and the real API, each fed the same messages over SMTP.
import { join } from 'node:path';
import { ApiClient, startApi } from './api-process.mjs';
import { configurePredictors } from './bench-plugins.mjs';
import { residentMegabytes, sampleResidentMemory, sleep, startProcess } from './processes.mjs';
import { BENCH_MAILBOX, sendMessages } from './smtp-sender.mjs';

const HERE = new URL('.', import.meta.url).pathname;

/** One run of the baseline (smtp-server → mailparser → better-sqlite3 row → 250) in its own process. */
export async function runBaselineOnce({ workDir, label, messages, connections }) {
  let resolvePort;
  const portKnown = new Promise((resolve) => {
    resolvePort = resolve;
  });
  const handle = startProcess({
    command: process.execPath,
    args: [join(HERE, 'baseline-smtp.mjs'), join(workDir, `${label}.sqlite`)],
    env: process.env,
    logFile: join(workDir, `${label}.log`),
    onStdoutLine: (line) => {
      if (line.startsWith('{')) resolvePort(JSON.parse(line).port);
    },
  });
  try {
    const port = await Promise.race([portKnown, handle.exited.then((exit) => Promise.reject(new Error(`the baseline SMTP server exited: ${JSON.stringify(exit)}`)))]);
    const sent = await sendMessages({ ports: [port], messages, connections });
    if (sent.accepted === 0) throw new Error(`the baseline accepted no message: ${JSON.stringify(sent.refusals)}`);
    return { messagesPerSecond: sent.accepted / sent.seconds, seconds: sent.seconds, accepted: sent.accepted, refused: sent.refused };
  } finally {
    await handle.stop();
  }
}

/** The benchmark's rules predictor, mailbox and one catch-all ARC rule (create a case, predict fields, create contacts). */
export async function configureEmail(admin) {
  await configurePredictors(admin);
  const { items } = await admin.get('/api/admin/mailboxes');
  if (!items.some((mailbox) => mailbox.address === BENCH_MAILBOX)) await admin.post('/api/admin/mailboxes', { address: BENCH_MAILBOX, displayName: 'Bench support' });
  const rules = await admin.get('/api/admin/arc-rules');
  const list = Array.isArray(rules) ? rules : rules.items;
  if (!list.some((rule) => rule.mailbox === BENCH_MAILBOX)) {
    await admin.post('/api/admin/arc-rules', {
      mailbox: BENCH_MAILBOX,
      name: 'Bench: every email opens a case',
      items: [{ id: 'every-email', name: 'Every email', conditions: [], action: 'create-case', predictFields: true, unknownSender: 'create-contact' }],
    });
  }
}

async function emailTotal(admin, filter = '') {
  return (await admin.get(`/api/emails?pageSize=1${filter}`)).total;
}

/** Outcomes of the stored emails: `{ 'case-created': n, linked: n, skipped: n, failed: n, received: n }`. */
export async function emailOutcomes(admin) {
  const outcomes = {};
  for (const outcome of ['case-created', 'linked', 'skipped', 'failed']) outcomes[outcome] = await emailTotal(admin, `&outcome=${outcome}`);
  outcomes.unprocessed = await emailTotal(admin, '&status=received');
  outcomes.stored = await emailTotal(admin);
  return outcomes;
}

/**
 * Polls GET /api/emails until no stored email is still `received`; resolves with the time it
 * happened. `progress` (optional array) receives `{ at, processed }` at every poll.
 */
export async function waitUntilProcessed(admin, { timeoutMs, pollMs = 250, progress }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [pending, stored] = await Promise.all([emailTotal(admin, '&status=received'), progress ? emailTotal(admin) : 0]);
    progress?.push({ at: performance.now(), processed: stored - pending });
    if (pending === 0) return performance.now();
    if (Date.now() > deadline) throw new Error(`${pending} emails were still unprocessed after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(pollMs);
  }
}

/** Processing rate over the first and the last fifth of the messages (does it slow down as the store grows?). */
export function processingRates(progress, total) {
  const timeWhen = (count) => progress.find((point) => point.processed >= count)?.at;
  const rate = (from, to) => {
    const [start, end] = [timeWhen(from), timeWhen(to)];
    return start !== undefined && end !== undefined && end > start ? (to - from) / ((end - start) / 1000) : null;
  };
  const fifth = Math.floor(total / 5);
  return { firstFifthPerSecond: rate(Math.max(1, Math.floor(fifth / 10)), fifth), lastFifthPerSecond: rate(total - fifth, total) };
}

/**
 * Sends the messages to already started API processes and waits until every stored email has
 * an outcome. Memory of the first process is sampled throughout.
 */
export async function ingestInto(apis, { messages, connections, timeoutMs = 600_000 }) {
  const admin = await ApiClient.login(apis[0].url);
  await configureEmail(admin);
  for (const api of apis.slice(1)) await ApiClient.login(api.url);
  await sleep(300);
  const memory = apis.map((api) => sampleResidentMemory(api.pid));
  const ingestStartedAt = Date.now();
  const progress = [];
  let sending = true;
  const watching = (async () => {
    while (sending) {
      const [pending, stored] = await Promise.all([emailTotal(admin, '&status=received'), emailTotal(admin)]);
      progress.push({ at: performance.now(), processed: stored - pending });
      await sleep(250);
    }
  })();
  const sent = await sendMessages({ ports: apis.map((api) => api.smtpPort), messages, connections }).finally(() => {
    sending = false;
  });
  await watching;
  if (sent.accepted === 0) throw new Error(`the API accepted no message: ${JSON.stringify(sent.refusals)}`);
  const finishedAt = await waitUntilProcessed(admin, { timeoutMs, progress });
  const samples = memory.map((sampler) => sampler.stop());
  const outcomes = await emailOutcomes(admin);
  const seconds = (finishedAt - sent.startedAt) / 1000;
  return {
    messagesPerSecond: sent.accepted / seconds,
    acceptedPerSecond: sent.accepted / sent.seconds,
    seconds,
    accepted: sent.accepted,
    refused: sent.refused,
    refusals: sent.refusals,
    outcomes,
    peakResidentMegabytes: samples.map((list) => Math.max(...list.map((sample) => sample.megabytes))),
    ...processingRates(progress, sent.accepted),
    /** How long after the first API process started the ingest began (to leave boot out of a CPU profile). */
    ingestOffsetMs: ingestStartedAt - apis[0].startedAt,
  };
}

/** One measured run: a fresh store, the API started on it, the messages ingested, the API stopped. */
export async function runApiIngestOnce({ root, workDir, label, store, redis, messages, connections, processes = 1, cpuProfileDir, sqlCountFile }) {
  const database = await store();
  if (redis) await redis.flush();
  const apis = [];
  try {
    for (let index = 0; index < processes; index += 1) {
      apis.push(await startApi({ root, workDir, label: `${label}-p${index + 1}`, databaseUrl: database.url, redisUrl: redis?.url, cpuProfileDir, sqlCountFile }));
      // The mailbox exists before further processes start, as in a deployment that scales out later.
      if (index === 0) await configureEmail(await ApiClient.login(apis[0].url));
    }
    await sleep(1000);
    const idleResidentMegabytes = residentMegabytes(apis[0].pid);
    const result = await ingestInto(apis, { messages, connections });
    return { ...result, idleResidentMegabytes, processes };
  } finally {
    for (const api of apis) await api.stop();
    await database.drop().catch(() => undefined);
  }
}
