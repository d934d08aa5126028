import { Migration } from '@mikro-orm/migrations';

/** PostgreSQL: the key of the event that created a case (email or conversation), unique, so a retried creation finds its case. */
export class Migration20261204070000CaseOriginKey extends Migration {
  override up(): void {
    this.addSql(`alter table "cases" add column "origin_key" varchar(100) null;`);
    this.addSql(`alter table "cases" add constraint "cases_origin_key_unique" unique ("origin_key");`);
  }

  override down(): void {
    this.addSql(`alter table "cases" drop constraint if exists "cases_origin_key_unique";`);
    this.addSql(`alter table "cases" drop column if exists "origin_key";`);
  }
}
