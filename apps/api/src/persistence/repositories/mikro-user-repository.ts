import type { InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { DomainError, type Clock } from '@autocase/core';
import type { Role, User, UserRepository } from '../../auth/user.js';
import { AuthTokenEntity, UserEntity } from '../entities/index.js';
import { sharedReadCache, type ReadThroughCache } from '../read-through-cache.js';

/**
 * How long a verified bearer token is answered from memory. Logout, a user update (disable, role,
 * password) and token deletion in this process are seen at once; in another process at most this late.
 */
const TOKEN_CACHE_MS = 2000;

type CachedToken = { user: User; expiresAt: string; lastUsedAt: string } | null;

type UserRow = InferEntity<typeof UserEntity>;

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, displayName: row.displayName ?? null, role: row.role as Role, disabled: row.disabled, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export class MikroUserRepository implements UserRepository {
  private readonly tokens: ReadThroughCache<CachedToken>;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {
    this.tokens = sharedReadCache<CachedToken>(orm, 'auth-tokens', TOKEN_CACHE_MS);
  }

  async create(user: { email: string; displayName?: string | null; role: Role; passwordHash: string }): Promise<User> {
    const now = this.clock.now().toISOString();
    const row = { id: randomUUID(), email: user.email.toLowerCase(), displayName: user.displayName ?? null, role: user.role, passwordHash: user.passwordHash, disabled: false, createdAt: now, updatedAt: now };
    try {
      await this.orm.em.fork().insert(UserEntity, row);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new DomainError('CONFLICT', `a user with email ${row.email} already exists`, { path: ['email'] });
      throw error;
    }
    return toUser(row);
  }

  async get(id: string): Promise<User | null> {
    const row = await this.orm.em.fork().findOne(UserEntity, { id });
    return row ? toUser(row) : null;
  }

  async findByEmail(email: string): Promise<(User & { passwordHash: string }) | null> {
    const row = await this.orm.em.fork().findOne(UserEntity, { email: email.toLowerCase() });
    return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
  }

  async list(): Promise<User[]> {
    const rows = await this.orm.em.fork().find(UserEntity, {}, { orderBy: { createdAt: 'asc', email: 'asc' } });
    return rows.map(toUser);
  }

  async update(id: string, changes: Partial<Pick<User, 'role' | 'disabled' | 'displayName'>> & { passwordHash?: string }): Promise<User | null> {
    const update: Record<string, unknown> = { updatedAt: this.clock.now().toISOString() };
    for (const key of ['role', 'disabled', 'displayName', 'passwordHash'] as const) if (changes[key] !== undefined) update[key] = changes[key];
    const count = await this.orm.em.fork().nativeUpdate(UserEntity, { id }, update);
    this.tokens.invalidate();
    return count === 0 ? null : this.get(id);
  }

  async count(): Promise<number> {
    return this.orm.em.fork().count(UserEntity, {});
  }

  /** Stores a new token and drops the expired ones. */
  async saveToken(token: { tokenHash: string; userId: string; expiresAt: string }): Promise<void> {
    const em = this.orm.em.fork();
    const now = this.clock.now().toISOString();
    await em.insert(AuthTokenEntity, { ...token, createdAt: now, lastUsedAt: now });
    await em.nativeDelete(AuthTokenEntity, { expiresAt: { $lte: now } });
    this.tokens.invalidate();
  }

  /** Every authenticated request asks this; answers are cached briefly (see TOKEN_CACHE_MS), expiry is checked on each call. */
  async findUserByToken(tokenHash: string, now: string): Promise<User | null> {
    return (await this.findSession(tokenHash, now))?.user ?? null;
  }

  async findSession(tokenHash: string, now: string): Promise<{ user: User; lastUsedAt: string } | null> {
    const found = await this.tokens.get(tokenHash, async () => {
      const em = this.orm.em.fork();
      const token = await em.findOne(AuthTokenEntity, { tokenHash });
      const row = token ? await em.findOne(UserEntity, { id: token.userId }) : null;
      return token && row ? { user: toUser(row), expiresAt: token.expiresAt, lastUsedAt: token.lastUsedAt ?? token.createdAt } : null;
    });
    return found && found.expiresAt > now ? { user: found.user, lastUsedAt: found.lastUsedAt } : null;
  }

  /** Not followed by a cache invalidation: a cached entry is at most TOKEN_CACHE_MS behind, far below the touch interval. */
  async touchToken(tokenHash: string, at: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(AuthTokenEntity, { tokenHash }, { lastUsedAt: at });
  }

  async deleteToken(tokenHash: string): Promise<void> {
    try {
      await this.orm.em.fork().nativeDelete(AuthTokenEntity, { tokenHash });
    } finally {
      this.tokens.invalidate();
    }
  }

  async deleteTokensOfUser(userId: string): Promise<void> {
    try {
      await this.orm.em.fork().nativeDelete(AuthTokenEntity, { userId });
    } finally {
      this.tokens.invalidate();
    }
  }
}
