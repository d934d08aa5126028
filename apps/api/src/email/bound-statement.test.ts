import { MikroORM } from '@mikro-orm/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBound } from './bound-statement.js';

describe('runBound on SQLite', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await MikroORM.init({ entities: [], dbName: ':memory:', discovery: { warnWhenNoEntities: false } });
    await orm.em.getConnection().execute('create table blobs (id text primary key, raw blob not null)');
  });
  afterAll(() => orm.close());

  it('binds the values (bytes stay bytes) and returns the rows changed', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 39]);
    expect(await runBound(orm.em.fork(), 'insert into blobs (id, raw) values (?, ?)', ['a', bytes])).toBe(1);
    expect(await runBound(orm.em.fork(), 'update blobs set raw = ? where id = ?', [bytes, 'missing'])).toBe(0);
    const rows = (await orm.em.getConnection().execute('select raw from blobs where id = ?', ['a'])) as { raw: Buffer }[];
    expect(Buffer.compare(rows[0]!.raw, bytes)).toBe(0);
  });

  it('joins the transaction it is called in: a rollback undoes it', async () => {
    await expect(
      orm.em.fork().transactional(async (transaction) => {
        await runBound(transaction, 'insert into blobs (id, raw) values (?, ?)', ['rolled-back', Buffer.from('x')]);
        throw new Error('abort the transaction');
      }),
    ).rejects.toThrow('abort the transaction');
    const rows = (await orm.em.getConnection().execute('select id from blobs where id = ?', ['rolled-back'])) as unknown[];
    expect(rows).toHaveLength(0);
  });
});
