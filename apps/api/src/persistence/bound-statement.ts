import type { EntityManager } from '@mikro-orm/core';
import { CompiledQuery, type QueryResult } from 'kysely';

/** What MikroORM 7 runs its SQL on: Kysely, or the Kysely transaction `em` is in. */
interface QueryExecutor {
  executeQuery<Row>(query: CompiledQuery<Row>): Promise<QueryResult<Row>>;
}

function isSqlite(em: EntityManager): boolean {
  return em.getPlatform().constructor.name.toLowerCase().includes('sqlite');
}

function executorOf(em: EntityManager): QueryExecutor {
  const transaction = em.getTransactionContext<QueryExecutor>();
  return transaction ?? (em.getConnection() as unknown as { getClient(): QueryExecutor }).getClient();
}

/** `?` placeholders as the database wants them: as they are for SQLite, `$1, $2, …` for PostgreSQL. */
function placeholders(em: EntityManager, sql: string): string {
  if (isSqlite(em)) return sql;
  let index = 0;
  return sql.replace(/\?/g, () => `$${(index += 1)}`);
}

/** Runs the query; a database error comes out as the MikroORM exception the ORM itself would throw (e.g. UniqueConstraintViolationException). */
async function execute<Row>(em: EntityManager, query: CompiledQuery<Row>): Promise<QueryResult<Row>> {
  try {
    return await executorOf(em).executeQuery(query);
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  }
}

function compile<Row>(em: EntityManager, sql: string, params: unknown[]): CompiledQuery<Row> {
  return CompiledQuery.raw(placeholders(em, sql), params) as CompiledQuery<Row>;
}

/**
 * Runs one write with its values bound as parameters and returns the number of rows changed.
 * MikroORM 7 inlines every value into the SQL text (mikro-orm issue #8001), so each statement is
 * new to the database: prepared again on SQLite (and kept by the statement cache), planned
 * again on PostgreSQL, and a large value (the raw message, a record's JSON) becomes a large SQL
 * string. This hands the SQL and its values to Kysely, MikroORM's own query runner, on the same
 * connection or transaction `em` uses — so it queues behind another caller's open transaction
 * instead of landing in it, and commits by itself outside a transaction. Write `?` for values.
 */
export async function runBound(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const result = await execute(em, compile(em, sql, params));
  return Number(result.numAffectedRows ?? 0);
}

/** The same for a read (or a write with `returning`): the rows, with raw column names and values (JSON as text on SQLite). */
export async function queryBound<Row>(em: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  const result = await execute(em, compile<Row>(em, sql, params));
  return [...result.rows];
}

/** A JSON column read with {@link queryBound}: text on SQLite, already parsed on PostgreSQL. */
export function jsonColumn<T = Record<string, unknown>>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** `?, ?, ?` for an `in (…)` list of `count` values. */
export function placeholderList(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

