import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AdminConfigModule } from './admin-config/admin-config.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CaseEngineModule } from './case-engine/case-engine.module.js';
import { CasesModule } from './cases/cases.module.js';
import { ChatModule } from './chat/chat.module.js';
import { EmailModule } from './email/email.module.js';
import { InfrastructureModule, type AppRuntime } from './infrastructure/infrastructure.module.js';
import { OpsModule } from './ops/ops.module.js';
import { PredictorAdminModule } from './predictor-admin/predictor-admin.module.js';
import { BullBoardModule } from './queue/bull-board.module.js';

/**
 * Feature modules of the API, one line each. A feature injects ports by token (tokens.ts),
 * registers job handlers on JOB_QUEUE in `onModuleInit`, and, when it has tables, calls
 * `registerPersistence` (persistence/orm.ts) next to its module class.
 */
export const FEATURE_MODULES: Type[] = [
  CaseEngineModule,
  AuthModule,
  OpsModule,
  AdminConfigModule,
  CasesModule,
  ChatModule,
  EmailModule,
  PredictorAdminModule,
  BullBoardModule,
];

@Module({})
export class AppModule {
  static forRoot(runtime: AppRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(runtime),
        ThrottlerModule.forRoot([{ name: 'public', ttl: 60_000, limit: runtime.config.publicRateLimitPerMinute }]),
        ...FEATURE_MODULES,
      ],
    };
  }
}
