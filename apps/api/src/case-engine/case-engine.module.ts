import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { CaseEngineDeps } from '@autocase/core';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { MikroPredictionLogRepository } from '../persistence/repositories/mikro-prediction-log-repository.js';
import { MikroUnitOfWork } from '../persistence/transaction-scope.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import {
  APP_LOGGER, AUDIT_REPOSITORY, CASE_ENGINE, CASE_REPOSITORY, CLOCK, CONFIGURATION_REPOSITORY, CONVERSATION_REPOSITORY, EVENT_PUBLISHER, MIKRO_ORM,
  NOTE_REPOSITORY, PLUGIN_REGISTRY, PLUGIN_SHUTDOWN, PREDICTOR_RUNTIME,
} from '../tokens.js';
import { PredictorRuntime } from './predictor-runtime.js';

/**
 * Builds core's `CaseEngineDeps` once: repositories, clock, events, the predictors, the
 * summarizer, and the prediction log. Use cases take it as their first argument:
 * `applyManualEdit(engine, input)`. The predictors are the `PredictorRuntime` (exported as
 * PREDICTOR_RUNTIME) started with the boot-time plugins; predictor administration swaps
 * predictors and the summarizer through it, and every holder of `engine.predictors` sees the swap.
 */
@Global()
@Module({
  providers: [
    { provide: PLUGIN_SHUTDOWN, useFactory: () => new AbortController() },
    {
      provide: PREDICTOR_RUNTIME,
      inject: [PLUGIN_REGISTRY, PLUGIN_SHUTDOWN, CLOCK, APP_LOGGER],
      useFactory: async (plugins: PluginRegistry, shutdown: AbortController, clock: CaseEngineDeps['clock'], logger: Logger): Promise<PredictorRuntime> => {
        const runtime = new PredictorRuntime(plugins, shutdown.signal, clock, logger);
        await runtime.start();
        return runtime;
      },
    },
    {
      provide: CASE_ENGINE,
      inject: [PREDICTOR_RUNTIME, APP_LOGGER, CASE_REPOSITORY, AUDIT_REPOSITORY, NOTE_REPOSITORY, CONVERSATION_REPOSITORY, CONFIGURATION_REPOSITORY, CLOCK, EVENT_PUBLISHER, MIKRO_ORM],
      useFactory: (
        runtime: PredictorRuntime,
        logger: Logger,
        cases: CaseEngineDeps['cases'],
        audit: CaseEngineDeps['audit'],
        notes: CaseEngineDeps['notes'],
        conversations: CaseEngineDeps['conversations'],
        configuration: CaseEngineDeps['configuration'],
        clock: CaseEngineDeps['clock'],
        events: CaseEngineDeps['events'],
        orm: MikroORM,
      ): CaseEngineDeps => {
        const engineLogger = logger.child({ component: 'case-engine' });
        const pluginLogger = {
          debug: (message: string, data?: Record<string, unknown>) => engineLogger.debug(data ?? {}, message),
          info: (message: string, data?: Record<string, unknown>) => engineLogger.info(data ?? {}, message),
          warn: (message: string, data?: Record<string, unknown>) => engineLogger.warn(data ?? {}, message),
          error: (message: string, data?: Record<string, unknown>) => engineLogger.error(data ?? {}, message),
        };
        return {
          cases,
          audit,
          notes,
          conversations,
          configuration,
          clock,
          events,
          predictors: runtime,
          /** The runtime's summarizer holder while a summarizer is configured; undefined (core reports "no summarizer") otherwise. */
          get summarizer() {
            return runtime.summarizer.current ? runtime.summarizer : undefined;
          },
          predictionLog: new MikroPredictionLogRepository(orm),
          unitOfWork: new MikroUnitOfWork(orm),
          logger: pluginLogger,
        };
      },
    },
  ],
  exports: [CASE_ENGINE, PREDICTOR_RUNTIME, PLUGIN_SHUTDOWN],
})
export class CaseEngineModule implements OnApplicationShutdown {
  constructor(@Inject(PLUGIN_SHUTDOWN) private readonly shutdown: AbortController) {}

  onApplicationShutdown(): void {
    this.shutdown.abort();
  }
}
