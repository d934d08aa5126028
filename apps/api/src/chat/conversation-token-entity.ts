import { defineEntity, p } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { MigrationDefinition } from '../persistence/orm.js';

/** The customer's conversation token, stored only as its SHA-256 hash. */
export const ConversationTokenEntity = defineEntity({
  name: 'ConversationTokenRecord',
  tableName: 'chat_conversation_tokens',
  properties: {
    conversationId: p.string().length(36).primary(),
    tokenHash: p.string().length(64),
    createdAt: p.string().length(32),
  },
});

/** PostgreSQL: the conversation token table (SQLite is updated from the entity at boot). */
export class Migration20261124100000ChatTokens extends Migration {
  override up(): void {
    this.addSql(`create table if not exists "chat_conversation_tokens" ("conversation_id" varchar(36) not null, "token_hash" varchar(64) not null, "created_at" varchar(32) not null, primary key ("conversation_id"));`);
  }

  override down(): void {
    this.addSql(`drop table if exists "chat_conversation_tokens" cascade;`);
  }
}

export const CHAT_MIGRATIONS: MigrationDefinition[] = [{ name: 'Migration20261124100000_chat_tokens', class: Migration20261124100000ChatTokens }];
