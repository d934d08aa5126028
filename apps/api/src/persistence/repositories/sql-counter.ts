import type { EntityManager } from '@mikro-orm/core';
import { sql } from 'kysely';
import { typedTables } from './typed-tables.js';

/**
 * Atomically adds `count` to the named counter (created at 0 when missing) and returns the new
 * value (the last of the `count` values reserved). One upsert … RETURNING statement with bound values: atomic on
 * PostgreSQL (row lock) and on SQLite (single writer), so concurrent callers never get the same value.
 * Inside em.transactional() the statement joins that transaction (SQLite has one writer).
 */
export async function reserveCounterValues(em: EntityManager, name: string, count = 1): Promise<number> {
  const row = await typedTables(em)
    .insertInto('counters')
    .values({ name, value: count })
    .onConflict((conflict) => conflict.column('name').doUpdateSet({ value: sql<number>`counters.value + excluded.value` }))
    .returning('value')
    .executeTakeFirst();
  const value = Number(row?.value);
  if (!Number.isFinite(value)) throw new Error(`counter ${name} could not be incremented`);
  return value;
}
