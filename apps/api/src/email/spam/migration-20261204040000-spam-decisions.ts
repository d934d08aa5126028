import { Migration } from '@mikro-orm/migrations';
import type { MigrationDefinition } from '../../persistence/orm.js';

/** PostgreSQL: people's spam / not-spam decisions (training examples of the spam classifier). */
export class Migration20261204040000SpamDecisions extends Migration {
  override up(): void {
    this.addSql(`create table "spam_decisions" ("id" varchar(36) not null, "email_id" varchar(36) not null, "mailbox" varchar(320) not null, "verdict" varchar(16) not null, "decided_by" varchar(320) not null, "decided_at" varchar(32) not null, primary key ("id"));`);
    this.addSql(`create index "spam_decisions_email_id_index" on "spam_decisions" ("email_id");`);
    this.addSql(`create index "spam_decisions_decided_at_index" on "spam_decisions" ("decided_at");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "spam_decisions" cascade;`);
  }
}

export const SPAM_MIGRATIONS: MigrationDefinition[] = [{ name: 'Migration20261204040000_spam_decisions', class: Migration20261204040000SpamDecisions }];
