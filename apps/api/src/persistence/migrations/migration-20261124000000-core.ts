import { Migration } from '@mikro-orm/migrations';

/** PostgreSQL: the core tables (users, tokens, configuration, cases, counters, audit, notes, prediction log, conversations, jobs). */
export class Migration20261124000000Core extends Migration {
  override up(): void {
    this.addSql(`create table "audit_entries" ("id" varchar(36) not null, "sequence" int not null, "case_id" varchar(36) not null, "at" varchar(32) not null, "action" varchar(32) not null, "field" varchar(64) null, "source" varchar(16) not null, "entry" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "audit_entries_sequence_index" on "audit_entries" ("sequence");`);
    this.addSql(`create index "audit_entries_case_id_index" on "audit_entries" ("case_id");`);
    this.addSql(`create index "audit_entries_at_index" on "audit_entries" ("at");`);
    this.addSql(`create table "auth_tokens" ("token_hash" varchar(64) not null, "user_id" varchar(36) not null, "created_at" varchar(32) not null, "expires_at" varchar(32) not null, primary key ("token_hash"));`);
    this.addSql(`create index "auth_tokens_user_id_index" on "auth_tokens" ("user_id");`);
    this.addSql(`create table "cases" ("id" varchar(36) not null, "number" varchar(32) not null, "sequence" int not null, "title" varchar(500) not null, "status" varchar(16) not null, "channel" varchar(16) not null, "fields" jsonb not null, "conversation_id" varchar(36) null, "contact_email" varchar(320) null, "parent_case_id" varchar(36) null, "search_text" text not null, "created_at" varchar(32) not null, "updated_at" varchar(32) not null, "resolved_at" varchar(32) null, "version" int not null, primary key ("id"));`);
    this.addSql(`alter table "cases" add constraint "cases_number_unique" unique ("number");`);
    this.addSql(`create index "cases_sequence_index" on "cases" ("sequence");`);
    this.addSql(`create index "cases_status_index" on "cases" ("status");`);
    this.addSql(`create index "cases_channel_index" on "cases" ("channel");`);
    this.addSql(`alter table "cases" add constraint "cases_conversation_id_unique" unique ("conversation_id");`);
    this.addSql(`create index "cases_created_at_index" on "cases" ("created_at");`);
    this.addSql(`create table "chat_messages" ("id" varchar(36) not null, "conversation_id" varchar(36) not null, "sequence" int not null, "sender" varchar(16) not null, "sender_name" varchar(200) null, "text" text not null, "at" varchar(32) not null, primary key ("id"));`);
    this.addSql(`create index "chat_messages_conversation_id_index" on "chat_messages" ("conversation_id");`);
    this.addSql(`create table "configuration" ("key" varchar(64) not null, "value" jsonb not null, "updated_at" varchar(32) not null, primary key ("key"));`);
    this.addSql(`create table "conversations" ("id" varchar(36) not null, "state" varchar(16) not null, "customer" jsonb not null, "context" jsonb not null, "origin" varchar(200) not null, "agent_id" varchar(36) null, "case_id" varchar(36) null, "created_at" varchar(32) not null, "accepted_at" varchar(32) null, "ended_at" varchar(32) null, primary key ("id"));`);
    this.addSql(`create index "conversations_state_index" on "conversations" ("state");`);
    this.addSql(`create index "conversations_agent_id_index" on "conversations" ("agent_id");`);
    this.addSql(`create table "counters" ("name" varchar(64) not null, "value" int not null, primary key ("name"));`);
    this.addSql(`create table "jobs" ("id" varchar(200) not null, "name" varchar(100) not null, "data" jsonb not null, "status" varchar(16) not null, "attempts" int not null, "max_attempts" int not null, "backoff_ms" int not null, "run_at" varchar(32) not null, "last_error" text null, "created_at" varchar(32) not null, "updated_at" varchar(32) not null, primary key ("id"));`);
    this.addSql(`create index "jobs_name_index" on "jobs" ("name");`);
    this.addSql(`create index "jobs_status_index" on "jobs" ("status");`);
    this.addSql(`create index "jobs_run_at_index" on "jobs" ("run_at");`);
    this.addSql(`create table "notes" ("id" varchar(36) not null, "sequence" int not null, "case_id" varchar(36) not null, "kind" varchar(16) not null, "body" text not null, "author_id" varchar(36) null, "dedupe_key" varchar(200) null, "created_at" varchar(32) not null, primary key ("id"));`);
    this.addSql(`create index "notes_case_id_index" on "notes" ("case_id");`);
    this.addSql(`alter table "notes" add constraint "notes_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create table "prediction_log" ("id" varchar(36) not null, "sequence" int not null, "case_id" varchar(36) not null, "at" varchar(32) not null, "entry" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "prediction_log_sequence_index" on "prediction_log" ("sequence");`);
    this.addSql(`create index "prediction_log_case_id_index" on "prediction_log" ("case_id");`);
    this.addSql(`create table "users" ("id" varchar(36) not null, "email" varchar(320) not null, "display_name" varchar(200) null, "password_hash" varchar(300) not null, "role" varchar(16) not null, "disabled" boolean not null default false, "created_at" varchar(32) not null, "updated_at" varchar(32) not null, primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
  }

  override down(): void {
    for (const table of ['audit_entries', 'auth_tokens', 'cases', 'chat_messages', 'configuration', 'conversations', 'counters', 'jobs', 'notes', 'prediction_log', 'users']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}
