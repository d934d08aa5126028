import type { InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { DomainError, type Clock } from '@autocase/core';
import type { Role, User, UserRepository } from '../../auth/user.js';
import { AuthTokenEntity, UserEntity } from '../entities/index.js';

type UserRow = InferEntity<typeof UserEntity>;

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, displayName: row.displayName ?? null, role: row.role as Role, disabled: row.disabled, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export class MikroUserRepository implements UserRepository {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

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
    return count === 0 ? null : this.get(id);
  }

  async count(): Promise<number> {
    return this.orm.em.fork().count(UserEntity, {});
  }

  /** Stores a new token and drops the expired ones. */
  async saveToken(token: { tokenHash: string; userId: string; expiresAt: string }): Promise<void> {
    const em = this.orm.em.fork();
    const now = this.clock.now().toISOString();
    await em.insert(AuthTokenEntity, { ...token, createdAt: now });
    await em.nativeDelete(AuthTokenEntity, { expiresAt: { $lte: now } });
  }

  async findUserByToken(tokenHash: string, now: string): Promise<User | null> {
    const em = this.orm.em.fork();
    const token = await em.findOne(AuthTokenEntity, { tokenHash, expiresAt: { $gt: now } });
    if (!token) return null;
    const row = await em.findOne(UserEntity, { id: token.userId });
    return row ? toUser(row) : null;
  }

  async deleteToken(tokenHash: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(AuthTokenEntity, { tokenHash });
  }

  async deleteTokensOfUser(userId: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(AuthTokenEntity, { userId });
  }
}
