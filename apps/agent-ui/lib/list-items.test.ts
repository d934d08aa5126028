import { describe, expect, it } from 'vitest';
import { listItems } from './list-items';

describe('listItems', () => {
  it('accepts a bare array, a paged object and nothing', () => {
    expect(listItems([1, 2])).toEqual([1, 2]);
    expect(listItems({ items: ['a'] })).toEqual(['a']);
    expect(listItems(null)).toEqual([]);
    expect(listItems({})).toEqual([]);
  });
});
