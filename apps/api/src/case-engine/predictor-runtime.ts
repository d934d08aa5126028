import {
  PredictionRunner, type Clock, type PluginContext, type PluginLogger, type PredictionRunnerPort, type PredictionRunRequest, type PredictionRunReport,
  type Predictor, type PredictorInstance, type SummarizerInstance,
} from '@autocase/core';
import type { Logger } from 'pino';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { SwappableSummarizer } from './swappable-summarizer.js';

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

/** A summarizer put in place of the boot one (e.g. the LLM summarizer enabled by the admin). */
export interface SummarizerReplacement {
  id: string;
  packageName: string;
  instance: SummarizerInstance;
  detail?: string;
}

interface Slot {
  instance: PredictorInstance | null;
  status: RuntimePluginStatus;
}

/**
 * The engine's predictors and summarizer, swappable while the app runs. The case engine uses
 * this object itself as `engine.predictors` (and its `summarizer` holder as `engine.summarizer`),
 * so every holder of those references — use cases, email processing, chat jobs — sees a new
 * learned model, an edited rules configuration or the LLM enabled without a restart. Each
 * change rebuilds the `PredictionRunner` and swaps it in one assignment: a run uses either the
 * old set of predictors or the new one, never a mix.
 */
export class PredictorRuntime implements PredictionRunnerPort {
  private readonly slots = new Map<string, Slot>();
  private runner = new PredictionRunner(new Map());
  private bootSummarizerInstance: SummarizerInstance | undefined;
  private bootSummarizerStatus: RuntimePluginStatus[] = [];
  private replacementSummarizerStatus: RuntimePluginStatus | null = null;
  /** The stable summarizer object whose target `useSummarizer` swaps. */
  readonly summarizer = new SwappableSummarizer();
  readonly logger: PluginLogger;

  constructor(
    private readonly registry: PluginRegistry,
    private readonly shutdown: AbortSignal,
    private readonly clock: Clock,
    logger: Logger,
  ) {
    const child = logger.child({ component: 'predictor-runtime' });
    this.logger = { debug: (m, d) => child.debug(d ?? {}, m), info: (m, d) => child.info(d ?? {}, m), warn: (m, d) => child.warn(d ?? {}, m), error: (m, d) => child.error(d ?? {}, m) };
  }

  /**
   * Starts the boot-time plugins: every predictor of the plugin list and the first summarizer.
   * Their configuration was validated while loading; a plugin whose `create` fails stops the boot
   * with an error naming it.
   */
  async start(): Promise<void> {
    for (const loaded of this.registry.predictors) {
      const instance = await this.createOrExplain(`predictor "${loaded.id}" (package "${loaded.packageName}")`, () => loaded.plugin.create(loaded.config, this.context(loaded.id)));
      this.slots.set(loaded.id, { instance, status: { kind: 'predictor', id: loaded.id, version: instance.version, package: loaded.packageName, status: 'active' } });
    }
    this.rebuild();
    const first = this.registry.summarizers[0];
    if (first) this.bootSummarizerInstance = await this.createOrExplain(`summarizer "${first.id}" (package "${first.packageName}")`, () => first.plugin.create(first.config, this.context(first.id)));
    this.summarizer.use(this.bootSummarizerInstance);
    this.bootSummarizerStatus = this.registry.summarizers.map((loaded) => ({ kind: 'summarizer', id: loaded.id, version: null, package: loaded.packageName, status: 'inactive' }));
  }

  run(request: PredictionRunRequest): Promise<PredictionRunReport> {
    return this.runner.run(request);
  }

  get predictorIds(): string[] {
    return [...this.slots.entries()].filter(([, slot]) => slot.instance).map(([id]) => id);
  }

  /** The plugin context (logger, fetch, clock, shutdown signal) for a plugin created under `id`. */
  context(id: string): PluginContext {
    return this.registry.contextFor({ kind: 'predictor', id, packageName: id, plugin: undefined as never, config: undefined }, this.shutdown, () => this.clock.now());
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

  /** The summarizer started from the plugin list at boot, if any. */
  get bootSummarizer(): SummarizerInstance | undefined {
    return this.bootSummarizerInstance;
  }

  /** Puts `replacement` in place of the boot summarizer, or (with null) restores the boot one. */
  useSummarizer(replacement: SummarizerReplacement | null): void {
    this.summarizer.use(replacement ? replacement.instance : this.bootSummarizerInstance);
    this.replacementSummarizerStatus = replacement
      ? { kind: 'summarizer', id: replacement.id, version: null, package: replacement.packageName, status: 'active', ...(replacement.detail ? { detail: replacement.detail } : {}) }
      : null;
  }

  instance(id: string): PredictorInstance | null {
    return this.slots.get(id)?.instance ?? null;
  }

  statuses(): RuntimePluginStatus[] {
    const replacement = this.replacementSummarizerStatus;
    const boot = this.bootSummarizerStatus.map((status, index): RuntimePluginStatus => ({ ...status, status: !replacement && index === 0 ? 'active' : 'inactive' }));
    return [...[...this.slots.values()].map((slot) => ({ ...slot.status })), ...boot, ...(replacement ? [{ ...replacement }] : [])];
  }

  private async createOrExplain<T>(what: string, create: () => T | Promise<T>): Promise<T> {
    try {
      return await create();
    } catch (error) {
      throw new Error(`${what} could not be started: ${(error as Error).message}`, { cause: error });
    }
  }

  private rebuild(): void {
    const instances = new Map<string, PredictorInstance>();
    for (const [id, slot] of this.slots) if (slot.instance) instances.set(id, slot.instance);
    this.runner = new PredictionRunner(instances, { logger: this.logger });
  }
}
