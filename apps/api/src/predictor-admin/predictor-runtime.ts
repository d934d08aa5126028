import {
  PredictionRunner, type CaseEngineDeps, type Clock, type PluginContext, type PluginLogger, type PredictionRunnerPort, type PredictionRunRequest,
  type PredictionRunReport, type Predictor, type PredictorInstance, type SummarizerInstance,
} from '@autocase/core';
import learnedPredictor from '@autocase/predictors/learned';
import llmPredictor from '@autocase/predictors/llm';
import regexPredictor from '@autocase/predictors/regex';
import rulesPredictor from '@autocase/predictors/rules';
import { LLM_SUMMARIZER_ID, llmSummarizer } from '@autocase/predictors/summarizers';
import type { Logger } from 'pino';
import type { PluginRegistry } from '../plugins/plugin-registry.js';

/** One predictor or summarizer as the admin sees it. */
export interface RuntimePluginStatus {
  kind: 'predictor' | 'summarizer';
  id: string;
  /** The version named in predictions (model ids for `learned`), null when not running. */
  version: string | null;
  package: string;
  status: 'active' | 'inactive' | 'failed';
  detail?: string;
}

/** First-party predictors the admin can switch on or configure without a plugin-list entry. */
export const MANAGED_PREDICTORS: Record<string, { plugin: Predictor<unknown>; packageName: string }> = {
  rules: { plugin: rulesPredictor as Predictor<unknown>, packageName: '@autocase/predictors/rules' },
  regex: { plugin: regexPredictor as Predictor<unknown>, packageName: '@autocase/predictors/regex' },
  learned: { plugin: learnedPredictor as Predictor<unknown>, packageName: '@autocase/predictors/learned' },
  llm: { plugin: llmPredictor as Predictor<unknown>, packageName: '@autocase/predictors/llm' },
};

interface Slot {
  instance: PredictorInstance | null;
  status: RuntimePluginStatus;
}

/** A summarizer that falls back to the offline one when the LLM call fails. */
function withFallback(primary: SummarizerInstance, fallback: SummarizerInstance | undefined, logger: PluginLogger): SummarizerInstance {
  return {
    async doSummarize(input) {
      try {
        return await primary.doSummarize(input);
      } catch (error) {
        if (!fallback) throw error;
        logger.warn('LLM summary failed; using the offline summarizer', { message: (error as Error).message });
        return fallback.doSummarize(input);
      }
    },
  };
}

/**
 * The predictors the engine runs, swappable at runtime: installed as `engine.predictors` at
 * boot, it rebuilds its `PredictionRunner` when the learned model, the LLM settings or a
 * predictor's configuration change — no restart. Plugins of the boot-time list keep running
 * with their configuration unless the admin stored one for them.
 */
export class PredictorRuntime implements PredictionRunnerPort {
  private readonly slots = new Map<string, Slot>();
  private runner = new PredictionRunner(new Map());
  private bootSummarizer: SummarizerInstance | undefined;
  private summarizerStatus: RuntimePluginStatus[] = [];
  readonly logger: PluginLogger;

  constructor(
    private readonly registry: PluginRegistry,
    private readonly engine: CaseEngineDeps,
    private readonly shutdown: AbortSignal,
    private readonly clock: Clock,
    logger: Logger,
  ) {
    const child = logger.child({ component: 'predictor-runtime' });
    this.logger = { debug: (m, d) => child.debug(d ?? {}, m), info: (m, d) => child.info(d ?? {}, m), warn: (m, d) => child.warn(d ?? {}, m), error: (m, d) => child.error(d ?? {}, m) };
  }

  /**
   * Takes over the engine's predictors, starting from the boot-time plugins (stored configuration
   * is applied by the caller afterwards). Besides becoming `engine.predictors`, it redirects the
   * boot runner object's `run` to itself, so modules that kept a reference to `engine.predictors`
   * while starting (email processing does) also use the swapped predictors.
   */
  async install(): Promise<void> {
    for (const loaded of this.registry.predictors) {
      await this.replace(loaded.id, loaded.packageName, loaded.plugin, loaded.config);
    }
    const bootRunner = this.engine.predictors;
    if (bootRunner !== this) Object.defineProperty(bootRunner, 'run', { value: (request: PredictionRunRequest) => this.run(request), configurable: true });
    this.bootSummarizer = this.engine.summarizer;
    this.summarizerStatus = this.registry.summarizers.map((loaded, index) => ({ kind: 'summarizer', id: loaded.id, version: null, package: loaded.packageName, status: index === 0 ? 'active' : 'inactive' }));
    this.engine.predictors = this;
  }

  run(request: PredictionRunRequest): Promise<PredictionRunReport> {
    return this.runner.run(request);
  }

  get predictorIds(): string[] {
    return [...this.slots.entries()].filter(([, slot]) => slot.instance).map(([id]) => id);
  }

  context(id: string): PluginContext {
    const child = this.registry.contextFor({ kind: 'predictor', id, packageName: id, plugin: undefined as never, config: undefined }, this.shutdown, () => this.clock.now());
    return child;
  }

  /** Creates (or, with `config` null, removes) the predictor `id`; a failure leaves it inactive with the reason. */
  async replace(id: string, packageName: string, plugin: Predictor<unknown>, config: unknown | null): Promise<void> {
    if (config === null) {
      this.slots.set(id, { instance: null, status: { kind: 'predictor', id, version: null, package: packageName, status: 'inactive' } });
    } else {
      try {
        const parsed = plugin.configSchema.parse(config);
        const instance = await plugin.create(parsed, this.context(id));
        this.slots.set(id, { instance, status: { kind: 'predictor', id, version: instance.version, package: packageName, status: 'active' } });
      } catch (error) {
        this.logger.error('predictor could not be started', { predictorId: id, message: (error as Error).message });
        this.slots.set(id, { instance: null, status: { kind: 'predictor', id, version: null, package: packageName, status: 'failed', detail: (error as Error).message } });
      }
    }
    this.rebuild();
  }

  /** Makes an LLM summarizer (with the boot summarizer as fallback) the engine's summarizer, or restores the boot one. */
  async useLlmSummarizer(config: unknown | null): Promise<void> {
    this.summarizerStatus = this.summarizerStatus.filter((status) => status.id !== LLM_SUMMARIZER_ID);
    if (config === null) {
      this.engine.summarizer = this.bootSummarizer;
      this.summarizerStatus.forEach((status, index) => (status.status = index === 0 ? 'active' : 'inactive'));
      return;
    }
    const instance = await llmSummarizer.create(llmSummarizer.configSchema.parse(config), this.context(LLM_SUMMARIZER_ID));
    this.engine.summarizer = withFallback(instance, this.bootSummarizer, this.logger);
    this.summarizerStatus.forEach((status) => (status.status = 'inactive'));
    this.summarizerStatus.push({ kind: 'summarizer', id: LLM_SUMMARIZER_ID, version: null, package: '@autocase/predictors/summarizers', status: 'active', ...(this.bootSummarizer ? { detail: 'falls back to the offline summarizer on errors' } : {}) });
  }

  instance(id: string): PredictorInstance | null {
    return this.slots.get(id)?.instance ?? null;
  }

  statuses(): RuntimePluginStatus[] {
    return [...[...this.slots.values()].map((slot) => ({ ...slot.status })), ...this.summarizerStatus.map((status) => ({ ...status }))];
  }

  private rebuild(): void {
    const instances = new Map<string, PredictorInstance>();
    for (const [id, slot] of this.slots) if (slot.instance) instances.set(id, slot.instance);
    this.runner = new PredictionRunner(instances, { logger: this.logger });
  }
}
