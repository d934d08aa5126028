import { describe, expect, it } from 'vitest';
import { errorsByFieldIndex, fromDrafts, keyFromLabel, localFieldErrors, moveItem, newFieldDraft, toDrafts } from './field-draft';

describe('keyFromLabel', () => {
  it('camel-cases a label into a valid key', () => {
    expect(keyFromLabel('Order number (ref)')).toBe('orderNumberRef');
    expect(keyFromLabel('  Product  ')).toBe('product');
    expect(keyFromLabel('2nd contact')).toBe('ndContact');
    expect(keyFromLabel('!!!')).toBe('field');
  });
});

describe('moveItem', () => {
  it('moves within bounds and ignores moves past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('errorsByFieldIndex', () => {
  it('groups API paths by field index with or without a prefix', () => {
    const grouped = errorsByFieldIndex({ '0.options.1.value': 'duplicate option "a"', 'fields.2.key': 'key is required', '1': 'bad field', '(body)': 'whole body' });
    expect(grouped.get(0)).toEqual({ 'options.1.value': 'duplicate option "a"' });
    expect(grouped.get(2)).toEqual({ key: 'key is required' });
    expect(grouped.get(1)).toEqual({ '': 'bad field' });
    expect(grouped.size).toBe(3);
  });
});

describe('drafts', () => {
  it('round-trips definitions without the client id and avoids key clashes for new fields', () => {
    const drafts = toDrafts([{ key: 'product', label: 'Product', type: 'text', options: [], description: '', requiredForCreation: false, fillOn: [], predictors: [], threshold: 0.5 }]);
    expect(drafts[0]?.draftId).toBeTruthy();
    expect(fromDrafts(drafts)[0]).not.toHaveProperty('draftId');
    expect(newFieldDraft(['newField2', 'other']).key).toBe('newField3');
  });

  it('finds local problems: bad key, duplicates, empty choice, empty option value', () => {
    const base = newFieldDraft([]);
    const errors = localFieldErrors([
      { ...base, key: 'Bad key' },
      { ...base, key: 'same' },
      { ...base, key: 'same', type: 'choice' },
      { ...base, key: 'opts', options: [{ value: ' ', description: '' }] },
    ]);
    expect(errors.get(0)?.key).toMatch(/lowercase letter/);
    expect(errors.get(1)).toBeUndefined();
    expect(errors.get(2)?.key).toBe('duplicate field key "same"');
    expect(errors.get(2)?.options).toMatch(/needs at least one option/);
    expect(errors.get(3)?.['options.0.value']).toBe('option value must not be empty');
  });
});
