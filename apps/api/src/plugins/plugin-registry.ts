import type { ChannelPlugin, PluginContext, Predictor, Summarizer } from '@autocase/core';
import type { Logger } from 'pino';

export const PLUGIN_KINDS = ['predictor', 'summarizer', 'channel'] as const;
export type PluginKind = (typeof PLUGIN_KINDS)[number];

export interface PluginByKind {
  predictor: Predictor;
  summarizer: Summarizer;
  channel: ChannelPlugin;
}

export interface LoadedPlugin<Kind extends PluginKind = PluginKind> {
  kind: Kind;
  id: string;
  packageName: string;
  plugin: PluginByKind[Kind];
  /** Configuration already validated against the plugin's configSchema. */
  config: unknown;
}

/** The plugins loaded at boot, with validated configuration. Engines create instances from them. */
export class PluginRegistry {
  constructor(
    readonly plugins: LoadedPlugin[],
    private readonly logger: Logger,
  ) {}

  ofKind<Kind extends PluginKind>(kind: Kind): LoadedPlugin<Kind>[] {
    return this.plugins.filter((plugin): plugin is LoadedPlugin<Kind> => plugin.kind === kind);
  }

  get predictors(): LoadedPlugin<'predictor'>[] {
    return this.ofKind('predictor');
  }
  get summarizers(): LoadedPlugin<'summarizer'>[] {
    return this.ofKind('summarizer');
  }
  get channels(): LoadedPlugin<'channel'>[] {
    return this.ofKind('channel');
  }

  find<Kind extends PluginKind>(kind: Kind, id: string): LoadedPlugin<Kind> | undefined {
    return this.ofKind(kind).find((plugin) => plugin.id === id);
  }

  /** The context handed to a plugin's `create`: a child logger, fetch, the clock and a shutdown signal. */
  contextFor(plugin: LoadedPlugin, signal: AbortSignal, now: () => Date = () => new Date()): PluginContext {
    const child = this.logger.child({ plugin: plugin.id });
    return {
      logger: {
        debug: (message, data) => child.debug(data ?? {}, message),
        info: (message, data) => child.info(data ?? {}, message),
        warn: (message, data) => child.warn(data ?? {}, message),
        error: (message, data) => child.error(data ?? {}, message),
      },
      fetch: globalThis.fetch.bind(globalThis),
      now,
      signal,
    };
  }
}
