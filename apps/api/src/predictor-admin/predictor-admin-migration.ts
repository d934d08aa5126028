import { Migration } from '@mikro-orm/migrations';
import type { MigrationDefinition } from '../persistence/orm.js';

const TABLES = ['backtest_cases', 'backtest_runs', 'learned_models', 'predictor_documents', 'training_examples'];

/** PostgreSQL: training examples, learned model versions, predictor settings documents and backtest runs. */
export class Migration20261124200000PredictorAdmin extends Migration {
  override up(): void {
    this.addSql(`create table "backtest_cases" ("id" varchar(36) not null, "run_id" varchar(36) not null, "position" int not null, "data" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "backtest_cases_run_id_index" on "backtest_cases" ("run_id");`);
    this.addSql(`create table "backtest_runs" ("id" varchar(36) not null, "status" varchar(16) not null, "data" jsonb not null, "created_at" varchar(32) not null, "updated_at" varchar(32) not null, primary key ("id"));`);
    this.addSql(`create index "backtest_runs_created_at_index" on "backtest_runs" ("created_at");`);
    this.addSql(`create table "learned_models" ("id" varchar(36) not null, "field" varchar(64) not null, "version" int not null, "model_id" varchar(100) not null, "active" boolean not null, "model" jsonb not null, "metrics" jsonb not null, "trained_at" varchar(32) not null, primary key ("id"));`);
    this.addSql(`create index "learned_models_field_index" on "learned_models" ("field");`);
    this.addSql(`create index "learned_models_active_index" on "learned_models" ("active");`);
    this.addSql(`create table "predictor_documents" ("key" varchar(64) not null, "value" jsonb not null, "updated_at" varchar(32) not null, primary key ("key"));`);
    this.addSql(`create table "training_examples" ("id" varchar(36) not null, "sequence" int not null, "text" text not null, "fields" jsonb not null, "batch_id" varchar(36) not null, "created_at" varchar(32) not null, primary key ("id"));`);
    this.addSql(`create index "training_examples_sequence_index" on "training_examples" ("sequence");`);
    this.addSql(`create index "training_examples_batch_id_index" on "training_examples" ("batch_id");`);
  }

  override down(): void {
    for (const table of TABLES) this.addSql(`drop table if exists "${table}" cascade;`);
  }
}

export const PREDICTOR_ADMIN_MIGRATIONS: MigrationDefinition[] = [{ name: 'Migration20261124200000_predictor_admin', class: Migration20261124200000PredictorAdmin }];
