import { describe, expect, it } from 'vitest';
import { toPredictorTestView } from './predictor-test-result';

describe('toPredictorTestView', () => {
  it('normalizes per-predictor results', () => {
    const view = toPredictorTestView({
      results: [
        { predictor: { id: 'regex', version: '1' }, predictions: [{ field: 'orderNumber', value: 'ORD-55120', confidence: 0.95, evidence: [{ quote: 'ORD-55120' }] }] },
        { predictorId: 'llm', error: { message: 'no provider configured' }, warnings: ['skipped'] },
      ],
    });
    expect(view).toEqual([
      { predictor: 'regex', predictions: [{ field: 'orderNumber', value: 'ORD-55120', confidence: 0.95, quotes: ['ORD-55120'] }], warnings: [], error: null },
      { predictor: 'llm', predictions: [], warnings: ['skipped'], error: 'no provider configured' },
    ]);
  });
  it('accepts a bare list and nothing', () => {
    expect(toPredictorTestView([{ predictor: 'rules' }])[0]?.predictor).toBe('rules');
    expect(toPredictorTestView(null)).toEqual([]);
  });
});
