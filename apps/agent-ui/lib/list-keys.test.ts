import { describe, expect, it } from 'vitest';
import { keyTarget } from './list-keys';

describe('keyTarget', () => {
  it('moves one row with the arrows, stopping at the ends', () => {
    expect(keyTarget('ArrowDown', 0, 3)).toBe(1);
    expect(keyTarget('ArrowDown', 2, 3)).toBe(2);
    expect(keyTarget('ArrowUp', 0, 3)).toBe(0);
    expect(keyTarget('ArrowUp', 2, 3)).toBe(1);
  });

  it('jumps to the first and the newest row', () => {
    expect(keyTarget('Home', 7, 11)).toBe(0);
    expect(keyTarget('End', 0, 11)).toBe(10);
  });

  it('ignores other keys and empty lists', () => {
    expect(keyTarget('Enter', 0, 3)).toBeNull();
    expect(keyTarget('End', -1, 0)).toBeNull();
  });
});
