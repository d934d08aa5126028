/** The part of a better-sqlite3 statement the cache needs: `busy` while an iterator is open. */
export interface CacheableStatement {
  readonly busy: boolean;
}

/** The part of a better-sqlite3 database the cache replaces. */
export interface PreparingDatabase<Statement extends CacheableStatement> {
  prepare(sql: string): Statement;
}

/**
 * Kysely's SQLite driver prepares every query again (`db.prepare(sql)` per execution), which
 * was the largest single cost of a chat accept. This replaces `prepare` on one database with an
 * LRU cache keyed by the SQL text: the same statement object is reused, since better-sqlite3
 * binds the parameters on every `run`/`all` call and re-prepares by itself after a schema
 * change. A statement that is still being iterated (`busy`) is never handed out twice: the
 * caller gets a fresh one instead. SQL longer than `maxSqlLength` is not cached: MikroORM inlines
 * values into the text, so such a statement (an email body, a JSON document) is never seen
 * again and would only hold its text and native statement in memory.
 */
export function cachePreparedStatements<Statement extends CacheableStatement>(database: PreparingDatabase<Statement>, capacity = 500, maxSqlLength = 2048): void {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`statement cache capacity must be a positive integer, got ${capacity}`);
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, Statement>();
  database.prepare = (sql: string): Statement => {
    if (sql.length > maxSqlLength) return prepare(sql);
    const cached = cache.get(sql);
    if (cached) {
      if (cached.busy) return prepare(sql);
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const statement = prepare(sql);
    cache.set(sql, statement);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return statement;
  };
}
