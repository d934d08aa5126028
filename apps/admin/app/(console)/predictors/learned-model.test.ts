import { describe, expect, it } from 'vitest';
import { describeGuideAt, describeThresholdFigure, describeTrainingProgress, guideAt, guideThresholds, importContentType, toImportReport } from './learned-model';

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

describe('threshold guide', () => {
  it('lists every threshold any field has, in order, once', () => {
    expect(guideThresholds([
      { field: 'a', thresholds: [{ threshold: 0.9, precision: 1, coverage: 0.5 }, { threshold: 0.5, precision: 0.9, coverage: 1 }] },
      { field: 'b', thresholds: [{ threshold: 0.7, precision: 0.95, coverage: 0.8 }, { threshold: 0.9, precision: 1, coverage: 0.4 }] },
      { field: 'c', thresholds: null },
    ])).toEqual([0.5, 0.7, 0.9]);
    expect(guideThresholds(undefined)).toEqual([]);
  });

  it('finds the guide entry a field threshold falls under', () => {
    const guide = [0.9, 0.5, 0.7].map((threshold) => ({ threshold, precision: threshold + 0.05, coverage: 1.5 - threshold }));
    expect(guideAt(guide, 0.75)?.threshold).toBe(0.7);
    expect(guideAt(guide, 0.7)?.threshold).toBe(0.7);
    expect(guideAt(guide, 1)?.threshold).toBe(0.9);
    expect(guideAt(guide, 0.3)?.threshold).toBe(0.5);
    expect(guideAt(null, 0.7)).toBeNull();
    expect(describeGuideAt(guide, 0.85)).toBe('Learned model, held-out cases at ≥ 70%: 75% right · 80% answered');
    expect(describeGuideAt([], 0.85)).toBeNull();
  });

  it('says how often the model is right and how much it answers', () => {
    expect(describeThresholdFigure({ threshold: 0.7, precision: 0.9552, coverage: 0.9101 })).toBe('96% right · 91% answered');
    expect(describeThresholdFigure({ threshold: 0.95, precision: null, coverage: 0 })).toBe('answers none');
    expect(describeThresholdFigure(undefined)).toBe('—');
  });
});

describe('describeTrainingProgress', () => {
  it('names the field, the stage and the progress', () => {
    expect(describeTrainingProgress({ status: 'training', currentField: 'category', stage: 'vectorizing', progress: 0.4 })).toBe('Training category (vectorizing) · 40%');
    expect(describeTrainingProgress({ status: 'training' })).toBe('Training');
  });
});
