import { describe, expect, it } from 'vitest';
import { FieldDefinitionSchema } from '@autocase/core';
import { ImportFormatError, parseCaseImport } from './case-import-parser.js';

const fields = [
  FieldDefinitionSchema.parse({ key: 'category', label: 'Category', type: 'choice', options: [{ value: 'billing' }, { value: 'shipping' }] }),
  FieldDefinitionSchema.parse({ key: 'intent', label: 'Intent', type: 'lookup' }),
];

describe('parseCaseImport', () => {
  it('keeps good CSV rows and names the line and field of bad ones', () => {
    const csv = 'text,category,intent\n"I was charged twice",billing,refund\n"Where is my parcel?",delivery,track\n,shipping,track\n"short row",billing\n"Parcel, late",shipping,\n';
    const result = parseCaseImport(csv, 'text/csv', fields);
    expect(result.cases).toEqual([
      { row: 2, text: 'I was charged twice', fields: { category: 'billing', intent: 'refund' } },
      { row: 6, text: 'Parcel, late', fields: { category: 'shipping' } },
    ]);
    expect(result.errors.map((error) => [error.row, error.field])).toEqual([[3, 'category'], [4, 'text'], [5, undefined]]);
    expect(result.errors[0]?.message).toContain('category:');
    expect(result.errors[2]?.message).toContain('header has 3 columns');
  });

  it('joins subject and description and refuses unknown CSV columns as a whole', () => {
    const result = parseCaseImport('subject,description,category\nRefund,Please refund me,billing\n', undefined, fields);
    expect(result.cases[0]).toMatchObject({ text: 'Refund\nPlease refund me', fields: { category: 'billing' } });
    expect(() => parseCaseImport('text,colour\nhello,red\n', 'text/csv', fields)).toThrow(/"colour" are not case fields/);
    expect(() => parseCaseImport('category\nbilling\n', 'text/csv', fields)).toThrow(ImportFormatError);
  });

  it('reads JSON arrays and NDJSON with per-row errors', () => {
    const json = JSON.stringify([{ text: 'Charged twice', fields: { category: 'billing' } }, { text: 'x', fields: { colour: 'red' } }, 'nope', { subject: 'Late', fields: {} }]);
    const result = parseCaseImport(json, 'application/json', fields);
    expect(result.cases).toHaveLength(1);
    expect(result.errors.map((error) => error.row)).toEqual([2, 3, 4]);
    expect(result.errors[0]?.message).toMatch(/colour: not a configured case field/);
    expect(result.errors[2]?.message).toMatch(/no field values/);
    const ndjson = parseCaseImport('{"text":"a","fields":{"intent":"x"}}\n\n{bad\n', 'application/x-ndjson', fields);
    expect(ndjson.cases).toEqual([{ row: 1, text: 'a', fields: { intent: 'x' } }]);
    expect(ndjson.errors[0]).toMatchObject({ row: 3 });
    expect(() => parseCaseImport('{"a":1}', 'application/json', fields)).toThrow(/array of cases/);
    expect(() => parseCaseImport('  ', 'text/csv', fields)).toThrow(/empty/);
  });
});
