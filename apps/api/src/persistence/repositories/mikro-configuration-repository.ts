import type { MikroORM } from '@mikro-orm/core';
import { FieldDefinitionListSchema, SettingsSchema, type Clock, type ConfigurationRepository, type FieldDefinition, type Settings } from '@autocase/core';
import { ConfigurationEntity } from '../entities/index.js';
import { sharedReadCache, type ReadThroughCache } from '../read-through-cache.js';
import { inUnitOfWork, scopedEm } from '../transaction-scope.js';

/** How long another process's configuration change can go unseen (saves in this process are seen at once). */
const CONFIGURATION_CACHE_MS = 1000;

/** Configuration documents stored as JSON; reads re-parse them so defaults of newer schema versions apply. */
export class MikroConfigurationRepository implements ConfigurationRepository {
  private readonly cache: ReadThroughCache<unknown>;

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {
    this.cache = sharedReadCache<unknown>(orm, 'configuration', CONFIGURATION_CACHE_MS);
  }

  /** The stored document (cached: every inbound email and case reads settings and fields). */
  private read(key: string): Promise<unknown> {
    // Inside a unit of work the read joins its transaction and skips the shared cache (another caller's load could be waiting for that transaction).
    const load = async () => (await scopedEm(this.orm).findOne(ConfigurationEntity, { key }))?.value;
    return inUnitOfWork() ? load() : this.cache.get(key, load);
  }

  private async write(key: string, value: unknown): Promise<void> {
    try {
      await this.orm.em.fork().upsert(ConfigurationEntity, { key, value, updatedAt: this.clock.now().toISOString() });
    } finally {
      this.cache.invalidate();
    }
  }

  async getFields(): Promise<FieldDefinition[]> {
    const stored = await this.read('fields');
    return stored === undefined ? [] : FieldDefinitionListSchema.parse(stored);
  }

  async saveFields(fields: FieldDefinition[]): Promise<void> {
    await this.write('fields', FieldDefinitionListSchema.parse(fields));
  }

  async getSettings(): Promise<Settings> {
    return SettingsSchema.parse((await this.read('settings')) ?? {});
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.write('settings', SettingsSchema.parse(settings));
  }

  /** Whether an admin (or the demo seed) has ever saved the field list. */
  async hasFields(): Promise<boolean> {
    return (await this.read('fields')) !== undefined;
  }
}
