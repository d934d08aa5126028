import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bull';
import type { MikroORM } from '@mikro-orm/core';
import type { Clock } from '@autocase/core';
import type { Queue } from 'bull';
import type { Logger } from 'pino';
import { DEFAULT_JOB_SETTINGS, type AppConfig } from '../config/app-config.js';
import type { LocalEventPublisher } from '../events/local-event-publisher.js';
import type { AppMetrics } from '../ops/app-metrics.js';
import { MikroAuditRepository } from '../persistence/repositories/mikro-audit-repository.js';
import { MikroCaseRepository } from '../persistence/repositories/mikro-case-repository.js';
import { MikroConfigurationRepository } from '../persistence/repositories/mikro-configuration-repository.js';
import { MikroConversationRepository } from '../persistence/repositories/mikro-conversation-repository.js';
import { MikroNoteRepository } from '../persistence/repositories/mikro-note-repository.js';
import { MikroUserRepository } from '../persistence/repositories/mikro-user-repository.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { BullJobQueue } from '../queue/bull-job-queue.js';
import { InProcessJobQueue } from '../queue/in-process-job-queue.js';
import type { SecretBox } from './secret-box.js';
import {
  APP_CONFIG, APP_LOGGER, AUDIT_REPOSITORY, CASE_REPOSITORY, CLOCK, CONFIGURATION_REPOSITORY, CONVERSATION_REPOSITORY,
  EVENT_PUBLISHER, JOB_QUEUE, METRICS, MIKRO_ORM, NOTE_REPOSITORY, PLUGIN_REGISTRY, SECRET_BOX, USER_REPOSITORY,
} from '../tokens.js';

/** Everything created before Nest starts (database opened and migrated, plugins validated). */
export interface AppRuntime {
  config: AppConfig;
  logger: Logger;
  orm: MikroORM;
  clock: Clock;
  events: LocalEventPublisher;
  metrics: AppMetrics;
  plugins: PluginRegistry;
  /** Encrypts the secrets stored in the database. */
  secrets: SecretBox;
  /** Queue tuning (tests use short intervals). */
  queueOptions?: { pollIntervalMs?: number; concurrency?: number; leaseMs?: number; recoverOnStart?: 'all' | 'expired'; bullSettings?: { stalledInterval?: number; lockDuration?: number; maxStalledCount?: number }; bullQueueName?: string };
}

export const BULL_QUEUE_NAME = 'autocase';

/**
 * Global providers every feature module may inject with `@Inject(TOKEN)` (see tokens.ts):
 * config, secret box, logger, clock, ORM, repositories, job queue, event publisher, metrics, plugins.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(runtime: AppRuntime): DynamicModule {
    const { orm, clock, logger } = runtime;
    const configuration = new MikroConfigurationRepository(orm, clock);
    const queueName = runtime.queueOptions?.bullQueueName ?? BULL_QUEUE_NAME;
    const jobs = runtime.config.jobs ?? DEFAULT_JOB_SETTINGS;
    const concurrency = runtime.queueOptions?.concurrency ?? jobs.concurrency;
    const leaseMs = runtime.queueOptions?.leaseMs ?? jobs.leaseMs;
    // Bull's lock is the job's lease (renewed at half of it); a lock that lapsed is taken over at the next stalled-job check.
    const bullSettings = { lockDuration: leaseMs, stalledInterval: leaseMs, ...runtime.queueOptions?.bullSettings };
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: runtime.config },
      { provide: SECRET_BOX, useValue: runtime.secrets },
      { provide: APP_LOGGER, useValue: logger },
      { provide: CLOCK, useValue: clock },
      { provide: MIKRO_ORM, useValue: orm },
      { provide: EVENT_PUBLISHER, useValue: runtime.events },
      { provide: METRICS, useValue: runtime.metrics },
      { provide: PLUGIN_REGISTRY, useValue: runtime.plugins },
      { provide: CONFIGURATION_REPOSITORY, useValue: configuration },
      { provide: CASE_REPOSITORY, useValue: new MikroCaseRepository(orm, clock, async () => (await configuration.getSettings()).caseNumberPrefix) },
      { provide: AUDIT_REPOSITORY, useValue: new MikroAuditRepository(orm) },
      { provide: NOTE_REPOSITORY, useValue: new MikroNoteRepository(orm, clock) },
      { provide: CONVERSATION_REPOSITORY, useValue: new MikroConversationRepository(orm, clock) },
      { provide: USER_REPOSITORY, useValue: new MikroUserRepository(orm, clock) },
    ];
    const imports: DynamicModule[] = [];
    if (runtime.config.redisUrl) {
      imports.push(
        BullModule.forRoot({ url: runtime.config.redisUrl, prefix: runtime.config.redisQueuePrefix, settings: bullSettings }),
        BullModule.registerQueue({ name: queueName }),
      );
      providers.push({
        provide: JOB_QUEUE,
        inject: [getQueueToken(queueName)],
        useFactory: (queue: Queue) => new BullJobQueue(queue, logger, { observer: runtime.metrics, concurrency }),
      });
    } else {
      providers.push({
        provide: JOB_QUEUE,
        useValue: new InProcessJobQueue(orm, clock, logger, { observer: runtime.metrics, recoverOnStart: runtime.config.database.kind === 'sqlite' ? 'all' : 'expired', ...runtime.queueOptions, concurrency, leaseMs }),
      });
    }
    return {
      module: InfrastructureModule,
      imports,
      providers,
      exports: [...providers.map((provider) => (provider as { provide: symbol }).provide), ...imports],
    };
  }
}
