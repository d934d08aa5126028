import { Migration } from '@mikro-orm/migrations';

/** PostgreSQL: when each sign-in token was last used, for the idle timeout (AUTH_IDLE_TIMEOUT_MINUTES). */
export class Migration20261204060000AuthTokenLastUsed extends Migration {
  override up(): void {
    this.addSql(`alter table "auth_tokens" add column "last_used_at" varchar(32) null;`);
  }

  override down(): void {
    this.addSql(`alter table "auth_tokens" drop column if exists "last_used_at";`);
  }
}
