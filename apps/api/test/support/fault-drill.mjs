// Fault drills against real API processes: kill -9 mid-load, a PostgreSQL outage, a Redis outage
// (Redis comes back empty), redelivery. Each drill returns figures the fault suite asserts
// (test/faults.test.ts) and `pnpm bench` reports (bench/lib/section-faults.mjs):
// every message answered 250 stored once and processed once, one case per email, nothing left
// unprocessed after recovery, and how long recovery took.
import { ADMIN, sleep, startApi } from './fault-services.mjs';
import { drillMessage, sendMessages } from './smtp-drill-client.mjs';

export const DRILL_MAILBOX = 'support@faults.autocase.test';
/** How long a drill waits for recovery: 90 s, more for big loads (the bench). */
const settleTimeoutMs = (count) => Math.max(90_000, count * 120);

const bare = (messageId) => (messageId ?? '').replace(/^<|>$/g, '');

/** A signed-in admin's JSON client that never throws: `{ status, body, headers, ms }`. */
async function adminClient(url) {
  const call = async (method, path, body, token) => {
    const startedAt = Date.now();
    try {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers, ms: Date.now() - startedAt };
    } catch (error) {
      return { status: 0, body: { message: error.message }, headers: new Headers(), ms: Date.now() - startedAt };
    }
  };
  const session = await call('POST', '/api/auth/login', ADMIN);
  if (session.status !== 200) throw new Error(`login failed with ${session.status}: ${JSON.stringify(session.body)}`);
  const token = session.body.token;
  return { url, get: (path) => call('GET', path, undefined, token), post: (path, body) => call('POST', path, body, token) };
}

async function configureMailbox(client) {
  const mailbox = await client.post('/api/admin/mailboxes', { address: DRILL_MAILBOX, displayName: 'Drill support' });
  if (mailbox.status !== 201) throw new Error(`creating the mailbox answered ${mailbox.status}: ${JSON.stringify(mailbox.body)}`);
  const rule = await client.post('/api/admin/arc-rules', { mailbox: DRILL_MAILBOX, name: 'Every email is a case', items: [{ id: 'all', name: 'Everything', fieldMappings: [{ field: 'title', source: 'subject' }] }] });
  if (rule.status !== 201) throw new Error(`creating the ARC rule answered ${rule.status}: ${JSON.stringify(rule.body)}`);
}

/** Every stored email and the number of cases, read over the API (null while it cannot answer). */
async function snapshot(client) {
  const emails = [];
  for (let page = 1; ; page += 1) {
    const response = await client.get(`/api/emails?pageSize=200&page=${page}`);
    if (response.status !== 200) return null;
    emails.push(...response.body.items);
    if (response.body.items.length < 200) break;
  }
  const cases = await client.get('/api/cases?pageSize=1');
  if (cases.status !== 200) return null;
  return { emails, casesTotal: cases.body.total };
}

/** The exactly-once figures of a drill, from what the senders were told (250 or not) and what is stored. */
function assess(results, state) {
  const accepted = new Set(results.filter((result) => result.code === 250).map((result) => result.message.messageId));
  const byMessageId = new Map();
  for (const email of state.emails) byMessageId.set(bare(email.messageId), [...(byMessageId.get(bare(email.messageId)) ?? []), email]);
  const lost = [...accepted].filter((messageId) => !byMessageId.has(messageId));
  const storedTwice = [...byMessageId.entries()].filter(([, emails]) => emails.filter((email) => email.duplicateOf === null || email.duplicateOf === undefined).length > 1).map(([messageId]) => messageId);
  const unprocessed = state.emails.filter((email) => email.status === 'received').length;
  const failed = state.emails.filter((email) => email.status === 'failed').length;
  const caseIds = state.emails.map((email) => email.caseId).filter(Boolean);
  const created = state.emails.filter((email) => email.outcome === 'case-created');
  return {
    accepted: accepted.size,
    stored: state.emails.length,
    lost: lost.length,
    storedTwice: storedTwice.length,
    unprocessed,
    failed,
    casesCreated: created.length,
    cases: state.casesTotal,
    emailsSharingACase: caseIds.length - new Set(caseIds).size,
    casesWithoutTheirEmail: state.casesTotal - new Set(caseIds).size,
  };
}

/** Polls until no stored email is left to process; the time it took, and the figures then. */
async function waitSettled(client, results, since) {
  const deadline = Date.now() + settleTimeoutMs(results.length);
  for (;;) {
    const state = await snapshot(client);
    if (state) {
      const figures = assess(results, state);
      if (figures.unprocessed === 0 && figures.lost === 0) return { ...figures, recoveryMs: Date.now() - since };
      if (Date.now() > deadline) return { ...figures, recoveryMs: null };
    } else if (Date.now() > deadline) throw new Error('the API did not answer while waiting for the emails to be processed');
    await sleep(250);
  }
}

function messages(run, count) {
  return Array.from({ length: count }, (_, index) => drillMessage(run, index, DRILL_MAILBOX));
}

/** Sends the messages that got no 250 again, plus `alsoAccepted` that did (a sender's redelivery); returns all results. */
async function redeliver(port, results, alsoAccepted) {
  const refused = results.filter((result) => result.code !== 250).map((result) => result.message);
  const again = [...refused, ...results.filter((result) => result.code === 250).slice(0, alsoAccepted).map((result) => result.message)];
  const second = await sendMessages(port, again, { connections: 2 });
  const accepted = new Set(second.filter((result) => result.code === 250).map((result) => result.message.messageId));
  const stillRefused = refused.filter((message) => !accepted.has(message.messageId));
  return { results: [...results.filter((result) => result.code === 250), ...second.filter((result) => result.code === 250)], redelivered: again.length, stillRefused: stillRefused.length };
}

/**
 * kill -9 of an API process mid-load. With `redisUrl` two processes share the database and Redis
 * and one is killed; without it (the embedded default) the only process is killed and started
 * again on the same database. Senders whose message got no 250 send it again (redelivery).
 */
export async function killDrill({ workDir, databaseUrl, redisUrl, count, run = 'kill' }) {
  const first = await startApi({ label: `${run}-a`, workDir, databaseUrl, redisUrl });
  const survivor = redisUrl ? await startApi({ label: `${run}-b`, workDir, databaseUrl, redisUrl }) : null;
  let current = first;
  let replacement = null;
  let killedAt = 0;
  try {
    await configureMailbox(await adminClient(first.url));
    await sleep(800);
    let connection = 0;
    const port = () => {
      if (!killedAt) return (connection++ % 2 === 0 || !survivor ? first : survivor).smtpPort;
      return (survivor ?? current).smtpPort;
    };
    const killAt = Math.floor(count * 0.4);
    let replies = 0;
    let killing = null;
    const results = await sendMessages(port, messages(run, count), {
      onReply: () => {
        replies += 1;
        if (replies !== killAt) return;
        killedAt = Date.now();
        killing = first.kill().then(async () => {
          if (!survivor) current = replacement = await startApi({ label: `${run}-a2`, workDir, databaseUrl });
        });
      },
    });
    await killing;
    const target = survivor ?? replacement;
    const delivered = await redeliver(() => target.smtpPort, results, 20);
    const client = await adminClient(target.url);
    const settled = await waitSettled(client, delivered.results, killedAt);
    return { sent: count, killedAfterReplies: killAt, redelivered: delivered.redelivered, stillRefused: delivered.stillRefused, ...settled };
  } finally {
    await Promise.all([first.kill(), survivor?.stop(), replacement?.stop()]);
  }
}

/**
 * A PostgreSQL outage of `outageMs` under load (one API process, PostgreSQL + Redis). During it:
 * what SMTP answers, what an API route and /api/health answer. Job attempts are few
 * (EMAIL_PROCESS_ATTEMPTS=2), so jobs fail for good during the outage and only the sweeper brings
 * their emails back.
 */
export async function postgresOutageDrill({ workDir, postgres, redisUrl, count, outageMs, run = 'pg' }) {
  const databaseUrl = await postgres.createDatabase(`drill_${run}_${Date.now()}`);
  const api = await startApi({ label: run, workDir, databaseUrl, redisUrl, env: { EMAIL_PROCESS_ATTEMPTS: '2' } });
  try {
    const client = await adminClient(api.url);
    await configureMailbox(client);
    await sleep(500);
    let replies = 0;
    let outage = null;
    let restartedAt = 0;
    const during = {};
    const results = await sendMessages(() => api.smtpPort, messages(run, count), {
      onReply: () => {
        replies += 1;
        if (replies !== Math.floor(count * 0.3)) return;
        outage = (async () => {
          await postgres.stop();
          await sleep(Math.min(1500, outageMs / 2));
          const [route, health] = await Promise.all([client.get('/api/cases'), client.get('/api/health')]);
          Object.assign(during, { routeStatus: route.status, routeMessage: route.body?.message, retryAfter: route.headers.get('retry-after'), healthStatus: health.status, healthMs: health.ms, healthFailed: health.body?.failed });
          await sleep(outageMs - Math.min(1500, outageMs / 2));
          await postgres.start();
          restartedAt = Date.now();
        })();
      },
    });
    await outage;
    const delivered = await redeliver(() => api.smtpPort, results, 20);
    const settled = await waitSettled(client, delivered.results, restartedAt);
    const refusedDuringOutage = results.filter((result) => result.code !== 250).length;
    return { sent: count, outageMs, refusedDuringOutage, redelivered: delivered.redelivered, stillRefused: delivered.stillRefused, during, ...settled };
  } finally {
    await api.stop();
  }
}

/**
 * A Redis outage of `outageMs` under load; Redis comes back empty (no persistence), so the jobs it
 * held are gone and only the database says what is left to do. During it: how long SMTP replies
 * take (250 needs only the database) and what /api/health answers.
 */
export async function redisOutageDrill({ workDir, databaseUrl, redis, count, outageMs, run = 'redis' }) {
  const api = await startApi({ label: run, workDir, databaseUrl, redisUrl: redis.url });
  try {
    const client = await adminClient(api.url);
    await configureMailbox(client);
    await sleep(500);
    let replies = 0;
    let outage = null;
    let restartedAt = 0;
    const during = {};
    const results = await sendMessages(() => api.smtpPort, messages(run, count), {
      connections: 2,
      onReply: () => {
        replies += 1;
        if (replies !== Math.floor(count * 0.3)) return;
        outage = (async () => {
          await redis.kill();
          await sleep(Math.min(1500, outageMs / 2));
          const health = await client.get('/api/health');
          Object.assign(during, { healthStatus: health.status, healthMs: health.ms, healthFailed: health.body?.failed });
          await sleep(outageMs - Math.min(1500, outageMs / 2));
          await redis.start();
          restartedAt = Date.now();
        })();
      },
    });
    await outage;
    const delivered = await redeliver(() => api.smtpPort, results, 20);
    const settled = await waitSettled(client, delivered.results, restartedAt);
    return { sent: count, outageMs, maxSmtpReplyMs: Math.max(...results.map((result) => result.ms)), refusedDuringOutage: results.filter((result) => result.code !== 250).length, redelivered: delivered.redelivered, stillRefused: delivered.stillRefused, during, ...settled };
  } finally {
    await api.stop();
  }
}
