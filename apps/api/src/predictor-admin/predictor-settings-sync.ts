import type { MikroORM } from '@mikro-orm/core';
import type { PluginLogger } from '@autocase/core';
import { LearnedModelEntity, PredictorDocumentEntity } from './predictor-admin-entities.js';
import { PREDICTOR_DOCUMENT } from './predictor-documents.js';

const CONFIG_PREFIX = PREDICTOR_DOCUMENT.pluginConfig('');

/**
 * Keeps this process's running predictors in step with changes made through another API
 * process (several processes share a database when the queue runs on Redis): when the LLM
 * settings, a predictor's configuration or the active learned models changed, re-applies them.
 */
export class PredictorSettingsSync {
  private applied: string | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly apply: () => Promise<void>,
    private readonly logger: PluginLogger,
  ) {}

  /** A fingerprint of everything that shapes the running predictors. */
  async fingerprint(): Promise<string> {
    const em = this.orm.em.fork();
    const documents = await em.find(PredictorDocumentEntity, { $or: [{ key: PREDICTOR_DOCUMENT.llm }, { key: { $like: `${CONFIG_PREFIX}%` } }] }, { fields: ['key', 'updatedAt'], orderBy: { key: 'asc' } });
    const models = await em.find(LearnedModelEntity, { active: true }, { fields: ['field', 'modelId'], orderBy: { field: 'asc' } });
    return JSON.stringify([documents.map((row) => [row.key, row.updatedAt]), models.map((row) => [row.field, row.modelId])]);
  }

  /** Records the state just applied in this process. */
  async markApplied(): Promise<void> {
    this.applied = await this.fingerprint();
  }

  /** Re-applies when something changed since the last apply; returns whether it did. */
  async check(): Promise<boolean> {
    const current = await this.fingerprint();
    if (current === this.applied) return false;
    await this.apply();
    this.applied = current;
    return true;
  }

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      this.check().catch((error: unknown) => this.logger.error('predictor settings could not be re-applied', { message: (error as Error).message }));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
