export type UserRole = 'admin' | 'agent';

export interface SessionUser {
  id: string;
  email: string;
  role: UserRole;
}

export interface Session {
  token: string;
  user: SessionUser;
}

/** The parts of `window` the store uses; a test passes its own. */
export interface SessionStorageHost {
  localStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  addEventListener(type: 'storage', listener: (event: StorageEvent) => void): void;
  removeEventListener(type: 'storage', listener: (event: StorageEvent) => void): void;
}

export interface SessionStore {
  readonly storageKey: string;
  // Function properties, not methods: they never use `this`, so `store.subscribe` can be passed on as is.
  /** `null` when signed out or outside a browser; the same object until the stored value changes. */
  read: () => Session | null;
  write: (session: Session) => void;
  clear: () => void;
  /** Calls `listener` after `write`/`clear` here and when another tab changes the key; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
}

export function parseSession(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Session> | null;
    if (!parsed || typeof parsed.token !== 'string' || !parsed.user || typeof parsed.user.email !== 'string') return null;
    return parsed as Session;
  } catch {
    return null;
  }
}

function browserHost(): SessionStorageHost | undefined {
  return typeof window === 'undefined' ? undefined : window;
}

/** A signed-in session kept in `localStorage` under `storageKey` (one key per app, e.g. `autocase.admin.session`). */
export function createSessionStore(storageKey: string, host: () => SessionStorageHost | undefined = browserHost): SessionStore {
  if (typeof storageKey !== 'string' || storageKey.trim().length === 0) {
    throw new Error('createSessionStore needs a non-empty localStorage key, e.g. "autocase.admin.session"');
  }
  const listeners = new Set<() => void>();
  let cachedRaw: string | null = null;
  let cachedSession: Session | null = null;

  function requireHost(action: string): SessionStorageHost {
    const found = host();
    if (!found) throw new Error(`Cannot ${action} the session outside a browser (no window.localStorage)`);
    return found;
  }

  function notify(): void {
    for (const listener of listeners) listener();
  }

  return {
    storageKey,
    read() {
      const found = host();
      if (!found) return null;
      const raw = found.localStorage.getItem(storageKey);
      if (raw !== cachedRaw) {
        cachedRaw = raw;
        cachedSession = parseSession(raw);
      }
      return cachedSession;
    },
    write(session) {
      requireHost('write').localStorage.setItem(storageKey, JSON.stringify(session));
      notify();
    },
    clear() {
      requireHost('clear').localStorage.removeItem(storageKey);
      notify();
    },
    subscribe(listener) {
      const found = requireHost('subscribe to');
      listeners.add(listener);
      const onStorage = (event: StorageEvent) => {
        if (event.key === storageKey) listener();
      };
      found.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        found.removeEventListener('storage', onStorage);
      };
    },
  };
}
