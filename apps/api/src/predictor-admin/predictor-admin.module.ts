import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { CaseRepository, Clock, ConfigurationRepository, ConversationRepository } from '@autocase/core';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { PredictorRuntime } from '../case-engine/predictor-runtime.js';
import type { SecretBox } from '../infrastructure/secret-box.js';
import { registerPersistence } from '../persistence/orm.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { HostJobQueue } from '../queue/host-job-queue.js';
import {
  APP_LOGGER, CASE_REPOSITORY, CLOCK, CONFIGURATION_REPOSITORY, CONVERSATION_REPOSITORY, JOB_QUEUE, MIKRO_ORM, PLUGIN_REGISTRY, PREDICTOR_RUNTIME, SECRET_BOX,
} from '../tokens.js';
import { BacktestController } from './backtest.controller.js';
import { CaseImportController } from './case-import.controller.js';
import { LearnedModelController } from './learned-model.controller.js';
import { LlmSettingsController } from './llm-settings.controller.js';
import { PREDICTOR_ADMIN_ENTITIES } from './predictor-admin-entities.js';
import { PREDICTOR_ADMIN_MIGRATIONS } from './predictor-admin-migration.js';
import { PredictorAdmin } from './predictor-admin.js';
import { PREDICTOR_ADMIN } from './predictor-admin.tokens.js';
import { PredictorsController } from './predictors.controller.js';
import { uploadBodyReader } from './upload-body.js';

registerPersistence({ entities: PREDICTOR_ADMIN_ENTITIES, migrations: PREDICTOR_ADMIN_MIGRATIONS });

/** Routes whose (large) bodies are read raw, before the app's JSON parser. */
const UPLOAD_ROUTES = ['/api/admin/cases/import', '/api/admin/backtest'];

/**
 * Predictor administration: historical case import, learned-model training (on demand, on a
 * schedule, hot-swapped into the running engine), LLM provider settings with a test call,
 * predictor listing and "test on this text", and backtests — admin only.
 */
@Module({
  controllers: [CaseImportController, LearnedModelController, LlmSettingsController, PredictorsController, BacktestController],
  providers: [
    {
      provide: PREDICTOR_ADMIN,
      inject: [MIKRO_ORM, CLOCK, APP_LOGGER, PLUGIN_REGISTRY, PREDICTOR_RUNTIME, JOB_QUEUE, CONFIGURATION_REPOSITORY, CASE_REPOSITORY, CONVERSATION_REPOSITORY, SECRET_BOX, HttpAdapterHost],
      useFactory: async (
        orm: MikroORM, clock: Clock, logger: Logger, registry: PluginRegistry, runtime: PredictorRuntime, queue: HostJobQueue,
        configuration: ConfigurationRepository, cases: CaseRepository, conversations: ConversationRepository, secrets: SecretBox, adapterHost: HttpAdapterHost,
      ): Promise<PredictorAdmin> => {
        // Registered while the app is created, so it runs before the JSON body parser added at init.
        adapterHost.httpAdapter.use(uploadBodyReader(UPLOAD_ROUTES));
        const admin = new PredictorAdmin({ orm, clock, logger, registry, runtime, queue, configuration, cases, conversations, secrets });
        await admin.applyStoredSettings();
        return admin;
      },
    },
  ],
  exports: [PREDICTOR_ADMIN],
})
export class PredictorAdminModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(PREDICTOR_ADMIN) private readonly admin: PredictorAdmin) {}

  async onModuleInit(): Promise<void> {
    this.admin.registerJobs();
    await this.admin.startBackground();
  }

  onApplicationShutdown(): void {
    this.admin.stopBackground();
  }
}
