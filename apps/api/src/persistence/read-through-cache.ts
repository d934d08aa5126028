/**
 * A small read-through cache for configuration-like rows that every inbound item reads
 * (settings, fields, mailboxes, ARC rules). Shared by every repository over the same
 * database handle, so a save through one instance invalidates what the others hold; entries
 * also expire after `ttlMs`, which bounds how long another process's change goes unseen.
 * Values are plain data; each caller gets its own copy, so mutating one never changes the cache.
 */
export class ReadThroughCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(ttlMs > 0)) throw new Error(`ReadThroughCache: ttlMs must be a positive number of milliseconds, got ${ttlMs}`);
  }

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.now()) return structuredClone(entry.value);
    const generation = this.generation;
    const value = await load();
    // A save while this load ran may have made `value` stale: then it is returned but not kept.
    if (generation === this.generation) this.entries.set(key, { value: structuredClone(value), expiresAt: this.now() + this.ttlMs });
    return value;
  }

  /** Forgets everything (call after any write to the cached rows). */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

const caches = new WeakMap<object, Map<string, ReadThroughCache<unknown>>>();

/** The cache named `name` for this database handle (created on first use). */
export function sharedReadCache<T>(owner: object, name: string, ttlMs: number): ReadThroughCache<T> {
  let named = caches.get(owner);
  if (!named) caches.set(owner, (named = new Map<string, ReadThroughCache<unknown>>()));
  let cache = named.get(name);
  if (!cache) named.set(name, (cache = new ReadThroughCache<unknown>(ttlMs)));
  return cache as ReadThroughCache<T>;
}
