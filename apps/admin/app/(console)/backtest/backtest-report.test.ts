import { describe, expect, it } from 'vitest';
import { toBacktestReport } from './backtest-report';

describe('toBacktestReport', () => {
  it('computes missing rates and match flags', () => {
    const report = toBacktestReport({
      fields: [{ field: 'category', evaluated: 4, matched: 3 }, { field: 'priority', evaluated: 0, matched: 0 }],
      cases: [{ caseId: 'c1', number: 'CAS-00001', fields: { category: { actual: 'Billing', predicted: 'billing', confidence: 0.9, predictor: { id: 'learned' }, evidence: [{ quote: 'charged twice' }] } } }],
    });
    expect(report.fields[0]).toEqual({ field: 'category', evaluated: 4, matched: 3, abstained: 0, rate: 0.75 });
    expect(report.fields[1]?.rate).toBeNull();
    expect(report.cases[0]).toEqual({
      id: 'c1',
      label: 'CAS-00001',
      fields: { category: { actual: 'Billing', predicted: 'billing', confidence: 0.9, predictor: 'learned', evidence: ['charged twice'], match: true } },
    });
  });

  it('accepts fields keyed by name and an explicit mismatch', () => {
    const report = toBacktestReport({ fields: { product: { total: 2, correct: 1, matchRate: 0.5 } }, cases: [{ fields: { product: { actual: 'a', predicted: 'a', match: false } } }] });
    expect(report.fields).toEqual([{ field: 'product', evaluated: 2, matched: 1, abstained: 0, rate: 0.5 }]);
    expect(report.cases[0]?.label).toBe('Row 1');
    expect(report.cases[0]?.fields.product?.match).toBe(false);
  });
});
