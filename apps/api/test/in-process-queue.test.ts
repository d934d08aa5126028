import type { MikroORM } from '@mikro-orm/core';
import { PluginError, systemClock } from '@autocase/core';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { createLogger } from '../src/infrastructure/app-logger.js';
import { JobEntity } from '../src/persistence/entities/index.js';
import { openDatabase } from '../src/persistence/orm.js';
import { InProcessJobQueue } from '../src/queue/in-process-job-queue.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/database-targets.js';

const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Fails with a message naming what never happened, instead of hanging until the test timeout. */
function within<T>(promise: Promise<T>, label: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`${label} did not happen within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function jobRow(orm: MikroORM, id: string) {
  return orm.em.fork().findOne(JobEntity, { id });
}

describeEachDatabase('in-process job queue persisted in the jobs table', (databaseId) => {
  let database: TestDatabase;
  let orm: MikroORM;
  const queues: InProcessJobQueue[] = [];
  const newQueue = (on: MikroORM = orm, options: { leaseMs?: number; recoverOnStart?: 'all' | 'expired' } = {}) => {
    const queue = new InProcessJobQueue(on, systemClock, logger, { pollIntervalMs: 20, ...options });
    queues.push(queue);
    return queue;
  };

  beforeAll(async () => {
    database = await createTestDatabase(databaseId);
    orm = await openDatabase(database.config);
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((queue) => queue.stop()));
  });
  afterAll(async () => {
    await orm?.close();
    await database?.destroy();
  });

  it('runs an accepted job with its data and marks it done', async () => {
    const queue = newQueue();
    const seen = deferred<{ data: unknown; meta: unknown }>();
    queue.register('greet', async (data, meta) => seen.resolve({ data, meta }));
    await queue.start();
    const id = await queue.enqueue('greet', { name: 'Ada' });
    expect(await within(seen.promise, 'the job running')).toEqual({ data: { name: 'Ada' }, meta: { jobId: id, attempt: 1 } });
    await vi.waitFor(async () => expect((await jobRow(orm, id))?.status).toBe('done'));
  });

  it('does not add a job twice while one with the same jobId is pending', async () => {
    const queue = newQueue();
    const runs: unknown[] = [];
    queue.register('dedupe', async (data) => void runs.push(data));
    await queue.enqueue('dedupe', { n: 1 }, { jobId: 'dedupe-key' });
    await queue.enqueue('dedupe', { n: 2 }, { jobId: 'dedupe-key' });
    await queue.start();
    await vi.waitFor(async () => expect((await jobRow(orm, 'dedupe-key'))?.status).toBe('done'));
    expect(runs).toEqual([{ n: 1 }]);
    await queue.enqueue('dedupe', { n: 3 }, { jobId: 'dedupe-key' });
    await vi.waitFor(() => expect(runs).toEqual([{ n: 1 }, { n: 3 }]));
  });

  it('accepts the same jobId enqueued concurrently once, without an error', async () => {
    const queue = newQueue();
    const runs: unknown[] = [];
    queue.register('race', async (data) => void runs.push(data));
    const ids = await Promise.all(Array.from({ length: 8 }, (_, n) => queue.enqueue('race', { n }, { jobId: 'race-key' })));
    expect(new Set(ids)).toEqual(new Set(['race-key']));
    await queue.start();
    await vi.waitFor(async () => expect((await jobRow(orm, 'race-key'))?.status).toBe('done'));
    expect(runs).toHaveLength(1);
  });

  it('retries retryable plugin errors with backoff and gives up at once on non-retryable ones', async () => {
    const queue = newQueue();
    const attempts: number[] = [];
    queue.register('flaky', async (_data, meta) => {
      attempts.push(meta.attempt);
      if (meta.attempt < 3) throw new PluginError('TEMPORARY', 'provider is down');
    });
    queue.register('misconfigured', async () => {
      throw new PluginError('AUTH', 'API key rejected');
    });
    await queue.start();
    const flaky = await queue.enqueue('flaky', {}, { backoffMs: 10 });
    const misconfigured = await queue.enqueue('misconfigured', {}, { backoffMs: 10 });
    await vi.waitFor(async () => expect((await jobRow(orm, flaky))?.status).toBe('done'), { timeout: 5000 });
    expect(attempts).toEqual([1, 2, 3]);
    await vi.waitFor(async () => expect(await jobRow(orm, misconfigured)).toMatchObject({ status: 'failed', attempts: 1 }));
    expect((await jobRow(orm, misconfigured))?.lastError).toContain('API key rejected');
    expect(await queue.health()).toMatchObject({ ok: true, kind: 'in-process', failed: expect.any(Number) });
  });

  it('re-runs a job whose process died mid-job when the next process starts', async () => {
    // Process A accepts the job and dies while running it (its handler never finishes).
    const dying = newQueue();
    const started = deferred();
    const neverFinishes = deferred();
    dying.register('import-mail', async () => {
      started.resolve();
      await neverFinishes.promise;
    });
    await dying.start();
    const id = await dying.enqueue('import-mail', { messageId: 'm-1' });
    await within(started.promise, 'the first process starting the job');
    expect((await jobRow(orm, id))?.status).toBe('running');
    await dying.stop({ graceMs: 0 });

    // Process B opens the same database (a new connection) and starts.
    const restartedOrm = await within(openDatabase(database.config), 'opening a second connection');
    try {
      const restarted = newQueue(restartedOrm);
      const rerun = deferred<unknown>();
      restarted.register('import-mail', async (data, meta) => rerun.resolve({ data, attempt: meta.attempt }));
      await restarted.start();
      expect(await within(rerun.promise, 'the restarted process re-running the job')).toEqual({ data: { messageId: 'm-1' }, attempt: 2 });
      await vi.waitFor(async () => expect((await jobRow(orm, id))?.status).toBe('done'));
      await restarted.stop();
      // The dead process's late completion must not touch the finished job.
      neverFinishes.resolve();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await jobRow(orm, id))?.status).toBe('done');
    } finally {
      await restartedOrm.close();
    }
  });

  it('lets another process take over a job once the lease of its dead process expired', async () => {
    const dying = newQueue(orm, { leaseMs: 150, recoverOnStart: 'expired' });
    const started = deferred();
    dying.register('lease-expiry', async () => {
      started.resolve();
      await new Promise(() => undefined);
    });
    await dying.start();
    const id = await dying.enqueue('lease-expiry', { n: 1 });
    await within(started.promise, 'the first process starting the job');
    await dying.stop({ graceMs: 0 });
    const otherOrm = await within(openDatabase(database.config), 'opening a second connection');
    try {
      const other = newQueue(otherOrm, { leaseMs: 150, recoverOnStart: 'expired' });
      const attempts: number[] = [];
      other.register('lease-expiry', async (_data, meta) => void attempts.push(meta.attempt));
      await other.start();
      await vi.waitFor(async () => expect((await jobRow(orm, id))?.status).toBe('done'), { timeout: 5000 });
      expect(attempts).toEqual([2]);
      await other.stop();
    } finally {
      await otherOrm.close();
    }
  });

  it('never hands a job to a second process while the first keeps renewing its lease', async () => {
    const otherOrm = await within(openDatabase(database.config), 'opening a second connection');
    try {
      const worker = newQueue(orm, { leaseMs: 800, recoverOnStart: 'expired' });
      const other = newQueue(otherOrm, { leaseMs: 800, recoverOnStart: 'expired' });
      const release = deferred();
      const runs: string[] = [];
      worker.register('long-job', async () => {
        runs.push('first');
        await release.promise;
      });
      other.register('long-job', async () => void runs.push('second'));
      await worker.start();
      const id = await worker.enqueue('long-job', {});
      await vi.waitFor(() => expect(runs).toEqual(['first']));
      await other.start();
      // Three lease periods: without the heartbeat the other process would have taken the job.
      await new Promise((resolve) => setTimeout(resolve, 2400));
      expect(runs).toEqual(['first']);
      release.resolve();
      await vi.waitFor(async () => expect((await jobRow(orm, id))?.status).toBe('done'));
      await other.stop();
      expect(runs).toEqual(['first']);
    } finally {
      await otherOrm.close();
    }
  });

  it('purges jobs that finished long ago and keeps failed ones', async () => {
    const queue = newQueue();
    queue.register('purge-me', async () => undefined);
    queue.register('purge-fails', async () => {
      throw new PluginError('AUTH', 'no');
    });
    await queue.start();
    const done = await queue.enqueue('purge-me', {});
    const failed = await queue.enqueue('purge-fails', {});
    await vi.waitFor(async () => expect([(await jobRow(orm, done))?.status, (await jobRow(orm, failed))?.status]).toEqual(['done', 'failed']));
    await queue.purgeFinished(60 * 60 * 1000);
    expect((await jobRow(orm, done))?.status).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await queue.purgeFinished(10)).toBeGreaterThanOrEqual(1);
    expect(await jobRow(orm, done)).toBeNull();
    expect((await jobRow(orm, failed))?.status).toBe('failed');
  });

  it('leaves jobs without a registered handler pending for a process that knows them', async () => {
    const queue = newQueue();
    queue.register('known', async () => undefined);
    await queue.start();
    const id = await queue.enqueue('unknown-here', { x: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await jobRow(orm, id))?.status).toBe('pending');
    expect(() => queue.register('Bad Name', async () => undefined)).toThrow(/job name "Bad Name"/);
  });
});
