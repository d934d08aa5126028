import type { FieldDefinition, FieldType, FillScope } from '@autocase/core';

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text',
  longText: 'Long text',
  choice: 'Choice',
  lookup: 'Lookup',
  number: 'Number',
  currency: 'Currency',
  boolean: 'Yes / no',
  email: 'Email',
  phone: 'Phone',
  date: 'Date',
};

export const FIELD_TYPES = Object.keys(FIELD_TYPE_LABELS) as FieldType[];

export const FILL_SCOPE_LABELS: Record<FillScope, { label: string; description: string }> = {
  chatCreation: { label: 'Chat case creation', description: 'When a live chat creates the case.' },
  emailCreation: { label: 'Email case creation', description: 'When an inbound email creates the case.' },
  updates: { label: 'Updates', description: 'When the case is updated from later messages.' },
};

export const FILL_SCOPES = Object.keys(FILL_SCOPE_LABELS) as FillScope[];

/** A field being edited, with a stable client id so reordering and renaming keep the selection. */
export interface FieldDraft extends FieldDefinition {
  draftId: string;
}

let counter = 0;
const nextDraftId = () => `draft-${Date.now().toString(36)}-${(counter += 1)}`;

export function toDrafts(fields: FieldDefinition[]): FieldDraft[] {
  return fields.map((field) => ({ ...field, draftId: nextDraftId() }));
}

export function fromDrafts(drafts: FieldDraft[]): FieldDefinition[] {
  return drafts.map(({ draftId: _draftId, ...field }) => field);
}

export function newFieldDraft(existingKeys: string[], defaultThreshold = 0.7): FieldDraft {
  let index = existingKeys.length + 1;
  while (existingKeys.includes(`newField${index}`)) index += 1;
  return {
    draftId: nextDraftId(),
    key: `newField${index}`,
    label: `New field ${index}`,
    type: 'text',
    options: [],
    description: '',
    requiredForCreation: false,
    fillOn: ['chatCreation', 'emailCreation', 'updates'],
    predictors: [],
    threshold: defaultThreshold,
  };
}

/** "Order number (ref)" → "orderNumberRef": a key that satisfies the API's key rule. */
export function keyFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^\w\s]/g, ' ')
    .split(/[\s_]+/)
    .filter(Boolean);
  const key = words.map((word, index) => (index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase())).join('');
  const trimmed = key.replace(/^[^a-z]+/, '');
  return trimmed.slice(0, 64) || 'field';
}

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * Splits the API's field errors (paths like `0.options.1.value`, `fields.2.key` or `body.0.label`)
 * into errors per field index, keyed by the path inside that field (`options.1.value`).
 */
export function errorsByFieldIndex(fieldErrors: Record<string, string>): Map<number, Record<string, string>> {
  const result = new Map<number, Record<string, string>>();
  for (const [path, message] of Object.entries(fieldErrors)) {
    const match = /^(?:[A-Za-z_]+\.)?(\d+)(?:\.(.*))?$/.exec(path);
    if (!match) continue;
    const index = Number(match[1]);
    const inner = match[2] ?? '';
    const errors = result.get(index) ?? {};
    if (!(inner in errors)) errors[inner] = message;
    result.set(index, errors);
  }
  return result;
}

/** Checks what the browser can check before saving; the API validates again. */
export function localFieldErrors(drafts: FieldDraft[]): Map<number, Record<string, string>> {
  const result = new Map<number, Record<string, string>>();
  const seen = new Map<string, number>();
  drafts.forEach((field, index) => {
    const errors: Record<string, string> = {};
    if (!field.label.trim()) errors.label = 'label is required';
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(field.key)) errors.key = 'key must start with a lowercase letter and contain only letters, digits and _';
    else if (seen.has(field.key)) errors.key = `duplicate field key "${field.key}"`;
    seen.set(field.key, index);
    if (field.type === 'choice' && field.options.length === 0) errors.options = `choice field "${field.key}" needs at least one option`;
    if (!(field.threshold >= 0 && field.threshold <= 1)) errors.threshold = 'threshold must be between 0 and 1';
    field.options.forEach((option, optionIndex) => {
      if (!option.value.trim()) errors[`options.${optionIndex}.value`] = 'option value must not be empty';
    });
    if (Object.keys(errors).length > 0) result.set(index, errors);
  });
  return result;
}
