import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { describe } from 'vitest';
import type { DatabaseConfig } from '../../src/config/app-config.js';

/** The PostgreSQL server tests create throwaway databases on (TEST_DATABASE_URL, default the machine's local one). */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  id: 'sqlite' | 'postgresql';
  config: DatabaseConfig;
  /** Drops the database (PostgreSQL) or deletes the file (SQLite). */
  destroy(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const orm = await MikroORM.init({ entities: [], clientUrl: TEST_POSTGRES_URL, discovery: { warnWhenNoEntities: false }, pool: { min: 0, max: 1 } });
  try {
    await orm.em.getConnection().execute(sql);
  } finally {
    await orm.close();
  }
}

/** A fresh, empty database of the given kind. */
export async function createTestDatabase(id: TestDatabase['id']): Promise<TestDatabase> {
  if (id === 'sqlite') {
    const folder = mkdtempSync(path.join(tmpdir(), 'autocase-test-'));
    return { id, config: { kind: 'sqlite', file: path.join(folder, 'autocase.sqlite') }, destroy: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const name = `autocase_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database "${name}"`);
  return {
    id,
    config: { kind: 'postgresql', url: withDatabase(TEST_POSTGRES_URL, name) },
    destroy: () => adminQuery(`drop database if exists "${name}" with (force)`),
  };
}

export const SUPPORTED_DATABASES: TestDatabase['id'][] = ['sqlite', 'postgresql'];

/** Runs the same describe block once per supported database (Backstage's TestDatabases.eachSupportedId). */
export function describeEachDatabase(title: string, body: (databaseId: TestDatabase['id']) => void): void {
  for (const databaseId of SUPPORTED_DATABASES) describe(`${title} [${databaseId}]`, () => body(databaseId));
}
