import type { EntityManager } from '@mikro-orm/core';

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
