import type { FieldDefinition } from '../domain/field-definition.js';
import { defaultSettings, type Settings } from '../domain/settings.js';
import type { ConfigurationRepository } from '../ports/repositories.js';

/** A ConfigurationRepository in memory: no fields and default settings until saved. */
export class InMemoryConfigurationRepository implements ConfigurationRepository {
  private fields: FieldDefinition[];
  private settings: Settings;

  constructor(initial: { fields?: FieldDefinition[]; settings?: Settings } = {}) {
    this.fields = structuredClone(initial.fields ?? []);
    this.settings = structuredClone(initial.settings ?? defaultSettings());
  }

  async getFields(): Promise<FieldDefinition[]> {
    return structuredClone(this.fields);
  }

  async saveFields(fields: FieldDefinition[]): Promise<void> {
    this.fields = structuredClone(fields);
  }

  async getSettings(): Promise<Settings> {
    return structuredClone(this.settings);
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.settings = structuredClone(settings);
  }
}
