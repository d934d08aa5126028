import { CASE_STATUSES, type CaseStatus } from '../domain/case.js';
import type { ValidationIssue } from '../domain/errors.js';
import type { FieldDefinition, FieldValue } from '../domain/field-definition.js';
import { normalizeFieldValue } from '../engine/field-value-validation.js';

const MAX_TITLE_LENGTH = 300;

/** Checks field values an agent typed against the field definitions; collects every problem. */
export function validateFieldValues(fields: FieldDefinition[], values: Record<string, unknown>, issues: ValidationIssue[]): Record<string, FieldValue> {
  const definitions = new Map(fields.map((field) => [field.key, field]));
  const normalized: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = definitions.get(key);
    if (!field) {
      const known = fields.map((definition) => definition.key).join(', ') || 'none are configured';
      issues.push({ path: `fields.${key}`, message: `unknown field; the case fields are: ${known}` });
      continue;
    }
    const check = normalizeFieldValue(field, value);
    if (check.ok) normalized[key] = check.value;
    else issues.push({ path: `fields.${key}`, message: check.error });
  }
  return normalized;
}

export function validateTitle(title: unknown, issues: ValidationIssue[]): string | undefined {
  if (typeof title !== 'string') {
    issues.push({ path: 'title', message: 'title must be text' });
    return undefined;
  }
  const trimmed = title.replace(/\s+/g, ' ').trim();
  if (trimmed.length === 0) issues.push({ path: 'title', message: 'title must not be empty' });
  else if (trimmed.length > MAX_TITLE_LENGTH) issues.push({ path: 'title', message: `title is ${trimmed.length} characters long; the limit is ${MAX_TITLE_LENGTH}` });
  return trimmed;
}

export function validateStatus(status: unknown, issues: ValidationIssue[]): CaseStatus | undefined {
  if (typeof status === 'string' && (CASE_STATUSES as readonly string[]).includes(status)) return status as CaseStatus;
  issues.push({ path: 'status', message: `status must be one of ${CASE_STATUSES.join(', ')}, got ${JSON.stringify(status)}` });
  return undefined;
}
