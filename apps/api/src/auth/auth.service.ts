import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@autocase/core';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, CLOCK, USER_REPOSITORY } from '../tokens.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import type { User, UserRepository } from './user.js';

/** How stale a token's recorded last use may get before a request records it again (bounded by a quarter of the idle timeout). */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'sessions'>,
  ) {}

  /** Returns a new bearer token, or null when the email/password pair is wrong or the user is disabled. */
  async login(email: string, password: string): Promise<{ token: string; user: User } | null> {
    const found = await this.users.findByEmail(email);
    if (!found || found.disabled) {
      // Same work either way, so response time does not reveal which emails exist.
      await verifyPassword(password, await DUMMY_HASH);
      return null;
    }
    if (!(await verifyPassword(password, found.passwordHash))) return null;
    const token = randomBytes(32).toString('base64url');
    await this.users.saveToken({ tokenHash: hashToken(token), userId: found.id, expiresAt: new Date(this.clock.now().getTime() + this.config.sessions.maxAgeMs).toISOString() });
    const { passwordHash: _passwordHash, ...user } = found;
    return { token, user };
  }

  /**
   * The user of a token that is younger than the maximum age (AUTH_MAX_AGE_HOURS) and was used within the idle
   * timeout (AUTH_IDLE_TIMEOUT_MINUTES). A use is recorded at most once a minute, so the idle clock is that precise.
   */
  async authenticate(token: string): Promise<{ user: User; tokenHash: string } | null> {
    const tokenHash = hashToken(token);
    const now = this.clock.now();
    const session = await this.users.findSession(tokenHash, now.toISOString());
    if (!session || session.user.disabled) return null;
    const idleMs = now.getTime() - Date.parse(session.lastUsedAt);
    if (idleMs > this.config.sessions.idleTimeoutMs) {
      await this.users.deleteToken(tokenHash);
      return null;
    }
    if (idleMs > Math.min(TOUCH_INTERVAL_MS, this.config.sessions.idleTimeoutMs / 4)) await this.users.touchToken(tokenHash, now.toISOString());
    return { user: session.user, tokenHash };
  }

  async logout(tokenHash: string): Promise<void> {
    await this.users.deleteToken(tokenHash);
  }
}

const DUMMY_HASH = hashPassword('autocase-timing-equalizer');
