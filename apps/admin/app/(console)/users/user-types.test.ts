import { describe, expect, it } from 'vitest';
import { generatePassword } from './user-types';

describe('generatePassword', () => {
  it('returns the requested length from an alphabet without look-alikes', () => {
    const password = generatePassword(24);
    expect(password).toHaveLength(24);
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]+$/);
  });
  it('uses the given random source', () => {
    expect(generatePassword(3, () => 0)).toBe('aaa');
  });
});
