import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@autocase/core';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, CLOCK, USER_REPOSITORY } from '../tokens.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { FREE_LOGIN_FAILURES, lockoutMs, waitBeforeNextLogin } from './login-throttle.js';
import { MikroLoginFailureStore } from './mikro-login-failure-store.js';
import { SessionRevocations } from './session-revocations.js';
import type { User, UserRepository } from './user.js';

/** How stale a token's recorded last use may get before a request records it again (bounded by a quarter of the idle timeout). */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  /** Told when sessions end, so live connections (sockets) opened with them are closed too. */
  readonly revocations = new SessionRevocations();

  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MikroLoginFailureStore) private readonly failures: MikroLoginFailureStore,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'sessions'>,
  ) {}

  /**
   * A new bearer token; `wrong` when the email/password pair is wrong or the user is disabled;
   * `throttled` while the account waits after too many failures in a row (the password is then not
   * even checked, so guessing on gains nothing; known and unknown emails are treated alike).
   */
  async login(email: string, password: string): Promise<{ kind: 'ok'; token: string; user: User } | { kind: 'wrong' } | { kind: 'throttled'; retryAfterMs: number }> {
    const now = this.clock.now();
    const before = await this.failures.get(email);
    const waitMs = waitBeforeNextLogin(before, now);
    if (waitMs > 0) return { kind: 'throttled', retryAfterMs: waitMs };
    // Counted as a failure until the password proves right, so a burst of parallel guesses cannot
    // all slip in before the first failure is stored: only the attempts within the free ones (or
    // the one next after a served wait) go on to the password check.
    const attempt = await this.failures.recordFailure(email, now);
    if (attempt > Math.max(FREE_LOGIN_FAILURES, (before?.failures ?? 0) + 1)) return { kind: 'throttled', retryAfterMs: lockoutMs(attempt) };
    const found = await this.users.findByEmail(email);
    // Same work either way, so response time does not reveal which emails exist.
    const verified = await verifyPassword(password, found && !found.disabled ? found.passwordHash : await DUMMY_HASH);
    if (!found || found.disabled || !verified) return { kind: 'wrong' };
    await this.failures.clear(email);
    const token = randomBytes(32).toString('base64url');
    await this.users.saveToken({ tokenHash: hashToken(token), userId: found.id, expiresAt: new Date(this.clock.now().getTime() + this.config.sessions.maxAgeMs).toISOString() });
    const { passwordHash: _passwordHash, ...user } = found;
    return { kind: 'ok', token, user };
  }

  /**
   * The user of a token that is younger than the maximum age (AUTH_MAX_AGE_HOURS) and was used within the idle
   * timeout (AUTH_IDLE_TIMEOUT_MINUTES). A use is recorded at most once a minute, so the idle clock is that precise.
   */
  async authenticate(token: string): Promise<{ user: User; tokenHash: string } | null> {
    return this.authenticateHash(hashToken(token));
  }

  /** The session of a token already hashed (sockets keep the hash, never the token): within its maximum age and idle timeout. */
  async authenticateHash(tokenHash: string): Promise<{ user: User; tokenHash: string } | null> {
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
    try {
      await this.users.deleteToken(tokenHash);
    } finally {
      this.revocations.notify({ kind: 'session', tokenHash });
    }
  }

  /** Ends every session of a user (disabled, password reset): tokens deleted, live connections closed. */
  async revokeSessionsOfUser(userId: string): Promise<void> {
    try {
      await this.users.deleteTokensOfUser(userId);
    } finally {
      this.revocations.notify({ kind: 'user', userId });
    }
  }

  /** Closes a user's live connections without ending their sessions (a role change: they reconnect under the new role). */
  disconnectUser(userId: string): void {
    this.revocations.notify({ kind: 'user', userId });
  }
}

const DUMMY_HASH = hashPassword('autocase-timing-equalizer');
