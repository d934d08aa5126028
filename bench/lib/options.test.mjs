import { describe, expect, it } from 'vitest';
import { parseOptions } from './options.mjs';

describe('bench options', () => {
  it('defaults to every section at full size, and --quick shrinks it', () => {
    const full = parseOptions([]);
    expect([...full.only]).toEqual(['email', 'machine', 'chat', 'quality', 'spam', 'memory', 'scale', 'faults']);
    expect({ runs: full.runs, messages: full.messages, customers: full.customers, soak: full.soak }).toEqual({ runs: 3, messages: 2500, customers: 50, soak: false });
    const quick = parseOptions(['--quick', '--only=chat,quality', '--soak=2']);
    expect({ runs: quick.runs, messages: quick.messages, soakMinutes: quick.soakMinutes, only: [...quick.only] }).toEqual({ runs: 2, messages: 300, soakMinutes: 2, only: ['chat', 'quality'] });
  });

  it('names a bad option', () => {
    expect(() => parseOptions(['--only=email,speed'])).toThrow(/--only takes a comma list/);
    expect(() => parseOptions(['--runs=0'])).toThrow(/--runs must be a whole number/);
    expect(() => parseOptions(['--fast'])).toThrow(/unknown option "--fast"/);
  });
});
