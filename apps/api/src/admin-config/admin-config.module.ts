import { Module } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/core';
import { registerPersistence } from '../persistence/orm.js';
import { MIKRO_ORM } from '../tokens.js';
import { AdminConfigController, SETTINGS_CHANGE_LOG } from './admin-config.controller.js';
import { SETTINGS_CHANGE_MIGRATIONS, SettingsChangeEntity, SettingsChangeLog } from './settings-change-log.js';

registerPersistence({ entities: [SettingsChangeEntity], migrations: SETTINGS_CHANGE_MIGRATIONS });

@Module({
  controllers: [AdminConfigController],
  providers: [{ provide: SETTINGS_CHANGE_LOG, inject: [MIKRO_ORM], useFactory: (orm: MikroORM) => new SettingsChangeLog(orm) }],
})
export class AdminConfigModule {}
