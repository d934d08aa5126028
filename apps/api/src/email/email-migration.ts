import { Migration } from '@mikro-orm/migrations';
import type { MigrationDefinition } from '../persistence/orm.js';

const TABLES = ['arc_rules', 'contacts', 'emails', 'email_raw', 'mailboxes', 'outbound_mail', 'sender_activity'];

/** PostgreSQL: the email tables (inbound emails and their raw bytes, contacts, mailboxes, ARC rules, outbound log, sender activity). */
export class Migration20261124100000Email extends Migration {
  override up(): void {
    this.addSql(`create table "arc_rules" ("id" varchar(36) not null, "mailbox" varchar(320) not null, "enabled" boolean not null, "created_at" varchar(32) not null, "data" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "arc_rules_mailbox_index" on "arc_rules" ("mailbox");`);
    this.addSql(`create table "contacts" ("id" varchar(36) not null, "email" varchar(320) not null, "data" jsonb not null, primary key ("id"));`);
    this.addSql(`alter table "contacts" add constraint "contacts_email_unique" unique ("email");`);
    this.addSql(`create table "emails" ("id" varchar(36) not null, "sequence" int not null, "mailbox" varchar(320) not null, "received_at" varchar(32) not null, "sha256" varchar(64) not null, "dedupe_key" varchar(64) null, "message_id" varchar(998) null, "status" varchar(16) not null, "outcome" varchar(16) null, "case_id" varchar(36) null, "search_text" text not null, "data" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "emails_sequence_index" on "emails" ("sequence");`);
    this.addSql(`create index "emails_mailbox_index" on "emails" ("mailbox");`);
    this.addSql(`alter table "emails" add constraint "emails_sha256_unique" unique ("sha256");`);
    this.addSql(`alter table "emails" add constraint "emails_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "emails_message_id_index" on "emails" ("message_id");`);
    this.addSql(`create index "emails_status_index" on "emails" ("status");`);
    this.addSql(`create index "emails_outcome_index" on "emails" ("outcome");`);
    this.addSql(`create index "emails_case_id_index" on "emails" ("case_id");`);
    this.addSql(`create table "email_raw" ("id" varchar(36) not null, "raw" bytea not null, primary key ("id"));`);
    this.addSql(`create table "mailboxes" ("id" varchar(36) not null, "address" varchar(320) not null, "created_at" varchar(32) not null, "data" jsonb not null, primary key ("id"));`);
    this.addSql(`alter table "mailboxes" add constraint "mailboxes_address_unique" unique ("address");`);
    this.addSql(`create table "outbound_mail" ("message_id" varchar(998) not null, "case_id" varchar(36) null, "sent_at" varchar(32) not null, "data" jsonb not null, primary key ("message_id"));`);
    this.addSql(`create index "outbound_mail_case_id_index" on "outbound_mail" ("case_id");`);
    this.addSql(`create table "sender_activity" ("id" varchar(36) not null, "sender" varchar(320) not null, "kind" varchar(16) not null, "subject_key" varchar(500) not null, "at" varchar(32) not null, primary key ("id"));`);
    this.addSql(`create index "sender_activity_sender_kind_at_index" on "sender_activity" ("sender", "kind", "at");`);
  }

  override down(): void {
    for (const table of TABLES) this.addSql(`drop table if exists "${table}" cascade;`);
  }
}

/** PostgreSQL: the claim a worker takes on an email while it processes it (compare-and-set, with a lease). */
export class Migration20261124210000EmailClaims extends Migration {
  override up(): void {
    this.addSql(`alter table "emails" add column "claimed_by" varchar(64) null, add column "claimed_until" varchar(32) null;`);
  }

  override down(): void {
    this.addSql(`alter table "emails" drop column if exists "claimed_by", drop column if exists "claimed_until";`);
  }
}

export const EMAIL_MIGRATIONS: MigrationDefinition[] = [
  { name: 'Migration20261124100000_email', class: Migration20261124100000Email },
  { name: 'Migration20261124210000_email_claims', class: Migration20261124210000EmailClaims },
];
