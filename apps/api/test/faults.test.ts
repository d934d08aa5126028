import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killDrill, postgresOutageDrill, redisOutageDrill, type DrillFigures } from './support/fault-drill.mjs';
import { PrivatePostgres, PrivateRedis, temporaryFolder } from './support/fault-services.mjs';

/**
 * The fault suite: real API processes (apps/api/dist, build it first) against private PostgreSQL
 * and Redis instances this file starts and breaks. Small loads and short outages keep it to
 * about two minutes; `pnpm bench --only faults` runs the same drills bigger.
 */
function expectExactlyOnce(name: string, figures: DrillFigures): void {
  console.log(`[faults] ${name}: ${JSON.stringify(figures)}`);
  expect(figures.accepted).toBeGreaterThan(0);
  // Every message answered 250 is stored (once) and processed; nothing is left to do after recovery.
  expect(figures.lost).toBe(0);
  expect(figures.storedTwice).toBe(0);
  expect(figures.unprocessed).toBe(0);
  expect(figures.failed).toBe(0);
  expect(figures.stillRefused).toBe(0);
  // Exactly one case per creating email: no second case, no case without its email.
  expect(figures.casesCreated).toBe(figures.accepted);
  expect(figures.cases).toBe(figures.casesCreated);
  expect(figures.emailsSharingACase).toBe(0);
  expect(figures.casesWithoutTheirEmail).toBe(0);
  expect(figures.recoveryMs).not.toBeNull();
}

describe('faults lose nothing and double nothing', () => {
  let workDir: string;
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;

  beforeAll(async () => {
    workDir = temporaryFolder();
    [postgres, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
  });
  afterAll(async () => {
    await Promise.all([postgres?.destroy(), redis?.kill()]);
    if (!process.env.FAULTS_KEEP_LOGS) rmSync(workDir, { recursive: true, force: true });
  });

  it('kill -9 of one of two API processes mid-load (PostgreSQL + Redis), with redelivery', { timeout: 120_000 }, async () => {
    const databaseUrl = await postgres.createDatabase(`drill_kill_${Date.now()}`);
    const figures = await killDrill({ workDir, databaseUrl, redisUrl: redis.url, count: 200, run: 'kill-pg' });
    expectExactlyOnce('kill -9 (PostgreSQL + Redis)', figures);
  });

  it('kill -9 of the only process on the embedded default (SQLite, in-process jobs), restarted', { timeout: 120_000 }, async () => {
    const figures = await killDrill({ workDir, databaseUrl: `sqlite:${workDir}/embedded.sqlite`, count: 200, run: 'kill-sqlite' });
    expectExactlyOnce('kill -9 (embedded SQLite)', figures);
  });

  it('a PostgreSQL outage: SMTP refuses with 4xx, routes answer 503 with Retry-After, and every stalled email is swept back', { timeout: 120_000 }, async () => {
    const figures = await postgresOutageDrill({ workDir, postgres, redisUrl: redis.url, count: 150, outageMs: 6000 });
    expectExactlyOnce('PostgreSQL outage', figures);
    expect(figures.during).toMatchObject({ routeStatus: 503, retryAfter: expect.stringMatching(/^\d+$/), routeMessage: expect.stringContaining('database is unavailable'), healthStatus: 503 });
    expect(figures.during.healthFailed).toContain('database');
    expect(figures.during.healthMs).toBeLessThan(1000);
  });

  it('a Redis outage, Redis back empty: SMTP keeps answering 250 at once, health says which dependency failed', { timeout: 120_000 }, async () => {
    const databaseUrl = await postgres.createDatabase(`drill_redis_${Date.now()}`);
    const figures = await redisOutageDrill({ workDir, databaseUrl, redis, count: 150, outageMs: 5000 });
    expectExactlyOnce('Redis outage (back empty)', figures);
    expect(figures.refusedDuringOutage).toBe(0);
    expect(figures.maxSmtpReplyMs).toBeLessThan(2000);
    expect(figures.during).toMatchObject({ healthStatus: 503 });
    expect(figures.during.healthFailed).toContain('queue');
    expect(figures.during.healthMs).toBeLessThan(1000);
  });
});
