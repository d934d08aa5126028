import { describe, expect, it } from 'vitest';
import type { CaseFieldState, FieldSource } from '../domain/case.js';
import { FILL_SCOPES, type FieldValue } from '../domain/field-definition.js';
import type { Prediction } from '../domain/prediction.js';
import { buildFieldDefinition, buildSettings } from '../testing/builders.js';
import { mergePredictions } from './merge-predictions.js';

/** Small deterministic PRNG (mulberry32) so every run checks the same 500 scenarios. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const fields = [
  buildFieldDefinition({ key: 'category', type: 'choice', options: [{ value: 'billing' }, { value: 'shipping' }], threshold: 0.6, predictors: ['rules', 'llm'] }),
  buildFieldDefinition({ key: 'email', type: 'email', fillOn: ['chatCreation', 'updates'] }),
  buildFieldDefinition({ key: 'amount', type: 'number', threshold: 0.8 }),
  buildFieldDefinition({ key: 'note', type: 'text', fillOn: ['updates'] }),
];
const candidateValues: Record<string, FieldValue[]> = {
  category: ['billing', 'shipping', 'refund', 3],
  email: ['a@example.com', 'b@example.com', 'nope'],
  amount: [1, 2.5, 'abc', '7'],
  note: ['hello', '', 'world'],
  unknown: ['x'],
};
const predictorIds = ['rules', 'llm', 'regex', 'learned', 'acme'];
const sources: FieldSource[] = ['ai', 'agent', 'rule', 'channel', 'import'];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

describe('mergePredictions invariants over random scenarios', () => {
  it('holds for 500 seeded scenarios', () => {
    const next = random(20260101);
    const seen = { changed: 0, protected: 0, belowThreshold: 0, invalid: 0 };
    for (let scenario = 0; scenario < 500; scenario += 1) {
      const allowOverride = next() < 0.3;
      const settings = buildSettings({ allowAiOverrideOfAgentEdits: allowOverride });
      const scope = pick(next, FILL_SCOPES);
      const current: Record<string, CaseFieldState> = {};
      for (const field of fields) {
        if (next() < 0.5) current[field.key] = { value: pick(next, candidateValues[field.key]!), source: pick(next, sources), updatedAt: '2026-01-01T00:00:00.000Z' };
      }
      const predictions: Prediction[] = Array.from({ length: Math.floor(next() * 8) }, () => {
        const field = pick(next, Object.keys(candidateValues));
        return { field, value: pick(next, candidateValues[field]!), confidence: Math.round(next() * 100) / 100, evidence: [], predictor: { id: pick(next, predictorIds), version: '1' } };
      });
      const snapshot = structuredClone(current);
      const result = mergePredictions({ fields, settings, current, scope, predictions, at: '2026-02-01T00:00:00.000Z' });

      expect(current).toEqual(snapshot);
      expect(result.decisions).toHaveLength(predictions.length);
      expect(result.auditEntries.map((entry) => entry.field)).toEqual(result.changed);
      expect(new Set(result.changed).size).toBe(result.changed.length);
      for (const key of result.changed) {
        const field = fields.find((definition) => definition.key === key)!;
        const state = result.fields[key]!;
        expect(field.fillOn).toContain(scope);
        expect(state.source).toBe('ai');
        expect(state.confidence).toBeGreaterThanOrEqual(field.threshold);
        expect(field.predictors.length === 0 || field.predictors.includes(state.predictor!.id)).toBe(true);
        if (!allowOverride) expect(snapshot[key]?.source).not.toBe('agent');
        expect(state.value).not.toBe(snapshot[key]?.value);
      }
      for (const [key, state] of Object.entries(result.fields)) {
        if (!result.changed.includes(key)) expect(state).toEqual(snapshot[key]);
      }
      expect(result.decisions.filter((entry) => entry.reason === 'accepted').map((entry) => entry.field)).toEqual(result.changed);
      seen.changed += result.changed.length;
      seen.protected += result.decisions.filter((entry) => entry.reason === 'agent-edit-protected').length;
      seen.belowThreshold += result.decisions.filter((entry) => entry.reason === 'below-threshold').length;
      seen.invalid += result.decisions.filter((entry) => entry.reason === 'invalid-value').length;
    }
    // The scenarios really exercise every path.
    expect(seen.changed).toBeGreaterThan(100);
    expect(seen.protected).toBeGreaterThan(5);
    expect(seen.belowThreshold).toBeGreaterThan(100);
    expect(seen.invalid).toBeGreaterThan(100);
  });
});
