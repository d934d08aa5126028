import { describe, expect, it, vi } from 'vitest';
import { createSessionStore, parseSession, type Session, type SessionStorageHost } from './session-store.js';

const session: Session = { token: 't-1', user: { id: 'u1', email: 'ada@example.com', role: 'admin' } };

function fakeHost() {
  const items = new Map<string, string>();
  const storageListeners = new Set<(event: StorageEvent) => void>();
  const host: SessionStorageHost = {
    localStorage: {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
    },
    addEventListener: (_type, listener) => void storageListeners.add(listener),
    removeEventListener: (_type, listener) => void storageListeners.delete(listener),
  };
  const otherTabWrites = (key: string) => {
    for (const listener of storageListeners) listener({ key } as StorageEvent);
  };
  return { host, items, storageListeners, otherTabWrites };
}

describe('createSessionStore', () => {
  it('writes, reads and clears the session under its own key', () => {
    const { host, items } = fakeHost();
    const store = createSessionStore('autocase.admin.session', () => host);
    expect(store.read()).toBeNull();
    store.write(session);
    expect(items.get('autocase.admin.session')).toBe(JSON.stringify(session));
    expect(store.read()).toEqual(session);
    expect(store.read()).toBe(store.read());
    store.clear();
    expect(items.has('autocase.admin.session')).toBe(false);
    expect(store.read()).toBeNull();
  });

  it('keeps two apps apart by key', () => {
    const { host } = fakeHost();
    const admin = createSessionStore('autocase.admin.session', () => host);
    const agent = createSessionStore('autocase.agent.session', () => host);
    admin.write(session);
    expect(agent.read()).toBeNull();
  });

  it('notifies subscribers on write, clear and another tab changing the same key', () => {
    const { host, storageListeners, otherTabWrites } = fakeHost();
    const store = createSessionStore('autocase.agent.session', () => host);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.write(session);
    store.clear();
    otherTabWrites('autocase.agent.session');
    otherTabWrites('something.else');
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    store.write(session);
    expect(listener).toHaveBeenCalledTimes(3);
    expect(storageListeners.size).toBe(0);
  });

  it('reads null outside a browser and refuses to write there', () => {
    const store = createSessionStore('autocase.admin.session', () => undefined);
    expect(store.read()).toBeNull();
    expect(() => store.write(session)).toThrow(/outside a browser/);
  });

  it('rejects an empty key', () => {
    expect(() => createSessionStore(' ')).toThrow(/non-empty localStorage key/);
  });
});

describe('parseSession', () => {
  it('ignores malformed stored values', () => {
    expect(parseSession('not json')).toBeNull();
    expect(parseSession('null')).toBeNull();
    expect(parseSession(JSON.stringify({ token: 1, user: { email: 'a@b.c' } }))).toBeNull();
    expect(parseSession(JSON.stringify(session))).toEqual(session);
  });
});
