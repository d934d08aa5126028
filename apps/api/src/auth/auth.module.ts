import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { MikroORM } from '@mikro-orm/core';
import { registerPersistence } from '../persistence/orm.js';
import { MIKRO_ORM } from '../tokens.js';
import { LoginFailureEntity } from './login-failure-entity.js';
import { AUTH_MIGRATIONS } from './migration-20261204050000-login-failures.js';
import { MikroLoginFailureStore } from './mikro-login-failure-store.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { UsersController } from './users.controller.js';

registerPersistence({ entities: [LoginFailureEntity], migrations: AUTH_MIGRATIONS });

@Module({
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    { provide: MikroLoginFailureStore, inject: [MIKRO_ORM], useFactory: (orm: MikroORM) => new MikroLoginFailureStore(orm) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
