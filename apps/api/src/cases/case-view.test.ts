import { describe, expect, it } from 'vitest';
import { toCaseView } from './case-view.js';

describe('toCaseView', () => {
  it('gives every field value, source, confidence, evidence and updatedAt, with explicit nulls', () => {
    const view = toCaseView({
      id: 'c1',
      number: 'CAS-00001',
      title: 'Refund',
      status: 'new',
      channel: 'chat',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
      fields: {
        category: { value: 'billing', source: 'ai', updatedAt: '2026-01-01T00:00:00.000Z', confidence: 0.9, evidence: [{ messageId: 'm1', quote: 'charged twice' }], predictor: { id: 'llm', version: '1' } },
        priority: { value: 'high', source: 'agent', updatedAt: '2026-01-01T00:01:00.000Z', actorId: 'u1' },
      },
    });
    expect(view.fields.category).toEqual({ value: 'billing', source: 'ai', confidence: 0.9, evidence: [{ messageId: 'm1', quote: 'charged twice' }], updatedAt: '2026-01-01T00:00:00.000Z', predictor: { id: 'llm', version: '1' }, actorId: null });
    expect(view.fields.priority).toEqual({ value: 'high', source: 'agent', confidence: null, evidence: [], updatedAt: '2026-01-01T00:01:00.000Z', predictor: null, actorId: 'u1' });
  });
});
