import { describe, expect, it } from 'vitest';
import { onlyField, toPredictorTestView } from './predictor-test-result';

const answer = {
  results: [
    {
      predictor: { id: 'regex', version: '1' },
      predictions: [
        { field: 'orderNumber', value: 'ORD-55120', confidence: 0.95, clearsThreshold: true, evidence: [{ quote: 'ORD-55120' }] },
        { field: 'customerEmail', value: 'a@b.co', confidence: 0.5, clearsThreshold: false, evidence: [] },
      ],
      warnings: [],
      error: null,
    },
    { predictor: { id: 'llm', version: '1' }, predictions: [], warnings: ['skipped'], error: { code: 'AUTH', message: 'no API key' } },
  ],
  merged: { fields: { orderNumber: { value: 'ORD-55120', confidence: 0.95, predictor: 'regex' } }, abstentions: [{ field: 'customerEmail', reason: 'all-rejected', detail: 'regex: confidence 0.5 is below 0.7' }] },
};

describe('toPredictorTestView', () => {
  it('normalizes per-predictor results and the merged outcome', () => {
    const view = toPredictorTestView(answer);
    expect(view.results[0]?.predictions[0]).toEqual({ field: 'orderNumber', value: 'ORD-55120', confidence: 0.95, quotes: ['ORD-55120'], clearsThreshold: true });
    expect(view.results[1]).toEqual({ predictor: 'llm', predictions: [], warnings: ['skipped'], error: 'AUTH: no API key' });
    expect(view.merged).toEqual([{ field: 'orderNumber', value: 'ORD-55120', confidence: 0.95, predictor: 'regex' }]);
    expect(view.abstentions).toEqual([{ field: 'customerEmail', detail: 'regex: confidence 0.5 is below 0.7' }]);
  });

  it('accepts a bare list and nothing', () => {
    expect(toPredictorTestView([{ predictor: 'rules' }]).results[0]?.predictor).toBe('rules');
    expect(toPredictorTestView(null)).toEqual({ results: [], merged: [], abstentions: [] });
  });

  it('narrows to one field', () => {
    const view = onlyField(toPredictorTestView(answer), 'customerEmail');
    expect(view.results[0]?.predictions.map((prediction) => prediction.field)).toEqual(['customerEmail']);
    expect(view.merged).toEqual([]);
    expect(view.abstentions).toHaveLength(1);
  });
});
