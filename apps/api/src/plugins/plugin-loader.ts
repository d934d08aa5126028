import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Logger } from 'pino';
import { PLUGIN_KINDS, PluginRegistry, type LoadedPlugin, type PluginKind } from './plugin-registry.js';

export const PluginEntrySchema = z.object({
  kind: z.enum(PLUGIN_KINDS).default('predictor'),
  package: z.string().min(1, 'package name is required'),
  /** Named export holding the plugin, when it is not the default export. */
  export: z.string().min(1).optional(),
  config: z.unknown().optional(),
  enabled: z.boolean().default(true),
});
export type PluginEntry = z.infer<typeof PluginEntrySchema>;
export const PluginListSchema = z.array(PluginEntrySchema);

/**
 * The first-party plugins loaded when no plugin list is configured (skipped with a warning if not
 * built). Rules need admin-written rules, the learned predictor trained models and the LLM a
 * provider, so those are configured explicitly.
 */
export const DEFAULT_PLUGINS: PluginEntry[] = [
  { kind: 'predictor', package: '@autocase/predictors/regex', enabled: true },
  { kind: 'summarizer', package: '@autocase/predictors/summarizers', export: 'extractiveSummarizer', enabled: true },
];

export class PluginConfigurationError extends Error {
  constructor(message: string) {
    super(`Plugin configuration: ${message}`);
    this.name = 'PluginConfigurationError';
  }
}

/**
 * Reads the plugin list: AUTOCASE_PLUGINS as JSON (`[{ kind, package, config }]`) or as a comma list of
 * `kind:package[#export]` (kind defaults to predictor), or a JSON file (AUTOCASE_PLUGINS_FILE). Null when none is set.
 */
export async function readPluginList(source: { pluginsJson?: string; pluginsFile?: string }): Promise<PluginEntry[] | null> {
  let raw: unknown;
  let origin: string;
  if (source.pluginsFile) {
    origin = `AUTOCASE_PLUGINS_FILE (${source.pluginsFile})`;
    try {
      raw = JSON.parse(await readFile(source.pluginsFile, 'utf8'));
    } catch (error) {
      throw new PluginConfigurationError(`${origin} could not be read as JSON: ${(error as Error).message}`);
    }
  } else if (source.pluginsJson?.trim()) {
    origin = 'AUTOCASE_PLUGINS';
    const text = source.pluginsJson.trim();
    if (text.startsWith('[') || text.startsWith('{')) {
      try {
        raw = JSON.parse(text);
      } catch (error) {
        throw new PluginConfigurationError(`${origin} is not valid JSON: ${(error as Error).message}`);
      }
    } else {
      raw = text.split(',').map((item) => item.trim()).filter(Boolean).map((item) => {
        const [kindAndPackage = item, exportName] = item.split('#');
        const match = /^(predictor|summarizer|channel):(.+)$/.exec(kindAndPackage);
        const entry = match ? { kind: match[1], package: match[2] } : { package: kindAndPackage };
        return exportName ? { ...entry, export: exportName } : entry;
      });
    }
  } else {
    return null;
  }
  const list = Array.isArray(raw) ? raw : (raw as { plugins?: unknown })?.plugins;
  const parsed = PluginListSchema.safeParse(list);
  if (!parsed.success) {
    throw new PluginConfigurationError(`${origin} is invalid: ${parsed.error.issues.map((issue) => `[${issue.path.join('.')}] ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}

async function importPackage(packageName: string, root: string): Promise<Record<string, unknown>> {
  try {
    return (await import(packageName)) as Record<string, unknown>;
  } catch (firstError) {
    const code = (firstError as { code?: string }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw firstError;
    // Third-party plugins installed at the project root rather than in apps/api.
    const resolved = createRequire(path.join(root, 'package.json')).resolve(packageName);
    return (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
  }
}

function pickPlugin(module: Record<string, unknown>, entry: PluginEntry): unknown {
  if (entry.export) {
    if (!(entry.export in module)) throw new PluginConfigurationError(`${entry.kind} package "${entry.package}" has no export named "${entry.export}"`);
    return module[entry.export];
  }
  const kind: PluginKind = entry.kind;
  if (module.default) return module.default;
  return module[kind] ?? Object.values(module).find((value) => typeof value === 'object' && value !== null && (value as { specificationVersion?: string }).specificationVersion === 'v1');
}

export function validatePluginShape(candidate: unknown, entry: PluginEntry): asserts candidate is LoadedPlugin['plugin'] {
  const where = `${entry.kind} package "${entry.package}"`;
  if (typeof candidate !== 'object' || candidate === null) throw new PluginConfigurationError(`${where} has no default export (export the plugin object as default)`);
  const plugin = candidate as Record<string, unknown>;
  if (plugin.specificationVersion !== 'v1') throw new PluginConfigurationError(`${where} implements specification "${String(plugin.specificationVersion)}"; this host supports "v1"`);
  if (typeof plugin.id !== 'string' || !plugin.id) throw new PluginConfigurationError(`${where} has no string id`);
  if (typeof (plugin.configSchema as { safeParse?: unknown } | undefined)?.safeParse !== 'function') throw new PluginConfigurationError(`${where} has no zod configSchema`);
  if (typeof plugin.create !== 'function') throw new PluginConfigurationError(`${where} has no create(config, context) function`);
}

/** Loads, shape-checks and config-validates every enabled plugin; any problem stops boot with a message naming the package. */
export async function loadPlugins(entries: PluginEntry[] | null, options: { root: string; logger: Logger }): Promise<PluginRegistry> {
  const explicit = entries !== null;
  const loaded: LoadedPlugin[] = [];
  for (const entry of (entries ?? DEFAULT_PLUGINS).filter((item) => item.enabled)) {
    let module: Record<string, unknown>;
    try {
      module = await importPackage(entry.package, options.root);
    } catch (error) {
      const message = `${entry.kind} package "${entry.package}" could not be loaded: ${(error as Error).message.split('\n')[0]}`;
      if (explicit) throw new PluginConfigurationError(`${message} (install it, build it, or remove it from the plugin list)`);
      options.logger.warn({ package: entry.package }, `built-in plugin skipped: ${message}`);
      continue;
    }
    const plugin = pickPlugin(module, entry);
    validatePluginShape(plugin, entry);
    const config = plugin.configSchema.safeParse(entry.config ?? {});
    if (!config.success) {
      throw new PluginConfigurationError(`${entry.kind} "${plugin.id}" (package "${entry.package}") has invalid config: ${config.error.issues.map((issue) => `config.${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    }
    if (loaded.some((other) => other.kind === entry.kind && other.id === plugin.id)) throw new PluginConfigurationError(`two ${entry.kind} plugins have the id "${plugin.id}"`);
    loaded.push({ kind: entry.kind, id: plugin.id, packageName: entry.package, plugin, config: config.data } as LoadedPlugin);
  }
  options.logger.info({ plugins: loaded.map((plugin) => `${plugin.kind}:${plugin.id}`) }, 'plugins loaded');
  return new PluginRegistry(loaded, options.logger);
}
