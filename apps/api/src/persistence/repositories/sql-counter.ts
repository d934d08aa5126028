import type { EntityManager } from '@mikro-orm/core';

/**
 * Atomically adds `count` to the named counter (created at 0 when missing) and returns the new
 * value (the last of the `count` values reserved). One upsert … RETURNING statement: atomic on
 * PostgreSQL (row lock) and on SQLite (single writer), so concurrent callers never get the same value.
 */
export async function reserveCounterValues(em: EntityManager, name: string, count = 1): Promise<number> {
  const connection = em.getConnection();
  // Inside em.transactional() the statement must join that transaction (SQLite has one writer).
  const transaction: unknown = em.getTransactionContext();
  const rows = (await connection.execute<{ value: number | string }[]>(
    'insert into counters (name, value) values (?, ?) on conflict (name) do update set value = counters.value + excluded.value returning value',
    [name, count],
    'all',
    transaction,
  )) as { value: number | string }[];
  const value = Number(rows[0]?.value);
  if (!Number.isFinite(value)) throw new Error(`counter ${name} could not be incremented`);
  return value;
}
