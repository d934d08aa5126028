import { Migration } from '@mikro-orm/migrations';

/** PostgreSQL: leases on in-process jobs, so several processes can share the jobs table. */
export class Migration20261124060000JobLeases extends Migration {
  override up(): void {
    this.addSql(`alter table "jobs" add column "locked_by" varchar(36) null, add column "locked_until" varchar(32) null;`);
    this.addSql(`create index "jobs_locked_until_index" on "jobs" ("locked_until");`);
  }

  override down(): void {
    this.addSql(`drop index if exists "jobs_locked_until_index";`);
    this.addSql(`alter table "jobs" drop column if exists "locked_by", drop column if exists "locked_until";`);
  }
}
