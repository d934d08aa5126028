import { Migration } from '@mikro-orm/migrations';
import type { MigrationDefinition } from '../persistence/orm.js';

/** PostgreSQL: the login_failures table (SQLite is updated from the entity at boot). */
export class Migration20261204050000LoginFailures extends Migration {
  override up(): void {
    this.addSql(`create table if not exists "login_failures" ("email" varchar(320) not null, "failures" int not null, "last_failure_at" varchar(32) not null, primary key ("email"));`);
    this.addSql(`create index if not exists "login_failures_last_failure_at_index" on "login_failures" ("last_failure_at");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "login_failures" cascade;`);
  }
}

export const AUTH_MIGRATIONS: MigrationDefinition[] = [{ name: 'Migration20261204050000_login_failures', class: Migration20261204050000LoginFailures }];
