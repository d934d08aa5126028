import { describe, expect, it } from 'vitest';
import { ReadThroughCache, sharedReadCache } from './read-through-cache.js';

describe('ReadThroughCache', () => {
  it('loads once until the entry expires', async () => {
    let now = 0;
    let loads = 0;
    const cache = new ReadThroughCache<number>(100, () => now);
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    now = 100;
    expect(await cache.get('a', load)).toBe(2);
  });

  it('reloads after invalidate and hands out copies', async () => {
    let stored = { name: 'first' };
    const cache = new ReadThroughCache<{ name: string }>(60_000);
    const first = await cache.get('k', async () => stored);
    first.name = 'mutated by a caller';
    expect((await cache.get('k', async () => stored)).name).toBe('first');
    stored = { name: 'second' };
    cache.invalidate();
    expect((await cache.get('k', async () => stored)).name).toBe('second');
  });

  it('does not keep a value loaded while an invalidation happened', async () => {
    const cache = new ReadThroughCache<string>(60_000);
    let release!: () => void;
    const slow = cache.get('k', () => new Promise<string>((resolve) => (release = () => resolve('stale'))));
    cache.invalidate();
    release();
    expect(await slow).toBe('stale');
    expect(await cache.get('k', async () => 'fresh')).toBe('fresh');
  });

  it('is shared per owner and name', () => {
    const owner = {};
    expect(sharedReadCache(owner, 'x', 10)).toBe(sharedReadCache(owner, 'x', 10));
    expect(sharedReadCache(owner, 'x', 10)).not.toBe(sharedReadCache({}, 'x', 10));
  });

  it('rejects a ttl that is not positive', () => {
    expect(() => new ReadThroughCache(0)).toThrow(/ttlMs must be a positive/);
  });
});
