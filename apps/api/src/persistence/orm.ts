import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AnyEntity, Constructor, EntitySchema, MikroORM } from '@mikro-orm/core';
import { Migrator, type Migration } from '@mikro-orm/migrations';
import type { DatabaseConfig } from '../config/app-config.js';
import { CORE_ENTITIES } from './entities/index.js';
import { CORE_MIGRATIONS } from './migrations/index.js';
import { cachePreparedStatements, type CacheableStatement, type PreparingDatabase } from './sqlite-statement-cache.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- EntitySchema is invariant, so a list of different entities needs `any`
export type AnyEntitySchema = EntitySchema<AnyEntity, never> | EntitySchema<any, any>;
export interface MigrationDefinition {
  /** Sortable, e.g. `Migration20261124000000_core`; migrations run in name order. */
  name: string;
  class: Constructor<Migration>;
}

const extraEntities: AnyEntitySchema[] = [];
const extraMigrations: MigrationDefinition[] = [];

/**
 * Feature modules with their own tables call this at import time (next to their module class),
 * so `app.module.ts` needs one import line per feature. PostgreSQL needs a migration for
 * each new table; SQLite schemas are updated from the entities at boot.
 */
export function registerPersistence(addition: { entities?: AnyEntitySchema[]; migrations?: MigrationDefinition[] }): void {
  for (const entity of addition.entities ?? []) if (!extraEntities.includes(entity)) extraEntities.push(entity);
  for (const migration of addition.migrations ?? []) if (!extraMigrations.some((known) => known.name === migration.name)) extraMigrations.push(migration);
}

export function allEntities(): AnyEntitySchema[] {
  return [...CORE_ENTITIES, ...extraEntities];
}

export function allMigrations(): MigrationDefinition[] {
  return [...CORE_MIGRATIONS, ...extraMigrations].sort((left, right) => left.name.localeCompare(right.name));
}

/** Opens the database and brings its schema up to date (schema update on SQLite, committed migrations on PostgreSQL). */
export async function openDatabase(database: DatabaseConfig, options: { debug?: boolean } = {}): Promise<MikroORM> {
  const common = { entities: allEntities(), debug: options.debug ?? false, allowGlobalContext: false, ensureIndexes: false };
  if (database.kind === 'sqlite') {
    if (database.file !== ':memory:') mkdirSync(path.dirname(database.file), { recursive: true });
    const { MikroORM: SqliteOrm } = await import('@mikro-orm/sqlite');
    const orm = await SqliteOrm.init({
      ...common,
      dbName: database.file,
      onCreateConnection: undefined,
    });
    const connection = orm.em.getConnection();
    // The better-sqlite3 database (its typings are not a dependency of this package).
    cachePreparedStatements((await connection.getNativeClient()) as unknown as PreparingDatabase<CacheableStatement>);
    await connection.execute('pragma journal_mode = wal');
    await connection.execute('pragma busy_timeout = 5000');
    await orm.schema.update();
    return orm as unknown as MikroORM;
  }
  const { MikroORM: PostgresOrm } = await import('@mikro-orm/postgresql');
  const orm = await PostgresOrm.init({
    ...common,
    clientUrl: database.url,
    extensions: [Migrator],
    migrations: { migrationsList: allMigrations(), tableName: 'autocase_migrations', transactional: true, allOrNothing: true, snapshot: false, silent: true },
  });
  await orm.migrator.up();
  return orm as unknown as MikroORM;
}
