import type { PredictionLogEntry } from '@autocase/core';
import { describe, expect, it } from 'vitest';
import { toPredictionLogView } from './prediction-log-view.js';

const entry = (id: string, overrides: Partial<PredictionLogEntry> = {}): PredictionLogEntry => ({
  id,
  caseId: 'case-1',
  at: '2026-11-24T10:00:00.000Z',
  scope: 'updates',
  trigger: 'agent-request',
  decisions: [],
  changed: [],
  errors: [],
  warnings: [],
  ...overrides,
});

describe('toPredictionLogView', () => {
  it('lists runs newest first with the predictors that proposed or failed', () => {
    const view = toPredictionLogView([
      entry('first'),
      entry('second', {
        decisions: [
          { field: 'category', predictor: { id: 'llm', version: '2', model: 'gpt-x' }, value: 'billing', confidence: 0.8, accepted: true, reason: 'accepted' },
          { field: 'priority', predictor: { id: 'llm', version: '2', model: 'gpt-x' }, value: 'high', confidence: 0.5, accepted: false, reason: 'below-threshold', detail: 'confidence 0.5 is below the field threshold 0.7' },
        ],
        abstentions: [{ field: 'priority', reason: 'all-rejected', detail: 'llm: confidence 0.5 is below the field threshold 0.7' }],
        errors: [{ predictorId: 'learned', code: 'TEMPORARY', message: 'model loading', retryable: true }],
      }),
    ]);
    expect(view.total).toBe(2);
    expect(view.items.map((item) => item.id)).toEqual(['second', 'first']);
    const [latest] = view.items;
    expect(latest?.predictors).toEqual([
      { id: 'llm', version: '2', model: 'gpt-x' },
      { id: 'learned', version: 'unknown' },
    ]);
    expect(latest?.decisions[0]?.detail).toBeNull();
    expect(latest?.decisions[1]?.detail).toBe('confidence 0.5 is below the field threshold 0.7');
    expect(latest?.abstentions).toEqual([{ field: 'priority', reason: 'all-rejected', message: 'llm: confidence 0.5 is below the field threshold 0.7' }]);
    expect(view.items[1]?.abstentions).toEqual([]);
  });
});
