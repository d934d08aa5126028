import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { PredictionRunner, type CaseEngineDeps, type PredictorInstance, type SummarizerInstance } from '@autocase/core';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { MikroPredictionLogRepository } from '../persistence/repositories/mikro-prediction-log-repository.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import {
  APP_LOGGER, AUDIT_REPOSITORY, CASE_ENGINE, CASE_REPOSITORY, CLOCK, CONFIGURATION_REPOSITORY, CONVERSATION_REPOSITORY, EVENT_PUBLISHER, MIKRO_ORM,
  NOTE_REPOSITORY, PLUGIN_REGISTRY, PLUGIN_SHUTDOWN,
} from '../tokens.js';

/**
 * Builds core's `CaseEngineDeps` once: repositories, clock, events, the prediction runner over
 * every loaded predictor plugin, the first summarizer, and the prediction log. Use cases take it
 * as their first argument: `applyManualEdit(engine, input)`.
 */
@Global()
@Module({
  providers: [
    { provide: PLUGIN_SHUTDOWN, useFactory: () => new AbortController() },
    {
      provide: CASE_ENGINE,
      inject: [PLUGIN_REGISTRY, PLUGIN_SHUTDOWN, APP_LOGGER, CASE_REPOSITORY, AUDIT_REPOSITORY, NOTE_REPOSITORY, CONVERSATION_REPOSITORY, CONFIGURATION_REPOSITORY, CLOCK, EVENT_PUBLISHER, MIKRO_ORM],
      useFactory: async (
        plugins: PluginRegistry,
        shutdown: AbortController,
        logger: Logger,
        cases: CaseEngineDeps['cases'],
        audit: CaseEngineDeps['audit'],
        notes: CaseEngineDeps['notes'],
        conversations: CaseEngineDeps['conversations'],
        configuration: CaseEngineDeps['configuration'],
        clock: CaseEngineDeps['clock'],
        events: CaseEngineDeps['events'],
        orm: MikroORM,
      ): Promise<CaseEngineDeps> => {
        const instances = new Map<string, PredictorInstance>();
        for (const loaded of plugins.predictors) {
          instances.set(loaded.id, await loaded.plugin.create(loaded.config, plugins.contextFor(loaded, shutdown.signal, () => clock.now())));
        }
        let summarizer: SummarizerInstance | undefined;
        const firstSummarizer = plugins.summarizers[0];
        if (firstSummarizer) summarizer = await firstSummarizer.plugin.create(firstSummarizer.config, plugins.contextFor(firstSummarizer, shutdown.signal, () => clock.now()));
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
          predictors: new PredictionRunner(instances, { logger: pluginLogger }),
          summarizer,
          predictionLog: new MikroPredictionLogRepository(orm),
          logger: pluginLogger,
        };
      },
    },
  ],
  exports: [CASE_ENGINE, PLUGIN_SHUTDOWN],
})
export class CaseEngineModule implements OnApplicationShutdown {
  constructor(@Inject(PLUGIN_SHUTDOWN) private readonly shutdown: AbortController) {}

  onApplicationShutdown(): void {
    this.shutdown.abort();
  }
}
