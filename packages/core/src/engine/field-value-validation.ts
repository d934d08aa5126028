import type { FieldDefinition, FieldValue } from '../domain/field-definition.js';

export type FieldValueCheck = { ok: true; value: FieldValue } | { ok: false; error: string };

const MAX_TEXT_LENGTH = 2000;
const MAX_LONG_TEXT_LENGTH = 100_000;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?[\d\s().-]+$/;
const CURRENCY_PATTERN = /^(?:[A-Z]{3}\s?|[$€£¥₹]\s?)?-?\d[\d,]*(?:\.\d+)?(?:\s?[A-Z]{3})?$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

function fail(field: FieldDefinition, message: string): FieldValueCheck {
  return { ok: false, error: `${field.label} (${field.key}): ${message}` };
}

function checkText(field: FieldDefinition, value: unknown, maxLength: number): FieldValueCheck {
  if (typeof value !== 'string') return fail(field, `expected text, got ${describe(value)}`);
  const text = value.trim();
  if (text.length === 0) return { ok: true, value: null };
  if (text.length > maxLength) return fail(field, `text is ${text.length} characters long; the limit is ${maxLength}`);
  return { ok: true, value: text };
}

function checkOption(field: FieldDefinition, value: unknown): FieldValueCheck {
  if (typeof value !== 'string') return fail(field, `expected one of the options, got ${describe(value)}`);
  const text = value.trim();
  if (text.length === 0) return { ok: true, value: null };
  if (field.type === 'lookup' && field.options.length === 0) return { ok: true, value: text };
  const exact = field.options.find((option) => option.value === text);
  if (exact) return { ok: true, value: exact.value };
  const lowered = text.toLowerCase();
  const loose = field.options.find((option) => option.value.toLowerCase() === lowered || option.label?.toLowerCase() === lowered);
  if (loose) return { ok: true, value: loose.value };
  const allowed = field.options.map((option) => option.value).join(', ');
  return fail(field, `${describe(value)} is not one of the allowed options (${allowed})`);
}

function checkNumber(field: FieldDefinition, value: unknown): FieldValueCheck {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value } : fail(field, `expected a finite number, got ${describe(value)}`);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.length === 0) return { ok: true, value: null };
    const compact = text.replace(/,(?=\d{3}(?:\D|$))/g, '');
    if (/^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(compact)) return { ok: true, value: Number(compact) };
  }
  return fail(field, `expected a number, got ${describe(value)}`);
}

function checkCurrency(field: FieldDefinition, value: unknown): FieldValueCheck {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value } : fail(field, `expected an amount, got ${describe(value)}`);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.length === 0) return { ok: true, value: null };
    if (CURRENCY_PATTERN.test(text)) return { ok: true, value: text };
  }
  return fail(field, `expected an amount such as 12.50, "EUR 12.50" or "$12.50", got ${describe(value)}`);
}

function checkBoolean(field: FieldDefinition, value: unknown): FieldValueCheck {
  if (typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(text)) return { ok: true, value: true };
    if (['false', 'no', 'n', '0'].includes(text)) return { ok: true, value: false };
  }
  return fail(field, `expected true or false, got ${describe(value)}`);
}

function checkEmail(field: FieldDefinition, value: unknown): FieldValueCheck {
  if (typeof value !== 'string') return fail(field, `expected an email address, got ${describe(value)}`);
  const text = value.trim();
  if (text.length === 0) return { ok: true, value: null };
  if (text.length > 254 || !EMAIL_PATTERN.test(text)) return fail(field, `${describe(value)} is not a valid email address`);
  return { ok: true, value: text };
}

function checkPhone(field: FieldDefinition, value: unknown): FieldValueCheck {
  if (typeof value !== 'string') return fail(field, `expected a phone number, got ${describe(value)}`);
  const text = value.trim();
  if (text.length === 0) return { ok: true, value: null };
  const digits = text.replace(/\D/g, '').length;
  if (!PHONE_PATTERN.test(text) || digits < 6 || digits > 15) {
    return fail(field, `${describe(value)} is not a valid phone number (6 to 15 digits, optional leading +)`);
  }
  return { ok: true, value: text };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkDate(field: FieldDefinition, value: unknown): FieldValueCheck {
  if (typeof value !== 'string') return fail(field, `expected a date (YYYY-MM-DD), got ${describe(value)}`);
  const text = value.trim();
  if (text.length === 0) return { ok: true, value: null };
  const dateOnly = DATE_PATTERN.exec(text);
  if (dateOnly && isCalendarDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]))) return { ok: true, value: text };
  if (DATE_TIME_PATTERN.test(text) && !Number.isNaN(Date.parse(text))) {
    const [year, month, day] = text.slice(0, 10).split('-').map(Number);
    if (isCalendarDate(year ?? 0, month ?? 0, day ?? 0)) return { ok: true, value: text };
  }
  return fail(field, `${describe(value)} is not a valid date (YYYY-MM-DD or an ISO 8601 date-time)`);
}

/**
 * Checks a value against a field definition and normalises it (trims text, maps an option's
 * label or different casing to its value, parses numeric strings). `null` and empty text
 * normalise to `null`, which means "cleared".
 */
export function normalizeFieldValue(field: FieldDefinition, value: unknown): FieldValueCheck {
  if (value === undefined) return fail(field, 'value is missing');
  if (value === null) return { ok: true, value: null };
  switch (field.type) {
    case 'text':
      return checkText(field, value, MAX_TEXT_LENGTH);
    case 'longText':
      return checkText(field, value, MAX_LONG_TEXT_LENGTH);
    case 'choice':
    case 'lookup':
      return checkOption(field, value);
    case 'number':
      return checkNumber(field, value);
    case 'currency':
      return checkCurrency(field, value);
    case 'boolean':
      return checkBoolean(field, value);
    case 'email':
      return checkEmail(field, value);
    case 'phone':
      return checkPhone(field, value);
    case 'date':
      return checkDate(field, value);
  }
}

/** Whether `text` looks like an email address (what `email` fields accept). */
export function isValidEmailAddress(text: string): boolean {
  return text.length <= 254 && EMAIL_PATTERN.test(text);
}

/** Whether a stored value counts as "filled" (not null and not empty text). */
export function isFilledValue(value: FieldValue | undefined): boolean {
  return value !== null && value !== undefined && !(typeof value === 'string' && value.trim().length === 0);
}
