import { defineEntity, p } from '@mikro-orm/core';

/** Key/value configuration documents: `fields` (FieldDefinition[]) and `settings` (Settings). */
export const ConfigurationEntity = defineEntity({
  name: 'ConfigurationDocument',
  tableName: 'configuration',
  properties: {
    key: p.string().length(64).primary(),
    value: p.json<unknown>(),
    updatedAt: p.string().length(32),
  },
});
