import type { MikroORM } from '@mikro-orm/core';
import { queryBound, runBound } from '../persistence/bound-statement.js';
import { LoginFailureEntity } from './login-failure-entity.js';
import { LOGIN_FAILURE_MEMORY_MS, type LoginFailureStore } from './login-throttle.js';

/** One row per account email; the count is raised in one statement, so parallel failures all count. */
export class MikroLoginFailureStore implements LoginFailureStore {
  constructor(private readonly orm: MikroORM) {}

  async get(email: string): Promise<{ failures: number; lastFailureAt: string } | null> {
    const row = await this.orm.em.fork().findOne(LoginFailureEntity, { email: email.toLowerCase() });
    return row ? { failures: row.failures, lastFailureAt: row.lastFailureAt } : null;
  }

  async recordFailure(email: string, at: Date): Promise<number> {
    const em = this.orm.em.fork();
    const now = at.toISOString();
    const forgotten = new Date(at.getTime() - LOGIN_FAILURE_MEMORY_MS).toISOString();
    const rows = await queryBound<{ failures: number | string }>(
      em,
      `insert into login_failures (email, failures, last_failure_at) values (?, 1, ?)
       on conflict (email) do update set failures = case when login_failures.last_failure_at < ? then 1 else login_failures.failures + 1 end, last_failure_at = excluded.last_failure_at
       returning failures`,
      [email.toLowerCase(), now, forgotten],
    );
    await runBound(em, 'delete from login_failures where last_failure_at < ?', [forgotten]);
    return Number(rows[0]?.failures ?? 1);
  }

  async clear(email: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(LoginFailureEntity, { email: email.toLowerCase() });
  }
}
