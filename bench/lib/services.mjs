// Fresh stores for each measured run: a temp SQLite file, a new PostgreSQL database, an empty Redis db index.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';

export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_BASE_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

let databaseCounter = 0;

/** A SQLite file in the run's temp folder; `drop` removes it and its WAL files. */
export function sqliteDatabase(folder, label) {
  const file = join(folder, `${label}.sqlite`);
  return {
    url: `sqlite:${file}`,
    file,
    async drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

async function withPostgres(action) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (set BENCH_POSTGRES_URL): ${error.message}`);
  }
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database named autocase_bench_<pid>_<n>; `drop` removes it. */
export async function postgresDatabase() {
  databaseCounter += 1;
  const name = `autocase_bench_${process.pid}_${databaseCounter}`;
  await withPostgres((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      await withPostgres((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * An empty Redis logical database (the highest empty index of 8–15) for one run; `flush` empties it
 * between runs and `release` at the end. Socket.io's pub/sub channels are not per database, so the
 * benchmark also uses its own conversation ids only.
 */
export async function redisDatabase() {
  const probe = new Redis(REDIS_BASE_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await probe.connect();
  } catch (error) {
    probe.disconnect();
    throw new Error(`Redis is not reachable at ${REDIS_BASE_URL} (set BENCH_REDIS_URL): ${error.message}`);
  }
  try {
    for (let index = 15; index >= 8; index -= 1) {
      await probe.select(index);
      if ((await probe.dbsize()) === 0) {
        const url = `${REDIS_BASE_URL.replace(/\/\d*$/, '')}/${index}`;
        const flush = async () => {
          const client = new Redis(url, { maxRetriesPerRequest: 1 });
          try {
            await client.flushdb();
          } finally {
            client.disconnect();
          }
        };
        return { url, index, flush, release: flush };
      }
    }
    throw new Error('no empty Redis database among indexes 8–15; free one (FLUSHDB) or set BENCH_REDIS_URL');
  } finally {
    probe.disconnect();
  }
}
