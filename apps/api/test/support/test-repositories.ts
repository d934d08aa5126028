import type { MikroORM } from '@mikro-orm/core';
import { systemClock, type Clock } from '@autocase/core';
import { openDatabase } from '../../src/persistence/orm.js';
import { MikroAuditRepository } from '../../src/persistence/repositories/mikro-audit-repository.js';
import { MikroCaseRepository } from '../../src/persistence/repositories/mikro-case-repository.js';
import { MikroConfigurationRepository } from '../../src/persistence/repositories/mikro-configuration-repository.js';
import { MikroConversationRepository } from '../../src/persistence/repositories/mikro-conversation-repository.js';
import { MikroNoteRepository } from '../../src/persistence/repositories/mikro-note-repository.js';
import { MikroPredictionLogRepository } from '../../src/persistence/repositories/mikro-prediction-log-repository.js';
import { MikroUserRepository } from '../../src/persistence/repositories/mikro-user-repository.js';
import { createTestDatabase, type TestDatabase } from './database-targets.js';

export interface MikroRepositorySet {
  orm: MikroORM;
  cases: MikroCaseRepository;
  audit: MikroAuditRepository;
  notes: MikroNoteRepository;
  conversations: MikroConversationRepository;
  configuration: MikroConfigurationRepository;
  predictionLog: MikroPredictionLogRepository;
  users: MikroUserRepository;
}

export function createRepositories(orm: MikroORM, clock: Clock = systemClock): MikroRepositorySet {
  return {
    orm,
    cases: new MikroCaseRepository(orm, clock),
    audit: new MikroAuditRepository(orm),
    notes: new MikroNoteRepository(orm, clock),
    conversations: new MikroConversationRepository(orm, clock),
    configuration: new MikroConfigurationRepository(orm, clock),
    predictionLog: new MikroPredictionLogRepository(orm),
    users: new MikroUserRepository(orm, clock),
  };
}

/** One migrated database per test file, shared by its tests (contract tests use unique tokens, not an empty database). */
export function sharedDatabase(databaseId: TestDatabase['id']): { open(): Promise<MikroORM>; close(): Promise<void> } {
  let database: TestDatabase | undefined;
  let orm: MikroORM | undefined;
  return {
    async open() {
      if (!orm) {
        database = await createTestDatabase(databaseId);
        orm = await openDatabase(database.config);
      }
      return orm;
    },
    async close() {
      await orm?.close();
      await database?.destroy();
      orm = undefined;
      database = undefined;
    },
  };
}
