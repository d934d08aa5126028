import { describe, expect, it } from 'vitest';
import { jsonColumn, placeholderList } from './bound-statement.js';

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
