// Section 6: fault drills — kill -9 mid-load, a PostgreSQL and a Redis outage (Redis back empty),
// redelivery — with the same drill code as the API's fault suite (apps/api/test/faults.test.ts),
// bigger: more messages and longer outages. Private PostgreSQL and Redis instances are started
// for it (outages must not touch shared services).
import { killDrill, postgresOutageDrill, redisOutageDrill } from '../../apps/api/test/support/fault-drill.mjs';
import { PrivatePostgres, PrivateRedis } from '../../apps/api/test/support/fault-services.mjs';
import { figure, formatNumber } from './report.mjs';

function exactlyOnce(figures) {
  return figures.lost === 0 && figures.storedTwice === 0 && figures.unprocessed === 0 && figures.failed === 0 && figures.cases === figures.casesCreated && figures.casesCreated === figures.accepted && figures.emailsSharingACase === 0 && figures.casesWithoutTheirEmail === 0 && figures.recoveryMs !== null;
}

function row(name, figures, extra = '') {
  const seconds = figures.recoveryMs === null ? 'did not recover' : `recovered in ${formatNumber(figures.recoveryMs / 1000, 1)} s`;
  const value = `${seconds}; ${figures.accepted} answered 250, ${figures.lost} lost, ${figures.storedTwice} stored twice, ${figures.unprocessed} unprocessed, ${figures.cases} cases for ${figures.casesCreated} case-creating emails${extra}`;
  return figure('faults', name, value, { target: 'every 250 processed exactly once, one case per email', pass: exactlyOnce(figures) });
}

export async function runFaultsSection({ workDir, options, log }) {
  const count = options.quick ? 300 : 2000;
  const outageMs = options.quick ? 10_000 : 60_000;
  const [postgres, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
  const details = { messages: count, outageMs };
  try {
    log(`faults: kill -9 of one of two API processes under ${count} emails (PostgreSQL + Redis)`);
    details.killPostgres = await killDrill({ workDir, databaseUrl: await postgres.createDatabase('bench_kill'), redisUrl: redis.url, count, run: 'bench-kill-pg' });
    log(`faults: kill -9 of the embedded process under ${count} emails (SQLite)`);
    details.killEmbedded = await killDrill({ workDir, databaseUrl: `sqlite:${workDir}/faults-embedded.sqlite`, count, run: 'bench-kill-sqlite' });
    log(`faults: PostgreSQL outage of ${outageMs / 1000} s under ${count} emails`);
    details.postgresOutage = await postgresOutageDrill({ workDir, postgres, redisUrl: redis.url, count, outageMs, run: 'bench-pg' });
    log(`faults: Redis outage of ${outageMs / 1000} s under ${count} emails, Redis back empty`);
    details.redisOutage = await redisOutageDrill({ workDir, databaseUrl: await postgres.createDatabase('bench_redis'), redis, count, outageMs, run: 'bench-redis' });
  } finally {
    await Promise.all([postgres.destroy(), redis.kill()]);
  }
  const { killPostgres, killEmbedded, postgresOutage, redisOutage } = details;
  const rows = [
    row(`kill -9 of 1 of 2 API processes mid-load (PostgreSQL + Redis, ${count} emails)`, killPostgres, `; ${killPostgres.redelivered} redelivered`),
    row(`kill -9 of the embedded process mid-load, restarted (SQLite, ${count} emails)`, killEmbedded, `; ${killEmbedded.redelivered} redelivered`),
    row(`PostgreSQL outage of ${outageMs / 1000} s (${count} emails)`, postgresOutage, `; during it: SMTP refused ${postgresOutage.refusedDuringOutage} with 4xx, routes ${postgresOutage.during.routeStatus} (Retry-After ${postgresOutage.during.retryAfter}), health ${postgresOutage.during.healthStatus} in ${postgresOutage.during.healthMs} ms`),
    row(`Redis outage of ${outageMs / 1000} s, Redis back empty (${count} emails)`, redisOutage, `; slowest SMTP reply ${redisOutage.maxSmtpReplyMs} ms, health ${redisOutage.during.healthStatus} in ${redisOutage.during.healthMs} ms`),
  ];
  return { rows, details };
}
