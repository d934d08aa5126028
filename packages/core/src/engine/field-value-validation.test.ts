import { describe, expect, it } from 'vitest';
import { buildFieldDefinition } from '../testing/builders.js';
import { isFilledValue, normalizeFieldValue } from './field-value-validation.js';

const category = buildFieldDefinition({
  key: 'category',
  label: 'Category',
  type: 'choice',
  options: [
    { value: 'billing', label: 'Billing' },
    { value: 'shipping', label: 'Shipping issue' },
  ],
});

describe('normalizeFieldValue', () => {
  it('accepts a choice option and maps labels and casing to the option value', () => {
    expect(normalizeFieldValue(category, 'billing')).toEqual({ ok: true, value: 'billing' });
    expect(normalizeFieldValue(category, 'BILLING')).toEqual({ ok: true, value: 'billing' });
    expect(normalizeFieldValue(category, 'Shipping issue')).toEqual({ ok: true, value: 'shipping' });
  });

  it('rejects a choice value outside the options and names the field and the options', () => {
    const check = normalizeFieldValue(category, 'refund');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error).toBe('Category (category): "refund" is not one of the allowed options (billing, shipping)');
  });

  it('accepts any text for a lookup without options but checks options when present', () => {
    expect(normalizeFieldValue(buildFieldDefinition({ key: 'product', type: 'lookup' }), ' jeans ')).toEqual({ ok: true, value: 'jeans' });
    const lookup = buildFieldDefinition({ key: 'product', type: 'lookup', options: [{ value: 'jeans' }] });
    expect(normalizeFieldValue(lookup, 'shirt').ok).toBe(false);
  });

  it('rejects values of the wrong type', () => {
    expect(normalizeFieldValue(category, 3).ok).toBe(false);
    expect(normalizeFieldValue(buildFieldDefinition({ key: 'title', type: 'text' }), 42).ok).toBe(false);
    expect(normalizeFieldValue(buildFieldDefinition({ key: 'count', type: 'number' }), true).ok).toBe(false);
    expect(normalizeFieldValue(buildFieldDefinition({ key: 'flag', type: 'boolean' }), 'maybe').ok).toBe(false);
  });

  it('treats undefined as missing, and null or blank text as cleared', () => {
    const text = buildFieldDefinition({ key: 'title', type: 'text' });
    expect(normalizeFieldValue(text, undefined)).toEqual({ ok: false, error: 'title (title): value is missing' });
    expect(normalizeFieldValue(text, null)).toEqual({ ok: true, value: null });
    expect(normalizeFieldValue(text, '   ')).toEqual({ ok: true, value: null });
  });

  it('limits text length', () => {
    const text = buildFieldDefinition({ key: 'title', type: 'text' });
    expect(normalizeFieldValue(text, 'x'.repeat(2001)).ok).toBe(false);
    expect(normalizeFieldValue(buildFieldDefinition({ key: 'body', type: 'longText' }), 'x'.repeat(2001))).toEqual({ ok: true, value: 'x'.repeat(2001) });
  });

  it('validates email addresses', () => {
    const email = buildFieldDefinition({ key: 'email', type: 'email' });
    expect(normalizeFieldValue(email, ' jane@example.com ')).toEqual({ ok: true, value: 'jane@example.com' });
    expect(normalizeFieldValue(email, 'jane@example').ok).toBe(false);
    expect(normalizeFieldValue(email, 'jane example@x.com').ok).toBe(false);
  });

  it('validates phone numbers by shape and digit count', () => {
    const phone = buildFieldDefinition({ key: 'phone', type: 'phone' });
    expect(normalizeFieldValue(phone, '+1 (415) 555-0100')).toEqual({ ok: true, value: '+1 (415) 555-0100' });
    expect(normalizeFieldValue(phone, '12345').ok).toBe(false);
    expect(normalizeFieldValue(phone, '+1234567890123456').ok).toBe(false);
    expect(normalizeFieldValue(phone, 'call me').ok).toBe(false);
  });

  it('validates dates and date-times', () => {
    const date = buildFieldDefinition({ key: 'when', type: 'date' });
    expect(normalizeFieldValue(date, '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(normalizeFieldValue(date, '2023-02-29').ok).toBe(false);
    expect(normalizeFieldValue(date, '2024-13-01').ok).toBe(false);
    expect(normalizeFieldValue(date, '2024-05-01T10:30:00Z')).toEqual({ ok: true, value: '2024-05-01T10:30:00Z' });
    expect(normalizeFieldValue(date, 'yesterday').ok).toBe(false);
  });

  it('parses numbers from numeric text and rejects the rest', () => {
    const number = buildFieldDefinition({ key: 'count', type: 'number' });
    expect(normalizeFieldValue(number, '1,234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(normalizeFieldValue(number, 7)).toEqual({ ok: true, value: 7 });
    expect(normalizeFieldValue(number, '12 apples').ok).toBe(false);
    expect(normalizeFieldValue(number, Number.NaN).ok).toBe(false);
  });

  it('accepts amounts with or without currency', () => {
    const amount = buildFieldDefinition({ key: 'amount', type: 'currency' });
    expect(normalizeFieldValue(amount, 12.5)).toEqual({ ok: true, value: 12.5 });
    expect(normalizeFieldValue(amount, 'EUR 12.50')).toEqual({ ok: true, value: 'EUR 12.50' });
    expect(normalizeFieldValue(amount, '$1,200.00')).toEqual({ ok: true, value: '$1,200.00' });
    expect(normalizeFieldValue(amount, 'a lot').ok).toBe(false);
  });

  it('parses booleans from yes/no text', () => {
    const flag = buildFieldDefinition({ key: 'vip', type: 'boolean' });
    expect(normalizeFieldValue(flag, 'Yes')).toEqual({ ok: true, value: true });
    expect(normalizeFieldValue(flag, false)).toEqual({ ok: true, value: false });
  });
});

describe('isFilledValue', () => {
  it('is false for null, undefined and blank text only', () => {
    expect(isFilledValue(null)).toBe(false);
    expect(isFilledValue(undefined)).toBe(false);
    expect(isFilledValue('  ')).toBe(false);
    expect(isFilledValue(0)).toBe(true);
    expect(isFilledValue(false)).toBe(true);
    expect(isFilledValue('x')).toBe(true);
  });
});
