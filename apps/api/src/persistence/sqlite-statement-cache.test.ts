import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cachePreparedStatements } from './sqlite-statement-cache.js';

// better-sqlite3 is the driver @mikro-orm/sqlite depends on; the API does not depend on it directly.
interface Statement {
  readonly busy: boolean;
  run(...parameters: unknown[]): unknown;
  all(...parameters: unknown[]): unknown[];
  get(...parameters: unknown[]): unknown;
  iterate(...parameters: unknown[]): IterableIterator<unknown>;
}
interface SqliteDatabase {
  prepare(sql: string): Statement;
  exec(sql: string): void;
}
const Database = createRequire(import.meta.resolve('@mikro-orm/sqlite'))('better-sqlite3') as new (file: string) => SqliteDatabase;

function database(): SqliteDatabase {
  const db = new Database(':memory:');
  db.exec('create table items (id integer primary key, name text)');
  return db;
}

describe('cachePreparedStatements', () => {
  it('reuses the statement for the same SQL and binds fresh parameters on each call', () => {
    const db = database();
    cachePreparedStatements(db);
    const insert = db.prepare('insert into items (name) values (?)');
    insert.run('first');
    const again = db.prepare('insert into items (name) values (?)');
    again.run('second');
    expect(again).toBe(insert);
    expect(db.prepare('select name from items order by id').all()).toEqual([{ name: 'first' }, { name: 'second' }]);
  });

  it('hands out a fresh statement while the cached one is still being iterated', () => {
    const db = database();
    db.exec("insert into items (name) values ('a'), ('b')");
    cachePreparedStatements(db);
    const select = db.prepare('select name from items order by id');
    const names: string[] = [];
    for (const row of select.iterate() as IterableIterator<{ name: string }>) {
      const inner = db.prepare('select name from items order by id');
      expect(inner).not.toBe(select);
      names.push(row.name, String((inner.get() as { name: string }).name));
    }
    expect(names).toEqual(['a', 'a', 'b', 'a']);
  });

  it('evicts the least recently used statement beyond its capacity', () => {
    const db = database();
    cachePreparedStatements(db, 2);
    const first = db.prepare('select 1');
    const second = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(first);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(first);
    expect(db.prepare('select 2')).not.toBe(second);
  });

  it('sees schema changes made after a statement was cached', () => {
    const db = database();
    cachePreparedStatements(db);
    db.prepare('select * from items').all();
    db.exec('alter table items add column extra text');
    db.exec("insert into items (name, extra) values ('x', 'y')");
    expect(db.prepare('select * from items').all()).toEqual([{ id: 1, name: 'x', extra: 'y' }]);
  });

  it('does not keep statements whose SQL is longer than the limit (values inlined into the text)', () => {
    const db = database();
    cachePreparedStatements(db, 500, 64);
    const long = `select id from items where name = '${'x'.repeat(100)}'`;
    expect(db.prepare(long)).not.toBe(db.prepare(long));
    const short = 'select id from items';
    expect(db.prepare(short)).toBe(db.prepare(short));
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => cachePreparedStatements(database(), 0)).toThrow(/capacity must be a positive integer, got 0/);
  });
});
