import { randomUUID } from 'node:crypto';
import { defineEntity, p, type MikroORM } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { Actor, SettingChange } from '@autocase/core';
import type { MigrationDefinition } from '../persistence/orm.js';

/** One save of the settings by an admin: who, when, and each setting that changed. */
export interface SettingsChangeEntry {
  id: string;
  at: string;
  actor: Actor;
  changes: SettingChange[];
}

export const SettingsChangeEntity = defineEntity({
  name: 'SettingsChange',
  tableName: 'settings_changes',
  properties: {
    id: p.string().length(36).primary(),
    at: p.string().length(32).index(),
    entry: p.json<Record<string, unknown>>(),
  },
});

/** PostgreSQL: the audit of settings changes. */
export class Migration20261204020000SettingsChanges extends Migration {
  override up(): void {
    this.addSql(`create table "settings_changes" ("id" varchar(36) not null, "at" varchar(32) not null, "entry" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "settings_changes_at_index" on "settings_changes" ("at");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "settings_changes" cascade;`);
  }
}

export const SETTINGS_CHANGE_MIGRATIONS: MigrationDefinition[] = [{ name: 'Migration20261204020000_settings_changes', class: Migration20261204020000SettingsChanges }];

/** The audit of settings saves, newest first. */
export class SettingsChangeLog {
  constructor(private readonly orm: MikroORM) {}

  async append(entry: Omit<SettingsChangeEntry, 'id'>): Promise<SettingsChangeEntry> {
    const stored = { ...entry, id: randomUUID() };
    await this.orm.em.fork().insert(SettingsChangeEntity, { id: stored.id, at: stored.at, entry: stored as unknown as Record<string, unknown> });
    return stored;
  }

  async list(limit = 100): Promise<SettingsChangeEntry[]> {
    const rows = await this.orm.em.fork().find(SettingsChangeEntity, {}, { orderBy: { at: 'desc', id: 'desc' }, limit });
    return rows.map((row) => row.entry as unknown as SettingsChangeEntry);
  }
}
