import { describe, expect, it } from 'vitest';
import { isFinished, toBacktestReport } from './backtest-report';

describe('toBacktestReport', () => {
  it('reads a finished run with figures and one page of cases', () => {
    const report = toBacktestReport({
      id: 'run-1',
      status: 'done',
      progress: 1,
      processed: 2,
      total: 2,
      uploadErrors: [{ row: 3, field: 'category', message: 'unknown option' }],
      fields: [
        { field: 'category', evaluated: 4, predicted: 3, correct: 3, abstained: 1, matchRate: 0.75, coverage: 0.75, precision: 1, threshold: 0.7 },
        { field: 'priority', evaluated: 0, correct: 0 },
      ],
      cases: [{ id: 'row-1', title: 'Row 1', fields: { category: { actual: 'Billing', predicted: 'billing', confidence: 0.9, predictor: { id: 'learned', version: '1' }, evidence: [{ quote: 'charged twice' }], abstention: null } } }],
      casesPage: { page: 1, pageSize: 25, total: 2 },
    });
    expect(isFinished(report)).toBe(true);
    expect(report.fields[0]).toEqual({ field: 'category', evaluated: 4, matched: 3, abstained: 1, rate: 0.75, coverage: 0.75, precision: 1, threshold: 0.7 });
    expect(report.fields[1]?.rate).toBeNull();
    expect(report.uploadErrors).toEqual([{ row: 3, field: 'category', message: 'unknown option' }]);
    expect(report.cases[0]).toEqual({
      id: 'row-1',
      label: 'Row 1',
      error: null,
      fields: { category: { actual: 'Billing', predicted: 'billing', proposed: null, confidence: 0.9, predictor: 'learned', evidence: ['charged twice'], match: true, abstention: null } },
    });
    expect(report.casesPage).toEqual({ page: 1, pageSize: 25, total: 2 });
  });

  it('reads what was scored, failing predictors and the proposals of abstained rows', () => {
    const report = toBacktestReport({
      status: 'done',
      evaluation: { split: 'unseen', description: 'Only examples the learned model never saw are scored.' },
      predictorFailures: [{ predictorId: 'llm', failedExamples: 40, failedEverywhere: true, code: 'AUTH', message: 'OPENAI_API_KEY environment variable' }],
      cases: [{ id: 'row-1', fields: { category: { actual: 'billing', predicted: null, proposed: 'shipping', confidence: 0.4, match: false, abstention: 'below the threshold' } } }],
    });
    expect(report.evaluation).toBe('Only examples the learned model never saw are scored.');
    expect(report.predictorFailures).toEqual([{ predictorId: 'llm', failedExamples: 40, everywhere: true, message: 'OPENAI_API_KEY environment variable' }]);
    expect(report.cases[0]?.fields.category).toMatchObject({ predicted: null, proposed: 'shipping', confidence: 0.4 });
  });

  it('reads a queued run and a synchronous answer keyed by field', () => {
    const queued = toBacktestReport({ id: 'run-2', status: 'queued', total: 40 });
    expect(isFinished(queued)).toBe(false);
    expect(queued.progress).toBe(0);
    const sync = toBacktestReport({ fields: { product: { total: 2, matched: 1, rate: 0.5 } }, cases: [{ fields: { product: { actual: 'a', predicted: 'a', match: false } } }] });
    expect(sync.status).toBe('done');
    expect(sync.fields[0]).toMatchObject({ field: 'product', evaluated: 2, matched: 1, rate: 0.5 });
    expect(sync.cases[0]?.label).toBe('Row 1');
    expect(sync.cases[0]?.fields.product?.match).toBe(false);
  });
});
