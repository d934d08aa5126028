import type { CaseFieldState } from '../domain/case.js';
import type { FieldDefinition, FillScope } from '../domain/field-definition.js';
import { isFilledValue } from './field-value-validation.js';

export interface EnoughContextInput {
  fields: FieldDefinition[];
  scope: FillScope;
  /** Field states after merging: accepted predictions plus values from the context/channel. */
  fieldStates: Record<string, CaseFieldState>;
}

export interface EnoughContextResult {
  enough: boolean;
  /** Keys of the fields needed for creation in this scope. */
  required: string[];
  /** Keys of the needed fields that have no value yet. */
  missing: string[];
}

/**
 * "Enough context": every field marked as needed for creation that the AI may fill in this
 * scope has a value — from an accepted prediction or already from the context/channel.
 */
export function evaluateEnoughContext(input: EnoughContextInput): EnoughContextResult {
  const required = input.fields.filter((field) => field.requiredForCreation && field.fillOn.includes(input.scope)).map((field) => field.key);
  const missing = required.filter((key) => !isFilledValue(input.fieldStates[key]?.value));
  return { enough: missing.length === 0, required, missing };
}

/** A sentence for agents explaining which fields are still missing. */
export function describeMissingContext(fields: FieldDefinition[], missing: string[]): string {
  const labels = missing.map((key) => fields.find((field) => field.key === key)?.label ?? key);
  return `Not enough context yet: no value could be predicted for ${labels.join(', ')}`;
}
