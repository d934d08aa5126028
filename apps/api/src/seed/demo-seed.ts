import { FieldDefinitionListSchema, defaultSettings, type ConfigurationRepository } from '@autocase/core';
import type { Logger } from 'pino';
import { DEMO_FIELDS } from './demo-configuration.js';

/** Seeds the demo case fields and default settings, only when no field list was ever saved (an admin's configuration is never overwritten). */
export async function seedDemoConfiguration(configuration: ConfigurationRepository & { hasFields(): Promise<boolean> }, logger: Logger): Promise<boolean> {
  if (await configuration.hasFields()) return false;
  await configuration.saveFields(FieldDefinitionListSchema.parse(DEMO_FIELDS));
  await configuration.saveSettings(defaultSettings());
  logger.info({ fields: DEMO_FIELDS.map((field) => field.key) }, 'demo configuration seeded');
  return true;
}
