import type { MikroORM } from '@mikro-orm/core';
import { FieldDefinitionListSchema, SettingsSchema, type Clock, type ConfigurationRepository, type FieldDefinition, type Settings } from '@autocase/core';
import { ConfigurationEntity } from '../entities/index.js';

/** Configuration documents stored as JSON; reads re-parse them so defaults of newer schema versions apply. */
export class MikroConfigurationRepository implements ConfigurationRepository {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  private async read(key: string): Promise<unknown> {
    const row = await this.orm.em.fork().findOne(ConfigurationEntity, { key });
    return row?.value;
  }

  private async write(key: string, value: unknown): Promise<void> {
    await this.orm.em.fork().upsert(ConfigurationEntity, { key, value, updatedAt: this.clock.now().toISOString() });
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
