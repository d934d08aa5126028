import { describe, expect, it } from 'vitest';
import { describeTrainingProgress, importContentType, toImportReport } from './learned-model';

describe('import report', () => {
  it('normalizes row numbers and counts', () => {
    expect(toImportReport({ imported: 98, errors: [{ row: 4, field: 'category', message: 'unknown option "x"' }, { index: 9, message: 'missing text' }] })).toEqual({
      imported: 98,
      skipped: 2,
      errors: [
        { row: 4, field: 'category', message: 'unknown option "x"' },
        { row: 10, message: 'missing text' },
      ],
    });
    expect(toImportReport(null)).toEqual({ imported: 0, skipped: 0, errors: [] });
  });

  it('chooses the content type from the file', () => {
    expect(importContentType({ name: 'cases.CSV', type: '' })).toBe('text/csv');
    expect(importContentType({ name: 'cases.json', type: 'application/json' })).toBe('application/json');
    expect(importContentType({ name: 'cases.jsonl', type: '' })).toBe('application/x-ndjson');
  });
});

describe('describeTrainingProgress', () => {
  it('names the field, the stage and the progress', () => {
    expect(describeTrainingProgress({ status: 'training', currentField: 'category', stage: 'vectorizing', progress: 0.4 })).toBe('Training category (vectorizing) · 40%');
    expect(describeTrainingProgress({ status: 'training' })).toBe('Training');
  });
});
