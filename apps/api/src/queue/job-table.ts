import type { MikroORM } from '@mikro-orm/core';
import { JobEntity } from '../persistence/entities/index.js';
import type { JobStatus, JobSummary } from './host-job-queue.js';

/** Admin queries over the in-process queue's `jobs` table. */
export async function listJobRows(orm: MikroORM, query: { status?: JobStatus; name?: string; limit?: number }): Promise<JobSummary[]> {
  const where: Record<string, unknown> = {};
  if (query.status) where.status = query.status;
  if (query.name) where.name = query.name;
  const rows = await orm.em.fork().find(JobEntity, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: Math.min(query.limit ?? 50, 500) });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status as JobStatus,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    lastError: row.lastError ?? null,
    data: row.data,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

/** A failed job goes back to `pending` from its first attempt; false when no failed job has this id. */
export async function retryFailedJobRow(orm: MikroORM, id: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const updated = await orm.em.fork().nativeUpdate(JobEntity, { id, status: 'failed' }, { status: 'pending', attempts: 0, runAt: at, lockedBy: null, lockedUntil: null, updatedAt: at });
  return updated > 0;
}

/** Deletes jobs that finished successfully more than `olderThanMs` ago (default a week). */
export function purgeFinishedJobRows(orm: MikroORM, now: Date, olderThanMs = 7 * 24 * 60 * 60 * 1000): Promise<number> {
  const before = new Date(now.getTime() - olderThanMs).toISOString();
  return orm.em.fork().nativeDelete(JobEntity, { status: 'done', updatedAt: { $lt: before } });
}
