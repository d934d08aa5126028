import { Inject, Module, type MiddlewareConsumer, type NestModule, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConcurrencyError, EmailClaimedError, EmailWaitsForThreadError, PluginError, type CaseEngineDeps } from '@autocase/core';
import { processStoredEmail } from '@autocase/channels/email';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { DEFAULT_JOB_SETTINGS, type AppConfig, type JobSettings } from '../config/app-config.js';
import { findProjectRoot } from '../config/app-config.js';
import { registerPersistence } from '../persistence/orm.js';
import type { HostJobQueue } from '../queue/host-job-queue.js';
import { decideRetry } from '../queue/retry-policy.js';
import type { AppMetrics } from '../ops/app-metrics.js';
import type { SecretBox } from '../infrastructure/secret-box.js';
import { APP_CONFIG, APP_LOGGER, CASE_ENGINE, JOB_QUEUE, METRICS, MIKRO_ORM, PLUGIN_SHUTDOWN, SECRET_BOX } from '../tokens.js';
import { AdminEmailController } from './admin-email.controller.js';
import { EmailChannels } from './email-channels.js';
import { loadEmailConfig, type EmailChannelConfig } from './email-config.js';
import { EMAIL_ENTITIES } from './email-entities.js';
import { EmailInboundController } from './email-inbound.controller.js';
import { EMAIL_PROCESS_JOB, EmailIntake } from './email-intake.js';
import { EMAIL_MIGRATIONS } from './email-migration.js';
import { createEmailProcessing, type EmailProcessing } from './email-processing.js';
import { EmailMetrics } from './email-metrics.js';
import { EmailSweeper } from './email-sweeper.js';
import { EMAIL_CHANNELS, EMAIL_INTAKE, EMAIL_JOB_SETTINGS, EMAIL_METRICS, EMAIL_PROCESSING, EMAIL_SETTINGS, EMAIL_SWEEPER } from './email-tokens.js';
import { EmailsController } from './emails.controller.js';
import { MikroEmailRepository } from './mikro-email-repository.js';
import { rawMessageBody } from './raw-message-body.js';
import { SPAM_MIGRATIONS } from './spam/migration-20261204040000-spam-decisions.js';
import { MikroSpamDecisionStore } from './spam/mikro-spam-decision-store.js';
import { SpamCheckService } from './spam/spam-check-service.js';
import { SpamDecisionEntity } from './spam/spam-decision-entity.js';
import { SpamController } from './spam/spam.controller.js';
import { SPAM_CHECK, SPAM_DECISIONS } from './spam/spam-tokens.js';

/** How soon a reply waiting for its parent (EmailWaitsForThreadError) is looked at again. */
const THREAD_ORDER_RECHECK_MS = 1_000;

registerPersistence({ entities: EMAIL_ENTITIES, migrations: EMAIL_MIGRATIONS });
registerPersistence({ entities: [SpamDecisionEntity], migrations: SPAM_MIGRATIONS });

/** The email settings: from the host configuration when it carries them, else from the environment. */
function emailSettings(config: AppConfig): EmailChannelConfig {
  return (config as AppConfig & { email?: EmailChannelConfig }).email ?? loadEmailConfig(process.env, findProjectRoot());
}

/**
 * Inbound email (SMTP listener, IMAP poller, raw-MIME HTTP endpoint) into one pipeline: store
 * raw → `email.process` job → processInboundEmail. Admin endpoints for mailboxes, ARC rules and
 * dry runs; the email activity list, raw download and reprocessing; agent replies by email.
 */
@Module({
  controllers: [EmailInboundController, EmailsController, AdminEmailController, SpamController],
  providers: [
    { provide: EMAIL_SETTINGS, inject: [APP_CONFIG], useFactory: emailSettings },
    { provide: EMAIL_METRICS, inject: [METRICS], useFactory: (metrics: AppMetrics) => new EmailMetrics(metrics.registry) },
    { provide: EMAIL_JOB_SETTINGS, inject: [APP_CONFIG], useFactory: (config: AppConfig): JobSettings => config.jobs ?? DEFAULT_JOB_SETTINGS },
    { provide: SPAM_DECISIONS, inject: [MIKRO_ORM], useFactory: (orm: MikroORM) => new MikroSpamDecisionStore(orm) },
    {
      provide: SPAM_CHECK,
      inject: [SPAM_DECISIONS, MIKRO_ORM, CASE_ENGINE, APP_LOGGER, EMAIL_SETTINGS],
      useFactory: (decisions: MikroSpamDecisionStore, orm: MikroORM, engine: CaseEngineDeps, logger: Logger, settings: EmailChannelConfig) =>
        new SpamCheckService(decisions, new MikroEmailRepository(orm), engine.clock, logger, settings.mailboxRefreshMs),
    },
    {
      provide: EMAIL_PROCESSING,
      inject: [MIKRO_ORM, CASE_ENGINE, SECRET_BOX, EMAIL_JOB_SETTINGS, SPAM_CHECK, EMAIL_SETTINGS],
      // The spam step: upstream verdict + the classifier adapted to this deployment's decisions.
      useFactory: (orm: MikroORM, engine: CaseEngineDeps, secrets: SecretBox, jobs: JobSettings, spam: SpamCheckService, settings: EmailChannelConfig): EmailProcessing => ({
        ...createEmailProcessing(orm, engine, secrets, { claimLeaseMs: jobs.leaseMs, defaultOutbound: settings.defaultOutbound }),
        checkSpam: spam.check,
      }),
    },
    {
      provide: EMAIL_INTAKE,
      inject: [EMAIL_PROCESSING, JOB_QUEUE, APP_LOGGER, EMAIL_SETTINGS, EMAIL_METRICS],
      useFactory: (processing: EmailProcessing, queue: HostJobQueue, logger: Logger, settings: EmailChannelConfig, metrics: EmailMetrics) =>
        new EmailIntake(processing.emails, queue, logger, settings.processAttempts, (transport) => metrics.stored(transport)),
    },
    {
      provide: EMAIL_SWEEPER,
      inject: [EMAIL_PROCESSING, EMAIL_INTAKE, CASE_ENGINE, APP_LOGGER, EMAIL_JOB_SETTINGS],
      useFactory: (processing: EmailProcessing, intake: EmailIntake, engine: CaseEngineDeps, logger: Logger, jobs: JobSettings) => new EmailSweeper(processing.emails, intake, engine.clock, logger, jobs.sweepIntervalMs),
    },
    {
      provide: EMAIL_CHANNELS,
      inject: [EMAIL_SETTINGS, EMAIL_INTAKE, APP_LOGGER, PLUGIN_SHUTDOWN, CASE_ENGINE, EMAIL_METRICS],
      useFactory: (settings: EmailChannelConfig, intake: EmailIntake, logger: Logger, shutdown: AbortController, engine: CaseEngineDeps, metrics: EmailMetrics) =>
        new EmailChannels(settings, intake, logger, shutdown.signal, () => engine.clock.now(), (code) => metrics.smtpRejected(code)),
    },
  ],
  exports: [EMAIL_PROCESSING, EMAIL_CHANNELS, EMAIL_INTAKE, EMAIL_METRICS, EMAIL_SWEEPER, SPAM_DECISIONS, SPAM_CHECK],
})
export class EmailModule implements NestModule, OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EMAIL_PROCESSING) private readonly processing: EmailProcessing,
    @Inject(EMAIL_INTAKE) private readonly intake: EmailIntake,
    @Inject(EMAIL_CHANNELS) private readonly channels: EmailChannels,
    @Inject(EMAIL_SETTINGS) private readonly settings: EmailChannelConfig,
    @Inject(JOB_QUEUE) private readonly queue: HostJobQueue,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(EMAIL_METRICS) private readonly metrics: EmailMetrics,
    @Inject(EMAIL_SWEEPER) private readonly sweeper: EmailSweeper,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(rawMessageBody(this.settings.smtp.maxMessageBytes)).forRoutes('channels/email/inbound', 'admin/arc-rules/dry-run');
  }

  onModuleInit(): void {
    this.queue.register<{ emailId: string }>(EMAIL_PROCESS_JOB, async ({ emailId }, { attempt }) => {
      try {
        const result = await processStoredEmail(this.processing, emailId);
        this.metrics.processed(result);
        return { outcome: result.outcome, caseId: result.email.caseId };
      } catch (caught) {
        if (caught instanceof EmailWaitsForThreadError) return this.recheckAfterParent(emailId);
        // Someone saved the case meanwhile, or another worker holds the email: run again later.
        const busy = caught instanceof EmailClaimedError;
        const error = caught instanceof ConcurrencyError || busy ? new PluginError('TEMPORARY', caught.message, { cause: caught }) : caught;
        if (decideRetry(error, attempt, this.settings.processAttempts, 0).retry) throw error;
        if (busy) {
          // The worker holding the claim records the outcome; if it died, its claim lapses and this later run takes the email.
          const delayMs = (this.processing.claimLeaseMs ?? DEFAULT_JOB_SETTINGS.leaseMs) + 1000;
          const jobId = `${EMAIL_PROCESS_JOB}:${emailId}:after-claim:${this.processing.clock.now().getTime()}`;
          await this.queue.enqueue(EMAIL_PROCESS_JOB, { emailId }, { jobId, attempts: this.settings.processAttempts, backoffMs: 2000, delayMs });
          return { outcome: 'claimed-by-another-worker', retryInMs: delayMs };
        }
        const email = await this.processing.emails.get(emailId);
        if (email && email.status === 'received') {
          const reason = `processing failed (attempt ${attempt}): ${error instanceof Error ? error.message : String(error)}`;
          const failed = await this.processing.emails.save({ ...email, status: 'failed', outcome: 'failed', reason, processedAt: this.processing.clock.now().toISOString() });
          this.metrics.outcome(failed, 'failed');
          this.logger.error({ err: error, emailId }, 'email processing gave up; the email is kept as failed and can be reprocessed');
        }
        return { outcome: 'failed' };
      }
    });
  }

  /**
   * A reply whose parent is queued but not processed yet: looked at again shortly, without using
   * up its attempts (core stops waiting THREAD_ORDER_WAIT_MS after the parent arrived).
   */
  private async recheckAfterParent(emailId: string): Promise<{ outcome: string; retryInMs: number }> {
    const jobId = `${EMAIL_PROCESS_JOB}:${emailId}:after-parent:${this.processing.clock.now().getTime()}`;
    await this.queue.enqueue(EMAIL_PROCESS_JOB, { emailId }, { jobId, attempts: this.settings.processAttempts, backoffMs: 2000, delayMs: THREAD_ORDER_RECHECK_MS });
    return { outcome: 'waiting-for-earlier-message-of-thread', retryInMs: THREAD_ORDER_RECHECK_MS };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.channels.start(await this.processing.mailboxes.list());
    this.channels.watchMailboxes(() => this.processing.mailboxes.list(), this.settings.mailboxRefreshMs);
    // At start and then periodically: every stored email not processed and not held by a worker is queued again.
    this.sweeper.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.sweeper.stop();
    await this.channels.stop();
    this.processing.outbound.close();
  }
}
