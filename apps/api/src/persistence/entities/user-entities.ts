import { defineEntity, p } from '@mikro-orm/core';

export const UserEntity = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.string().length(36).primary(),
    email: p.string().length(320).unique(),
    displayName: p.string().length(200).nullable(),
    passwordHash: p.string().length(300),
    role: p.string().length(16),
    disabled: p.boolean().default(false),
    createdAt: p.string().length(32),
    updatedAt: p.string().length(32),
  },
});

/** Bearer tokens: only the SHA-256 hash of the token is stored. */
export const AuthTokenEntity = defineEntity({
  name: 'AuthToken',
  tableName: 'auth_tokens',
  properties: {
    tokenHash: p.string().length(64).primary(),
    userId: p.string().length(36).index(),
    createdAt: p.string().length(32),
    expiresAt: p.string().length(32),
    /** When the token was last used, recorded at most once a minute (see AuthService); null = never since created. */
    lastUsedAt: p.string().length(32).nullable(),
  },
});
