import { describe, expect, it } from 'vitest';
import { changedValues, displayFieldValue, formatConfidence, parseFieldInput, toInputText } from './field-values';

const choice = { type: 'choice' as const, label: 'Category', options: [{ value: 'billing', label: 'Billing', description: '' }] };

describe('parseFieldInput', () => {
  it('stores numbers as numbers and accepts a decimal comma', () => {
    expect(parseFieldInput({ type: 'currency', label: 'Amount', options: [] }, '12,50')).toEqual({ ok: true, value: 12.5 });
    expect(parseFieldInput({ type: 'number', label: 'Items', options: [] }, 'many')).toEqual({ ok: false, error: 'Items must be a number' });
  });

  it('keeps a currency amount with its currency as the API stores it, and refuses what the API would refuse', () => {
    const amount = { type: 'currency' as const, label: 'Amount', options: [] };
    for (const text of ['EUR 49.99', '49.99 EUR', '$12.50', '€ 3', '1,299.00 USD']) expect(parseFieldInput(amount, text)).toEqual({ ok: true, value: text });
    expect(parseFieldInput(amount, toInputText('EUR 49.99'))).toEqual({ ok: true, value: 'EUR 49.99' });
    expect(parseFieldInput(amount, toInputText(12.5))).toEqual({ ok: true, value: 12.5 });
    expect(parseFieldInput(amount, 'forty euros')).toEqual({ ok: false, error: 'Amount must be an amount like 12.50, EUR 12.50 or $12.50' });
  });

  it('keeps a stored date-time (the API accepts one for a date field)', () => {
    expect(parseFieldInput({ type: 'date', label: 'Due', options: [] }, '2026-01-31T12:00:00Z')).toEqual({ ok: true, value: '2026-01-31T12:00:00Z' });
  });

  it('clears a field when the input is empty', () => {
    expect(parseFieldInput({ type: 'email', label: 'Email', options: [] }, '  ')).toEqual({ ok: true, value: null });
  });

  it('names the field in every validation error', () => {
    expect(parseFieldInput({ type: 'email', label: 'Customer email', options: [] }, 'jane@')).toMatchObject({ ok: false, error: expect.stringContaining('Customer email') });
    expect(parseFieldInput({ type: 'date', label: 'Due', options: [] }, '31/01/2026')).toMatchObject({ ok: false, error: 'Due must be a date (YYYY-MM-DD)' });
    expect(parseFieldInput({ type: 'phone', label: 'Phone', options: [] }, 'call me')).toMatchObject({ ok: false });
  });

  it('accepts only configured options for choice fields', () => {
    expect(parseFieldInput(choice, 'billing')).toEqual({ ok: true, value: 'billing' });
    expect(parseFieldInput(choice, 'other')).toMatchObject({ ok: false });
  });

  it('reads booleans from a checkbox or a select', () => {
    const field = { type: 'boolean' as const, label: 'VIP', options: [] };
    expect(parseFieldInput(field, true)).toEqual({ ok: true, value: true });
    expect(parseFieldInput(field, 'false')).toEqual({ ok: true, value: false });
    expect(parseFieldInput(field, '')).toEqual({ ok: true, value: null });
  });
});

describe('display helpers', () => {
  it('shows option labels, yes/no and a dash for empty values', () => {
    expect(displayFieldValue(choice, 'billing')).toBe('Billing');
    expect(displayFieldValue({ type: 'boolean', options: [] }, false)).toBe('No');
    expect(displayFieldValue(choice, null)).toBe('—');
    expect(toInputText(null)).toBe('');
    expect(toInputText(3)).toBe('3');
  });

  it('formats confidence as a clamped percentage', () => {
    expect(formatConfidence(0.916)).toBe('92%');
    expect(formatConfidence(1.4)).toBe('100%');
    expect(formatConfidence(null)).toBe('unknown');
  });
});

describe('changedValues', () => {
  it('keeps only values that differ, treating missing as null', () => {
    expect(changedValues({ category: 'billing', priority: null }, { category: 'billing', priority: 'high', product: null })).toEqual({ priority: 'high' });
  });
});
