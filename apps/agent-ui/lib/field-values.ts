import type { FieldDefinition, FieldValue } from '@autocase/core';

export type ParsedFieldInput = { ok: true; value: FieldValue } | { ok: false; error: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{5,25}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** What the API accepts for a currency field as text: `EUR 49.99`, `49.99 EUR`, `$12.50`, `-3`. */
const CURRENCY_TEXT = /^(?:[A-Z]{3}\s?|[$€£¥₹]\s?)?-?\d[\d,]*(?:\.\d+)?(?:\s?[A-Z]{3})?$/;
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** The text an input shows for a stored value (empty for null). */
export function toInputText(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Whether a date value fits a date picker (`YYYY-MM-DD`); a date-time is shown as text so it is never lost. */
export function isPlainDate(text: string): boolean {
  return text === '' || ISO_DATE.test(text);
}

/** Turns what an agent typed into the value the API stores for this field type, or says what is wrong. */
export function parseFieldInput(field: Pick<FieldDefinition, 'type' | 'label' | 'options'>, raw: string | boolean): ParsedFieldInput {
  if (field.type === 'boolean') {
    if (typeof raw === 'boolean') return { ok: true, value: raw };
    if (raw === '') return { ok: true, value: null };
    if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
    return { ok: false, error: `${field.label} must be yes or no` };
  }
  const text = String(raw).trim();
  if (text === '') return { ok: true, value: null };
  switch (field.type) {
    case 'number': {
      const number = Number(text.replace(',', '.'));
      if (!Number.isFinite(number)) return { ok: false, error: `${field.label} must be a number` };
      return { ok: true, value: number };
    }
    case 'currency': {
      // A plain amount is stored as a number; one with its currency (`EUR 49.99`, `$12.50`) as that text.
      if (PLAIN_NUMBER.test(text)) return { ok: true, value: Number(text.replace(',', '.')) };
      return CURRENCY_TEXT.test(text) ? { ok: true, value: text } : { ok: false, error: `${field.label} must be an amount like 12.50, EUR 12.50 or $12.50` };
    }
    case 'email':
      return EMAIL.test(text) ? { ok: true, value: text } : { ok: false, error: `${field.label} must be an email address like name@example.com` };
    case 'phone':
      return PHONE.test(text) ? { ok: true, value: text } : { ok: false, error: `${field.label} must be a phone number like +44 20 7946 0958` };
    case 'date':
      return (ISO_DATE.test(text) || ISO_DATE_TIME.test(text)) && !Number.isNaN(Date.parse(text)) ? { ok: true, value: text } : { ok: false, error: `${field.label} must be a date (YYYY-MM-DD)` };
    case 'choice':
      return field.options.some((option) => option.value === text) ? { ok: true, value: text } : { ok: false, error: `${field.label} must be one of the listed options` };
    default:
      return { ok: true, value: text };
  }
}

/** The label an option (or any value) is shown with. */
export function displayFieldValue(field: Pick<FieldDefinition, 'type' | 'options'> | undefined, value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field?.type === 'boolean') return value ? 'Yes' : 'No';
  const option = field?.options.find((candidate) => candidate.value === value);
  return option?.label ?? String(value);
}

/** Confidence in [0, 1] as a whole percentage, e.g. `92%`. */
export function formatConfidence(confidence: number | null | undefined): string {
  if (confidence === null || confidence === undefined || !Number.isFinite(confidence)) return 'unknown';
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

/** Only the fields whose value differs from what the case holds (what a PATCH should send). */
export function changedValues(current: Record<string, FieldValue>, draft: Record<string, FieldValue>): Record<string, FieldValue> {
  const changed: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(draft)) {
    if ((current[key] ?? null) !== value) changed[key] = value;
  }
  return changed;
}
