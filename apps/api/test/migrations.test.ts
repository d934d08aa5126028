import type { MikroORM } from '@mikro-orm/core';
import { afterAll, describe, expect, it } from 'vitest';
import { allMigrations, openDatabase } from '../src/persistence/orm.js';
import { createTestDatabase, type TestDatabase } from './support/database-targets.js';

describe('PostgreSQL migrations', () => {
  let database: TestDatabase | undefined;
  let orm: MikroORM | undefined;
  afterAll(async () => {
    await orm?.close();
    await database?.destroy();
  });

  it('bring an empty database exactly to the schema the entities describe, and are idempotent', async () => {
    database = await createTestDatabase('postgresql');
    orm = await openDatabase(database.config);
    const drift = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(drift.trim(), 'write a new migration for this difference').toBe('');
    const executed = (await orm.em.getConnection().execute('select name from autocase_migrations order by id')) as { name: string }[];
    expect(executed.map((row) => row.name)).toEqual(allMigrations().map((migration) => migration.name));
    await orm.close();
    orm = await openDatabase(database.config);
    expect(((await orm.em.getConnection().execute('select count(*) as count from autocase_migrations')) as { count: string }[])[0]?.count).toBe(String(allMigrations().length));
  });
});
