import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { isUniqueViolation, jsonColumn, placeholderList } from './bound-statement.js';

describe('isUniqueViolation', () => {
  it('recognises a duplicate key from MikroORM, SQLite and PostgreSQL, and nothing else', () => {
    expect(isUniqueViolation(new UniqueConstraintViolationException(new Error('duplicate')))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('UNIQUE constraint failed: emails.sha256'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('UNIQUE constraint failed: jobs.id'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('NOT NULL constraint failed'), { code: 'SQLITE_CONSTRAINT_NOTNULL' }))).toBe(false);
    expect(isUniqueViolation(new Error('disk I/O error'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});

describe('raw column helpers', () => {
  it('reads a JSON column as text (SQLite) or parsed (PostgreSQL) alike', () => {
    expect(jsonColumn('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(jsonColumn({ a: [1, 2] })).toEqual({ a: [1, 2] });
  });

  it('writes the placeholders of an in-list', () => {
    expect(placeholderList(3)).toBe('?, ?, ?');
    expect(placeholderList(1)).toBe('?');
  });
});
