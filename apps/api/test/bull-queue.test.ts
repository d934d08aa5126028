import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PluginError } from '@autocase/core';
import Bull from 'bull';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/infrastructure/app-logger.js';
import { BullJobQueue } from '../src/queue/bull-job-queue.js';
import { startTestApp } from './support/test-app.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const logger = createLogger('silent');
const settings = { lockDuration: 1000, lockRenewTime: 500, stalledInterval: 500 };

describe('Bull job queue on the real Redis', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  function newQueue(name = `autocase-test-${randomBytes(4).toString('hex')}`) {
    const bull = new Bull(name, REDIS_URL, { settings });
    const queue = new BullJobQueue(bull, logger, { concurrency: 2 });
    cleanups.push(async () => {
      await bull.obliterate({ force: true }).catch(() => undefined);
      await queue.stop();
    });
    return { queue, bull, name };
  }

  it('runs a job with its data and does not add a pending duplicate', async () => {
    const { queue } = newQueue();
    const runs: unknown[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    queue.register('greet', async (data, meta) => {
      await gate;
      runs.push({ data, meta });
    });
    await queue.start();
    const first = await queue.enqueue('greet', { name: 'Ada' }, { jobId: 'greet-1' });
    const second = await queue.enqueue('greet', { name: 'Bob' }, { jobId: 'greet-1' });
    expect(second).toBe(first);
    release();
    await vi.waitFor(() => expect(runs).toEqual([{ data: { name: 'Ada' }, meta: { jobId: 'greet-1', attempt: 1 } }]), { timeout: 5000 });
    expect(await queue.health()).toMatchObject({ ok: true, kind: 'bull' });
  });

  it('retries retryable plugin errors with backoff and discards non-retryable ones', async () => {
    const { queue, bull } = newQueue();
    const attempts: number[] = [];
    let fatalAttempts = 0;
    queue.register('flaky', async (_data, meta) => {
      attempts.push(meta.attempt);
      if (meta.attempt < 3) throw new PluginError('TEMPORARY', 'provider is down');
    });
    queue.register('misconfigured', async () => {
      fatalAttempts += 1;
      throw new PluginError('AUTH', 'API key rejected');
    });
    await queue.start();
    await queue.enqueue('flaky', {}, { backoffMs: 20, attempts: 5 });
    const fatal = await queue.enqueue('misconfigured', {}, { backoffMs: 20, attempts: 5 });
    await vi.waitFor(() => expect(attempts).toEqual([1, 2, 3]), { timeout: 10_000 });
    await vi.waitFor(async () => expect(await (await bull.getJob(fatal))?.getState()).toBe('failed'), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fatalAttempts).toBe(1);
    const failed = await queue.listJobs({ status: 'failed' });
    expect(failed).toEqual([expect.objectContaining({ id: fatal, name: 'misconfigured', status: 'failed', lastError: 'API key rejected' })]);
    expect(await queue.retryJob(fatal)).toBe(true);
    await vi.waitFor(() => expect(fatalAttempts).toBe(2), { timeout: 5000 });
    expect(await queue.retryJob('no-such-job')).toBe(false);
  });

  it('runs a failed job again when the same key is queued again (the add is not ignored)', async () => {
    const { queue, bull } = newQueue();
    let runs = 0;
    queue.register('once-broken', async () => {
      runs += 1;
      if (runs === 1) throw new Error('database was down');
    });
    await queue.start();
    await queue.enqueue('once-broken', {}, { jobId: 'email.process:one', attempts: 1 });
    await vi.waitFor(async () => expect(await (await bull.getJob('email.process:one'))?.getState()).toBe('failed'), { timeout: 5000 });
    await queue.enqueue('once-broken', {}, { jobId: 'email.process:one', attempts: 1 });
    await vi.waitFor(() => expect(runs).toBe(2), { timeout: 5000 });
  });

  it('runs at most `concurrency` jobs at once over all job names', async () => {
    const { queue } = newQueue();
    let running = 0;
    let most = 0;
    let done = 0;
    for (const name of ['first', 'second', 'third']) {
      queue.register(name, async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 80));
        running -= 1;
        done += 1;
      });
    }
    await queue.start();
    for (let index = 0; index < 4; index += 1) for (const name of ['first', 'second', 'third']) await queue.enqueue(name, { index });
    await vi.waitFor(() => expect(done).toBe(12), { timeout: 10_000 });
    expect(most).toBe(2);
  });

  it('re-runs a job whose worker process was killed mid-job (stalled job)', async () => {
    const name = `autocase-test-${randomBytes(4).toString('hex')}`;
    const worker: ChildProcess = fork(fileURLToPath(new URL('./support/bull-dying-worker.mjs', import.meta.url)), [REDIS_URL, name, 'import-mail'], { stdio: 'ignore' });
    cleanups.push(async () => worker.kill('SIGKILL'));
    const started = new Promise<void>((resolve) => worker.on('message', (message) => message === 'started' && resolve()));
    await new Promise<void>((resolve) => worker.once('message', () => resolve()));

    const producer = new Bull(name, REDIS_URL, { settings });
    cleanups.push(() => producer.close());
    const job = await producer.add('import-mail', { messageId: 'm-1' }, { attempts: 3 });
    await started;
    worker.kill('SIGKILL');

    const { queue } = newQueue(name);
    const rerun = new Promise<unknown>((resolve) => queue.register('import-mail', async (data) => void resolve(data)));
    await queue.start();
    expect(await rerun).toEqual({ messageId: 'm-1' });
    await vi.waitFor(async () => expect(await (await producer.getJob(String(job.id)))?.getState()).toBe('completed'), { timeout: 5000 });
  }, 30_000);

  it('is the queue of an app started with REDIS_URL', async () => {
    const app = await startTestApp('sqlite', { REDIS_URL });
    cleanups.push(() => app.close());
    const health = (await (await app.api('/health')).json()) as { queue: { kind: string; ok: boolean } };
    expect(health.queue).toMatchObject({ kind: 'bull', ok: true });
    expect(app.running.queue.kind).toBe('bull');
  });
});
