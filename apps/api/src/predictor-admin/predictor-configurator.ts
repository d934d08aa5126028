import type { PluginError } from '@autocase/core';
import { llmConfigSchema } from '@autocase/predictors/llm';
import { LLM_SUMMARIZER_ID, llmSummarizer } from '@autocase/predictors/summarizers';
import type { PredictorRuntime } from '../case-engine/predictor-runtime.js';
import type { SecretBox } from '../infrastructure/secret-box.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { describeZodIssues, validationException } from '../http/zod-validation-pipe.js';
import type { LearnedModelStore } from './learned-model-store.js';
import { DEFAULT_LLM_SETTINGS, llmKeyProblem, mergeLlmSettings, toLlmConnection, toLlmView, type LlmSettingsInput, type LlmSettingsView, type StoredLlmSettings } from './llm-settings.js';
import { PREDICTOR_DOCUMENT, type PredictorDocuments } from './predictor-documents.js';
import { MANAGED_PREDICTORS } from './managed-predictors.js';
import { summarizerWithFallback } from './summarizer-with-fallback.js';

export interface LlmTestResult {
  ok: boolean;
  provider: string;
  model: string;
  latencyMs: number;
  /** The PluginError code on failure (AUTH, RATE_LIMITED, TIMEOUT, TEMPORARY, INVALID_OUTPUT, …). */
  code?: string;
  message: string;
}

/**
 * Applies stored predictor administration to the running predictors: the active learned
 * models, the LLM provider settings, and admin-edited plugin configuration.
 */
export class PredictorConfigurator {
  constructor(
    private readonly runtime: PredictorRuntime,
    private readonly registry: PluginRegistry,
    private readonly documents: PredictorDocuments,
    private readonly models: LearnedModelStore,
    private readonly secrets: SecretBox,
  ) {}

  /** At boot: every stored setting and the active models. */
  async applyAll(): Promise<void> {
    for (const id of ['rules', 'regex']) {
      if ((await this.documents.get(PREDICTOR_DOCUMENT.pluginConfig(id))) !== undefined || !this.registry.find('predictor', id)) await this.applyPluginConfig(id);
    }
    await this.applyLearned();
    await this.applyLlm(await this.llmSettings());
  }

  /** Loads the active learned models (or the boot configuration when none is trained). */
  async applyLearned(): Promise<void> {
    const models = await this.models.activeModels();
    const loaded = this.registry.find('predictor', 'learned');
    const base = (loaded?.config ?? {}) as Record<string, unknown>;
    const { loadModels: _loader, ...rest } = base;
    if (Object.keys(models).length === 0) {
      await this.runtime.replace('learned', loaded?.packageName ?? MANAGED_PREDICTORS.learned!.packageName, loaded?.plugin ?? MANAGED_PREDICTORS.learned!.plugin, loaded ? base : null);
      return;
    }
    await this.runtime.replace('learned', MANAGED_PREDICTORS.learned!.packageName, MANAGED_PREDICTORS.learned!.plugin, { ...rest, models: { ...((rest.models as object | undefined) ?? {}), ...models } });
  }

  async llmSettings(): Promise<StoredLlmSettings> {
    const stored = { ...DEFAULT_LLM_SETTINGS, ...((await this.documents.get<Partial<StoredLlmSettings>>(PREDICTOR_DOCUMENT.llm)) ?? {}) };
    const opened = this.secrets.transform(stored, ['apiKey'], 'open', 'the LLM API key');
    return { ...opened, apiKey: opened.apiKey ?? null }; // an unreadable key counts as not set
  }

  async llmView(): Promise<LlmSettingsView> {
    const settings = await this.llmSettings();
    // Settings stored before a key was required (or whose key can no longer be read) are not "active".
    const missingKey = settings.enabled ? llmKeyProblem(settings) : null;
    if (missingKey) return toLlmView(settings, { status: 'failed', detail: missingKey });
    const status = this.runtime.statuses().find((entry) => entry.kind === 'predictor' && entry.id === 'llm');
    return toLlmView(settings, { status: status?.status ?? 'inactive', ...(status?.detail ? { detail: status.detail } : {}) });
  }

  /** Validates, stores and applies new LLM settings; 400 naming the field when the provider config is invalid. */
  async saveLlm(input: LlmSettingsInput): Promise<LlmSettingsView> {
    const settings = mergeLlmSettings(await this.llmSettings(), input);
    if (settings.enabled) {
      const missingKey = llmKeyProblem(settings);
      if (missingKey) throw validationException([{ path: 'apiKey', message: missingKey }]);
      this.validateLlm(settings);
    }
    await this.documents.put(PREDICTOR_DOCUMENT.llm, this.secrets.transform(settings, ['apiKey'], 'seal'));
    await this.applyLlm(settings);
    return this.llmView();
  }

  /** A real call through the llm predictor with these (unsaved or stored) settings. */
  async testLlm(input: LlmSettingsInput | null): Promise<LlmTestResult> {
    const settings = input ? mergeLlmSettings(await this.llmSettings(), { ...input, enabled: true }) : await this.llmSettings();
    const config = this.validateLlm(settings);
    const started = performance.now();
    const base = { provider: settings.provider, model: settings.model };
    try {
      const plugin = MANAGED_PREDICTORS.llm!.plugin;
      const instance = await plugin.create(plugin.configSchema.parse({ ...config, maxAttempts: 1 }), this.runtime.context('llm'));
      const field = { key: 'topic', label: 'Topic', type: 'choice' as const, options: [{ value: 'greeting', description: 'the customer says hello' }, { value: 'other', description: 'anything else' }], description: 'What the message is about', requiredForCreation: false, fillOn: ['updates' as const], predictors: [], threshold: 0.5 };
      const result = await instance.doPredict({ fields: [field], messages: [{ id: 'm1', author: 'customer', text: 'Hello there!' }], context: {}, channel: 'backtest', currentValues: {} } as never);
      const answered = result.predictions.find((prediction) => prediction.field === 'topic');
      return { ...base, ok: true, latencyMs: Math.round(performance.now() - started), message: answered ? `the model answered "${String(answered.value)}" (confidence ${answered.confidence.toFixed(2)})` : 'the model answered without a usable value' };
    } catch (error) {
      const pluginError = error as PluginError;
      return { ...base, ok: false, latencyMs: Math.round(performance.now() - started), code: typeof pluginError.code === 'string' ? pluginError.code : 'INTERNAL', message: pluginError.message ?? String(error) };
    }
  }

  private validateLlm(settings: StoredLlmSettings): Record<string, unknown> {
    const config = toLlmConnection(settings);
    const parsed = llmConfigSchema.safeParse(config);
    if (!parsed.success) throw validationException(describeZodIssues(parsed.error));
    return config;
  }

  private async applyLlm(settings: StoredLlmSettings): Promise<void> {
    const loaded = this.registry.find('predictor', 'llm');
    if (settings.enabled && !llmKeyProblem(settings)) {
      const config = toLlmConnection(settings);
      await this.runtime.replace('llm', MANAGED_PREDICTORS.llm!.packageName, MANAGED_PREDICTORS.llm!.plugin, config);
      await this.useLlmSummarizer(config);
      return;
    }
    await this.runtime.replace('llm', loaded?.packageName ?? MANAGED_PREDICTORS.llm!.packageName, loaded?.plugin ?? MANAGED_PREDICTORS.llm!.plugin, loaded ? loaded.config : null);
    this.runtime.useSummarizer(null);
  }

  /** Makes the LLM summarizer (falling back to the boot summarizer on errors) the engine's summarizer. */
  private async useLlmSummarizer(config: Record<string, unknown>): Promise<void> {
    const llm = await llmSummarizer.create(llmSummarizer.configSchema.parse(config), this.runtime.context(LLM_SUMMARIZER_ID));
    const fallback = this.runtime.bootSummarizer;
    this.runtime.useSummarizer({
      id: LLM_SUMMARIZER_ID,
      packageName: '@autocase/predictors/summarizers',
      instance: summarizerWithFallback(llm, fallback, this.runtime.logger),
      ...(fallback ? { detail: 'falls back to the offline summarizer on errors' } : {}),
    });
  }

  /** The stored (or boot-time) configuration of a configurable predictor. */
  async pluginConfig(id: string): Promise<unknown> {
    this.assertConfigurable(id);
    return (await this.documents.get(PREDICTOR_DOCUMENT.pluginConfig(id))) ?? this.registry.find('predictor', id)?.config ?? null;
  }

  /** Validates a predictor's configuration with the plugin's own schema, stores it and restarts the predictor. */
  async savePluginConfig(id: string, config: unknown): Promise<unknown> {
    const plugin = this.assertConfigurable(id);
    const parsed = plugin.configSchema.safeParse(config);
    if (!parsed.success) throw validationException(describeZodIssues(parsed.error, 'config'));
    await this.documents.put(PREDICTOR_DOCUMENT.pluginConfig(id), config);
    await this.applyPluginConfig(id);
    return config;
  }

  private async applyPluginConfig(id: string): Promise<void> {
    const plugin = this.assertConfigurable(id);
    const loaded = this.registry.find('predictor', id);
    const stored = await this.documents.get(PREDICTOR_DOCUMENT.pluginConfig(id));
    await this.runtime.replace(id, loaded?.packageName ?? MANAGED_PREDICTORS[id]!.packageName, loaded?.plugin ?? plugin, stored ?? loaded?.config ?? null);
  }

  private assertConfigurable(id: string) {
    if (id !== 'rules' && id !== 'regex') throw validationException([{ path: 'predictorId', message: `predictor "${id}" has no editable configuration here (editable: rules, regex; the LLM and learned predictors have their own endpoints)` }]);
    return MANAGED_PREDICTORS[id]!.plugin;
  }
}
