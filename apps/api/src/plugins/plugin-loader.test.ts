import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../infrastructure/app-logger.js';
import { loadPlugins, readPluginList, PluginConfigurationError } from './plugin-loader.js';

const logger = createLogger('silent');
const root = path.resolve(import.meta.dirname, '../../../..');
const folder = mkdtempSync(path.join(tmpdir(), 'autocase-plugins-'));

/** A plugin module on disk, imported by file URL like a package. Its configSchema is a minimal zod-compatible parser. */
function pluginModule(name: string, source: string): string {
  const file = path.join(folder, `${name}.mjs`);
  writeFileSync(file, source);
  return pathToFileURL(file).href;
}

const acme = pluginModule(
  'acme',
  `export default {
    specificationVersion: 'v1',
    id: 'acme',
    configSchema: { safeParse: (value) => typeof value.apiKey === 'string'
      ? { success: true, data: { apiKey: value.apiKey, retries: value.retries ?? 2 } }
      : { success: false, error: { issues: [{ path: ['apiKey'], message: 'apiKey is required' }] } } },
    create: () => ({ version: '1', doPredict: async () => ({ predictions: [] }) }),
  };`,
);
const wrongVersion = pluginModule('v2', `export default { specificationVersion: 'v2', id: 'future', configSchema: { safeParse: () => ({ success: true }) }, create() {} };`);
const named = pluginModule('named', `export const fancySummarizer = { specificationVersion: 'v1', id: 'fancy', configSchema: { safeParse: (v) => ({ success: true, data: v }) }, create() {} };`);

describe('readPluginList', () => {
  it('reads a comma list of kind:package#export', async () => {
    expect(await readPluginList({ pluginsJson: '@autocase/predictors/regex, summarizer:pkg#extractive , channel:acme-chat' })).toEqual([
      { kind: 'predictor', package: '@autocase/predictors/regex', enabled: true },
      { kind: 'summarizer', package: 'pkg', export: 'extractive', enabled: true },
      { kind: 'channel', package: 'acme-chat', enabled: true },
    ]);
  });

  it('reads JSON with config and names bad entries', async () => {
    expect(await readPluginList({ pluginsJson: '[{"package":"acme","config":{"apiKey":"k"}}]' })).toEqual([{ kind: 'predictor', package: 'acme', config: { apiKey: 'k' }, enabled: true }]);
    await expect(readPluginList({ pluginsJson: '[{"kind":"gadget","package":""}]' })).rejects.toThrow(/AUTOCASE_PLUGINS is invalid: \[0\.kind\].*\[0\.package\] package name is required/);
    await expect(readPluginList({ pluginsJson: '[{' })).rejects.toThrow(/AUTOCASE_PLUGINS is not valid JSON/);
  });

  it('reads a JSON file and answers null when nothing is configured', async () => {
    const file = path.join(folder, 'plugins.json');
    writeFileSync(file, JSON.stringify({ plugins: [{ package: 'acme' }] }));
    expect(await readPluginList({ pluginsFile: file })).toEqual([{ kind: 'predictor', package: 'acme', enabled: true }]);
    await expect(readPluginList({ pluginsFile: path.join(folder, 'missing.json') })).rejects.toThrow(/AUTOCASE_PLUGINS_FILE .* could not be read/);
    expect(await readPluginList({})).toBeNull();
  });
});

describe('loadPlugins', () => {
  it('loads a third-party plugin by name and validates its config with its configSchema', async () => {
    const registry = await loadPlugins([{ kind: 'predictor', package: acme, config: { apiKey: 'secret' }, enabled: true }], { root, logger });
    expect(registry.predictors.map((plugin) => [plugin.id, plugin.config])).toEqual([['acme', { apiKey: 'secret', retries: 2 }]]);
  });

  it('stops boot naming the plugin, package and config path when the config is invalid', async () => {
    const load = loadPlugins([{ kind: 'predictor', package: acme, config: {}, enabled: true }], { root, logger });
    await expect(load).rejects.toBeInstanceOf(PluginConfigurationError);
    await expect(loadPlugins([{ kind: 'predictor', package: acme, config: {}, enabled: true }], { root, logger })).rejects.toThrow(/predictor "acme" \(package ".*acme.mjs"\) has invalid config: config.apiKey: apiKey is required/);
  });

  it('rejects unknown packages, other specification versions and missing named exports', async () => {
    await expect(loadPlugins([{ kind: 'predictor', package: 'autocase-no-such-plugin', enabled: true }], { root, logger })).rejects.toThrow(/predictor package "autocase-no-such-plugin" could not be loaded.*install it/);
    await expect(loadPlugins([{ kind: 'predictor', package: wrongVersion, enabled: true }], { root, logger })).rejects.toThrow(/implements specification "v2"; this host supports "v1"/);
    await expect(loadPlugins([{ kind: 'summarizer', package: named, export: 'other', enabled: true }], { root, logger })).rejects.toThrow(/has no export named "other"/);
    const registry = await loadPlugins([{ kind: 'summarizer', package: named, export: 'fancySummarizer', enabled: true }], { root, logger });
    expect(registry.summarizers.map((plugin) => plugin.id)).toEqual(['fancy']);
  });

  it('skips disabled entries and refuses two plugins of one kind with the same id', async () => {
    expect((await loadPlugins([{ kind: 'predictor', package: 'not-even-loaded', enabled: false }], { root, logger })).plugins).toEqual([]);
    const twice = { kind: 'predictor' as const, package: acme, config: { apiKey: 'k' }, enabled: true };
    await expect(loadPlugins([twice, twice], { root, logger })).rejects.toThrow(/two predictor plugins have the id "acme"/);
  });

  it('loads the first-party defaults by package name when no list is configured', async () => {
    const registry = await loadPlugins(null, { root, logger });
    expect(registry.predictors.map((plugin) => plugin.id)).toEqual(['regex']);
    expect(registry.summarizers.map((plugin) => plugin.id)).toEqual(['extractive']);
  });
});
