import { defineEntity, p } from '@mikro-orm/core';

/** Jobs of the in-process queue: a job is `pending` until a worker claims it (`running`, under a lease), then `done` or `failed`. */
export const JobEntity = defineEntity({
  name: 'JobRecord',
  tableName: 'jobs',
  properties: {
    id: p.string().length(200).primary(),
    name: p.string().length(100).index(),
    data: p.json<Record<string, unknown>>(),
    status: p.string().length(16).index(),
    attempts: p.integer(),
    maxAttempts: p.integer(),
    backoffMs: p.integer(),
    runAt: p.string().length(32).index(),
    lastError: p.text().nullable(),
    /** The queue instance that claimed the job, and until when its lease runs. */
    lockedBy: p.string().length(36).nullable(),
    lockedUntil: p.string().length(32).nullable().index(),
    createdAt: p.string().length(32),
    updatedAt: p.string().length(32),
  },
});
