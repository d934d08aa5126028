import type { EntityManager } from '@mikro-orm/core';

/**
 * Atomically adds `count` to the named counter and returns the new value (the last of the
 * `count` values reserved). One UPDATE … RETURNING is atomic on PostgreSQL (row lock) and on
 * SQLite (single writer), so concurrent callers never get the same value.
 */
export async function reserveCounterValues(em: EntityManager, name: string, count = 1): Promise<number> {
  const connection = em.getConnection();
  // Inside em.transactional() the statements must join that transaction (SQLite has one writer).
  const transaction: unknown = em.getTransactionContext();
  await connection.execute('insert into counters (name, value) values (?, 0) on conflict (name) do nothing', [name], 'run', transaction);
  const rows = (await connection.execute<{ value: number | string }[]>('update counters set value = value + ? where name = ? returning value', [count, name], 'all', transaction)) as { value: number | string }[];
  const value = Number(rows[0]?.value);
  if (!Number.isFinite(value)) throw new Error(`counter ${name} could not be incremented`);
  return value;
}
