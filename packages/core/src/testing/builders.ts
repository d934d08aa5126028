import { FieldDefinitionSchema, type FieldDefinition, type FieldDefinitionInput, type FieldValue } from '../domain/field-definition.js';
import type { Evidence, Prediction } from '../domain/prediction.js';
import { SettingsSchema, type Settings } from '../domain/settings.js';

/** A field definition with the schema's defaults filled in; `label` defaults to the key. */
export function buildFieldDefinition(input: Omit<FieldDefinitionInput, 'label'> & { label?: string }): FieldDefinition {
  return FieldDefinitionSchema.parse({ label: input.key, ...input });
}

/** Settings with the schema's defaults and the given overrides. */
export function buildSettings(overrides: Partial<Settings> = {}): Settings {
  return SettingsSchema.parse(overrides);
}

/** A prediction; the predictor defaults to `{ id: predictorId, version: '1' }`. */
export function buildPrediction(
  field: string,
  value: FieldValue,
  confidence: number,
  predictorId = 'fake',
  evidence: Evidence[] = [],
): Prediction {
  return { field, value, confidence, evidence, predictor: { id: predictorId, version: '1' } };
}
