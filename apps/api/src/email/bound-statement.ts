import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';

interface NativeSqlite {
  prepare(sql: string): { run(...params: unknown[]): { changes: number } };
}

interface SqlConnection {
  getNativeClient?: () => Promise<unknown>;
  execute(sql: string, params: unknown[], method: 'run', ctx?: unknown): Promise<unknown>;
}

function isSqlite(em: EntityManager): boolean {
  return em.getPlatform().constructor.name.toLowerCase().includes('sqlite');
}

/**
 * Runs one write with its values bound as parameters and returns the number of rows changed.
 * MikroORM inlines every value into the SQL text, so a large value (the raw message, an email
 * record's JSON) became a large SQL string that was escaped, prepared and — with the statement
 * cache — kept; on SQLite this binds them instead, in a transaction of its own (or the one `em`
 * is in, which already holds the single connection). On PostgreSQL it goes through MikroORM.
 */
export async function runBound(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const connection = em.getConnection() as unknown as SqlConnection;
  if (!isSqlite(em) || !connection.getNativeClient) {
    const result = (await connection.execute(sql, params, 'run', em.getTransactionContext())) as { affectedRows?: number };
    return result.affectedRows ?? 0;
  }
  const native = (await connection.getNativeClient()) as NativeSqlite;
  const run = () => native.prepare(sql).run(...params).changes;
  // Outside a transaction the connection must be taken through MikroORM, or this statement could land in another caller's open transaction.
  if (em.isInTransaction()) return run();
  return em.transactional(async () => run());
}

interface NativeSqliteReader {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
}

/**
 * Runs one read (or a write with `returning`) with its values bound as parameters and returns its
 * rows: on SQLite straight on the connection (the prepared statement is reused by the statement
 * cache, since the SQL text no longer carries the values); on PostgreSQL through MikroORM.
 */
export async function queryBound<Row>(em: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  const connection = em.getConnection() as unknown as SqlConnection & { execute(sql: string, params: unknown[], method: 'all', ctx?: unknown): Promise<unknown> };
  if (!isSqlite(em) || !connection.getNativeClient) return (await connection.execute(sql, params, 'all', em.getTransactionContext())) as Row[];
  const native = (await connection.getNativeClient()) as NativeSqliteReader;
  const read = () => native.prepare(sql).all(...params) as Row[];
  if (em.isInTransaction()) return read();
  return em.transactional(async () => read());
}

/** A unique or primary-key violation: from MikroORM, or straight from SQLite or PostgreSQL (23505) when the SQL ran on the connection. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof UniqueConstraintViolationException) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
