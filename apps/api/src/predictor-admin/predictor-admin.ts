import { randomUUID } from 'node:crypto';
import type { CaseRepository, Clock, ConfigurationRepository, ConversationRepository } from '@autocase/core';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { PredictorRuntime } from '../case-engine/predictor-runtime.js';
import type { SecretBox } from '../infrastructure/secret-box.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { HostJobQueue } from '../queue/host-job-queue.js';
import { BACKTEST_JOB, runBacktestJob } from './backtest-job.js';
import { BacktestStore } from './backtest-store.js';
import { LearnedModelStore } from './learned-model-store.js';
import { LEARNED_TRAIN_JOB, LEARNED_TRAIN_JOB_ID, markTrainingFailed, markTrainingQueued, readTrainingStatus, runLearnedTraining, type TrainingStatus } from './learned-training.js';
import { PredictorConfigurator } from './predictor-configurator.js';
import { PredictorDocuments } from './predictor-documents.js';
import { PredictorSettingsSync } from './predictor-settings-sync.js';
import { RetrainScheduler } from './retrain-scheduler.js';
import { TrainingExampleStore } from './training-example-store.js';

const SYNC_INTERVAL_MS = 15_000;

export interface PredictorAdminDeps {
  orm: MikroORM;
  clock: Clock;
  logger: Logger;
  registry: PluginRegistry;
  /** The case engine's swappable predictors and summarizer (PREDICTOR_RUNTIME). */
  runtime: PredictorRuntime;
  queue: HostJobQueue;
  configuration: ConfigurationRepository;
  cases: CaseRepository;
  conversations: ConversationRepository;
  secrets: SecretBox;
}

/** Everything the predictor administration endpoints and jobs share (one per app). */
export class PredictorAdmin {
  readonly examples: TrainingExampleStore;
  readonly models: LearnedModelStore;
  readonly documents: PredictorDocuments;
  readonly backtests: BacktestStore;
  readonly runtime: PredictorRuntime;
  readonly configurator: PredictorConfigurator;
  readonly scheduler: RetrainScheduler;
  readonly sync: PredictorSettingsSync;

  constructor(private readonly deps: PredictorAdminDeps) {
    this.examples = new TrainingExampleStore(deps.orm, deps.clock);
    this.models = new LearnedModelStore(deps.orm);
    this.documents = new PredictorDocuments(deps.orm, deps.clock);
    this.backtests = new BacktestStore(deps.orm, deps.clock);
    this.runtime = deps.runtime;
    this.configurator = new PredictorConfigurator(this.runtime, deps.registry, this.documents, this.models, deps.secrets);
    this.scheduler = new RetrainScheduler(
      this.documents,
      deps.clock,
      async () => (await this.models.versions()).length > 0 || (await this.examples.count()) > 0,
      () => this.requestTraining('schedule'),
      this.runtime.logger,
    );
    this.sync = new PredictorSettingsSync(deps.orm, () => this.configurator.applyAll(), this.runtime.logger);
  }

  /** Applies every stored setting and active model to the engine's predictors. */
  async applyStoredSettings(): Promise<void> {
    await this.configurator.applyAll();
    await this.sync.markApplied();
  }

  /** Background work: the retrain schedule, and (with several API processes on a shared queue) following their predictor changes. */
  async startBackground(): Promise<void> {
    await this.scheduler.start();
    if (this.deps.queue.kind === 'bull') this.sync.start(SYNC_INTERVAL_MS);
  }

  stopBackground(): void {
    this.scheduler.stop();
    this.sync.stop();
  }

  registerJobs(): void {
    this.deps.queue.register<{ reason: 'manual' | 'schedule' }>(LEARNED_TRAIN_JOB, async (data, meta) => {
      await runLearnedTraining(this.trainingDeps(), { jobId: meta.jobId, reason: data.reason });
    });
    this.deps.queue.register<{ runId: string }>(BACKTEST_JOB, (data) => runBacktestJob(this.backtestDeps(), data.runId));
  }

  /** Queues a retrain unless one is already queued or running (then answers its status). */
  async requestTraining(reason: 'manual' | 'schedule', force = false): Promise<TrainingStatus> {
    const status = await readTrainingStatus(this.documents);
    if (status.status === 'training' && !force) return status;
    const jobId = `${LEARNED_TRAIN_JOB_ID}-${randomUUID()}`;
    const queued = await markTrainingQueued(this.documents, jobId, reason, this.deps.clock.now().toISOString());
    try {
      await this.deps.queue.enqueue(LEARNED_TRAIN_JOB, { reason }, { jobId, attempts: 1 });
    } catch (error) {
      await markTrainingFailed(this.documents, `the training job could not be queued: ${(error as Error).message}`, this.deps.clock.now().toISOString());
      throw error;
    }
    return queued;
  }

  async enqueueBacktest(runId: string): Promise<void> {
    await this.deps.queue.enqueue(BACKTEST_JOB, { runId }, { jobId: `predictors-backtest-${runId}`, attempts: 2 });
  }

  trainingDeps() {
    const { configuration, cases, conversations, clock } = this.deps;
    return { configuration, cases, conversations, clock, examples: this.examples, models: this.models, documents: this.documents, activate: () => this.configurator.applyLearned() };
  }

  backtestDeps() {
    const { configuration, cases, conversations, clock } = this.deps;
    return { configuration, cases, conversations, clock, store: this.backtests, runner: this.runtime, examples: this.examples, documents: this.documents };
  }

  /** How many examples a stored-source backtest will read at most (cases are filtered for confirmed values while read). */
  async storedExampleBound(source: 'stored' | 'cases' | 'imported'): Promise<number> {
    let bound = 0;
    if (source !== 'imported') for (const status of ['resolved', 'closed'] as const) bound += (await this.deps.cases.list({ status, pageSize: 1 })).total;
    if (source !== 'cases') bound += await this.examples.count();
    return bound;
  }

  get fields() {
    return this.deps.configuration.getFields();
  }

  get settings() {
    return this.deps.configuration.getSettings();
  }

  get now(): Date {
    return this.deps.clock.now();
  }
}
