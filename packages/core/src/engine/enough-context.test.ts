import { describe, expect, it } from 'vitest';
import { buildFieldDefinition } from '../testing/builders.js';
import { describeMissingContext, evaluateEnoughContext } from './enough-context.js';

const category = buildFieldDefinition({ key: 'category', label: 'Category', type: 'choice', options: [{ value: 'billing' }], requiredForCreation: true });
const email = buildFieldDefinition({ key: 'email', label: 'Email', type: 'email', requiredForCreation: true, fillOn: ['emailCreation', 'updates'] });
const notes = buildFieldDefinition({ key: 'notes', type: 'longText' });
const fields = [category, email, notes];
const filled = (value: string | null) => ({ value, source: 'ai' as const, updatedAt: '2026-01-01T00:00:00.000Z' });

describe('evaluateEnoughContext', () => {
  it('is enough when every required field fillable in the scope has a value', () => {
    expect(evaluateEnoughContext({ fields, scope: 'chatCreation', fieldStates: { category: filled('billing') } })).toEqual({
      enough: true,
      required: ['category'],
      missing: [],
    });
  });

  it('is not enough when a required field in the scope is missing or empty', () => {
    expect(evaluateEnoughContext({ fields, scope: 'emailCreation', fieldStates: { category: filled('billing'), email: filled(null) } })).toEqual({
      enough: false,
      required: ['category', 'email'],
      missing: ['email'],
    });
    expect(evaluateEnoughContext({ fields, scope: 'chatCreation', fieldStates: {} }).missing).toEqual(['category']);
  });

  it('counts values from the channel as well as predictions', () => {
    const fieldStates = { category: { value: 'billing', source: 'channel' as const, updatedAt: '2026-01-01T00:00:00.000Z' } };
    expect(evaluateEnoughContext({ fields, scope: 'chatCreation', fieldStates }).enough).toBe(true);
  });

  it('is trivially enough when no field is required', () => {
    expect(evaluateEnoughContext({ fields: [notes], scope: 'chatCreation', fieldStates: {} }).enough).toBe(true);
  });
});

describe('describeMissingContext', () => {
  it('names the missing fields by label', () => {
    expect(describeMissingContext(fields, ['category', 'email'])).toBe('Not enough context yet: no value could be predicted for Category, Email');
  });
});
