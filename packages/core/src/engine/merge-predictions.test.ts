import { describe, expect, it } from 'vitest';
import type { CaseFieldState } from '../domain/case.js';
import { buildFieldDefinition, buildPrediction, buildSettings } from '../testing/builders.js';
import { fieldsOpenToAi, mergePredictions, type MergePredictionsInput } from './merge-predictions.js';

const AT = '2026-01-02T03:04:05.000Z';
const EARLIER = '2026-01-01T00:00:00.000Z';

const category = buildFieldDefinition({
  key: 'category',
  label: 'Category',
  type: 'choice',
  options: [{ value: 'billing' }, { value: 'shipping' }, { value: 'returns' }],
  threshold: 0.6,
});
const email = buildFieldDefinition({ key: 'email', type: 'email', predictors: ['regex', 'llm'], threshold: 0.5 });
const orderId = buildFieldDefinition({ key: 'orderId', type: 'text', fillOn: ['emailCreation', 'updates'] });

function merge(overrides: Partial<MergePredictionsInput>) {
  return mergePredictions({
    fields: [category, email, orderId],
    settings: buildSettings(),
    scope: 'chatCreation',
    predictions: [],
    at: AT,
    ...overrides,
  });
}

function state(value: CaseFieldState['value'], source: CaseFieldState['source']): CaseFieldState {
  return { value, source, updatedAt: EARLIER };
}

describe('mergePredictions', () => {
  it('accepts a prediction above the threshold and records provenance, audit and decision', () => {
    const prediction = buildPrediction('category', 'billing', 0.9, 'llm', [{ messageId: 'm1', quote: 'I was charged twice' }]);
    const result = merge({ predictions: [prediction] });
    expect(result.changed).toEqual(['category']);
    expect(result.fields.category).toEqual({
      value: 'billing',
      source: 'ai',
      updatedAt: AT,
      predictor: { id: 'llm', version: '1' },
      confidence: 0.9,
      evidence: [{ messageId: 'm1', quote: 'I was charged twice' }],
    });
    expect(result.auditEntries).toEqual([
      {
        at: AT,
        action: 'field-changed',
        field: 'category',
        oldValue: null,
        newValue: 'billing',
        actor: { type: 'ai', id: 'llm' },
        source: 'ai',
        reason: 'predicted from the conversation when the case was created',
        predictor: { id: 'llm', version: '1' },
        confidence: 0.9,
        evidence: [{ messageId: 'm1', quote: 'I was charged twice' }],
      },
    ]);
    expect(result.decisions).toEqual([expect.objectContaining({ field: 'category', accepted: true, reason: 'accepted' })]);
    expect(result.accepted).toEqual([prediction]);
  });

  it('abstains below the field threshold and says why', () => {
    const result = merge({ predictions: [buildPrediction('category', 'billing', 0.55, 'llm')] });
    expect(result.changed).toEqual([]);
    expect(result.fields).toEqual({});
    expect(result.decisions).toEqual([
      expect.objectContaining({ accepted: false, reason: 'below-threshold', detail: 'confidence 0.55 is below the field threshold 0.6' }),
    ]);
  });

  it('accepts a prediction exactly at the threshold', () => {
    expect(merge({ predictions: [buildPrediction('category', 'billing', 0.6, 'llm')] }).changed).toEqual(['category']);
  });

  it('uses the field predictor order as precedence, over confidence', () => {
    const result = merge({
      predictions: [buildPrediction('email', 'b@example.com', 0.99, 'llm'), buildPrediction('email', 'a@example.com', 0.7, 'regex')],
    });
    expect(result.fields.email?.value).toBe('a@example.com');
    expect(result.decisions).toContainEqual(
      expect.objectContaining({ predictor: { id: 'llm', version: '1' }, accepted: false, reason: 'lower-precedence', detail: 'regex takes precedence for this field' }),
    );
  });

  it('falls back to the settings precedence when the field names no predictors', () => {
    const settings = buildSettings({ predictorPrecedence: ['learned', 'llm'] });
    const result = merge({
      settings,
      predictions: [buildPrediction('category', 'shipping', 0.95, 'llm'), buildPrediction('category', 'returns', 0.7, 'learned')],
    });
    expect(result.fields.category?.value).toBe('returns');
  });

  it('breaks ties in precedence by confidence, ranking unknown predictors last', () => {
    const result = merge({
      settings: buildSettings({ predictorPrecedence: ['rules'] }),
      predictions: [
        buildPrediction('category', 'shipping', 0.7, 'acme'),
        buildPrediction('category', 'returns', 0.8, 'other'),
      ],
    });
    expect(result.fields.category?.value).toBe('returns');
    const withRules = merge({
      settings: buildSettings({ predictorPrecedence: ['rules'] }),
      predictions: [buildPrediction('category', 'returns', 0.99, 'other'), buildPrediction('category', 'billing', 0.61, 'rules')],
    });
    expect(withRules.fields.category?.value).toBe('billing');
  });

  it('ignores a higher-precedence prediction that is below threshold or invalid', () => {
    const result = merge({
      predictions: [
        buildPrediction('email', 'not-an-email', 0.99, 'regex'),
        buildPrediction('email', 'c@example.com', 0.6, 'llm'),
      ],
    });
    expect(result.fields.email?.value).toBe('c@example.com');
    expect(result.decisions).toContainEqual(expect.objectContaining({ predictor: { id: 'regex', version: '1' }, reason: 'invalid-value' }));
  });

  it('rejects predictors the field does not allow', () => {
    const result = merge({ predictions: [buildPrediction('email', 'a@example.com', 0.99, 'learned')] });
    expect(result.changed).toEqual([]);
    expect(result.decisions).toEqual([expect.objectContaining({ reason: 'predictor-not-allowed', detail: 'only regex, llm may propose this field' })]);
  });

  it('rejects values outside the options, of the wrong type, empty, or with a bad confidence', () => {
    const result = merge({
      predictions: [
        buildPrediction('category', 'refund', 0.9, 'llm'),
        buildPrediction('category', 12, 0.9, 'rules'),
        buildPrediction('category', '', 0.9, 'regex'),
        buildPrediction('category', 'billing', 1.5, 'learned'),
      ],
    });
    expect(result.changed).toEqual([]);
    expect(result.decisions.map((entry) => entry.reason)).toEqual(['invalid-value', 'invalid-value', 'invalid-value', 'invalid-value']);
    expect(result.decisions[0]?.detail).toContain('"refund" is not one of the allowed options');
  });

  it('normalises an accepted value (option label or casing to the option value)', () => {
    const result = merge({ predictions: [buildPrediction('category', 'Billing', 0.9, 'llm')] });
    expect(result.fields.category?.value).toBe('billing');
    expect(result.auditEntries[0]?.newValue).toBe('billing');
  });

  it('does not fill fields outside the scope', () => {
    const result = merge({ predictions: [buildPrediction('orderId', 'A-1', 0.99, 'regex')] });
    expect(result.changed).toEqual([]);
    expect(result.decisions).toEqual([
      expect.objectContaining({ reason: 'field-not-fillable-here', detail: 'the AI may fill this field on emailCreation, updates, not on chatCreation' }),
    ]);
    expect(merge({ scope: 'updates', predictions: [buildPrediction('orderId', 'A-1', 0.99, 'regex')] }).changed).toEqual(['orderId']);
  });

  it('reports predictions for unknown fields', () => {
    const result = merge({ predictions: [buildPrediction('sentiment', 'angry', 0.9, 'acme')] });
    expect(result.decisions).toEqual([expect.objectContaining({ reason: 'unknown-field', accepted: false })]);
  });

  it('never overwrites a field an agent set', () => {
    const current = { category: state('shipping', 'agent') };
    const result = merge({ scope: 'updates', current, predictions: [buildPrediction('category', 'billing', 0.99, 'llm')] });
    expect(result.changed).toEqual([]);
    expect(result.fields.category).toEqual(current.category);
    expect(result.auditEntries).toEqual([]);
    expect(result.decisions).toEqual([expect.objectContaining({ reason: 'agent-edit-protected', accepted: false })]);
  });

  it('keeps a value an agent cleared on purpose', () => {
    const result = merge({ scope: 'updates', current: { category: state(null, 'agent') }, predictions: [buildPrediction('category', 'billing', 0.99, 'llm')] });
    expect(result.changed).toEqual([]);
    expect(result.fields.category?.value).toBeNull();
  });

  it('overwrites an agent value when the admin allows it, auditing the old value', () => {
    const result = merge({
      scope: 'updates',
      settings: buildSettings({ allowAiOverrideOfAgentEdits: true }),
      current: { category: state('shipping', 'agent') },
      predictions: [buildPrediction('category', 'billing', 0.99, 'llm')],
    });
    expect(result.changed).toEqual(['category']);
    expect(result.auditEntries[0]).toMatchObject({ oldValue: 'shipping', newValue: 'billing', source: 'ai' });
  });

  it('updates values that came from the AI, a rule or the channel', () => {
    const result = merge({
      scope: 'updates',
      current: { category: state('shipping', 'ai'), email: state('old@example.com', 'channel') },
      predictions: [buildPrediction('category', 'billing', 0.9, 'llm'), buildPrediction('email', 'new@example.com', 0.9, 'regex')],
    });
    expect(result.changed).toEqual(['category', 'email']);
  });

  it('keeps values of extra protected sources', () => {
    const result = merge({
      current: { email: state('pre@example.com', 'channel') },
      protectedSources: ['channel'],
      predictions: [buildPrediction('email', 'other@example.com', 0.9, 'regex')],
    });
    expect(result.changed).toEqual([]);
    expect(result.decisions).toEqual([expect.objectContaining({ reason: 'source-protected', detail: 'the value came from channel and is kept' })]);
  });

  it('marks a winner whose value is already there as unchanged, without audit', () => {
    const current = { category: state('billing', 'ai') };
    const result = merge({ scope: 'updates', current, predictions: [buildPrediction('category', 'billing', 0.9, 'llm')] });
    expect(result.changed).toEqual([]);
    expect(result.auditEntries).toEqual([]);
    expect(result.fields.category).toBe(current.category);
    expect(result.decisions).toEqual([expect.objectContaining({ accepted: true, reason: 'unchanged' })]);
    expect(result.accepted).toHaveLength(1);
  });

  it('keeps untouched fields and does not mutate the current states', () => {
    const current = { email: state('a@example.com', 'agent') };
    const snapshot = structuredClone(current);
    const result = merge({ scope: 'updates', current, predictions: [buildPrediction('category', 'billing', 0.9, 'llm')] });
    expect(result.fields.email).toEqual(snapshot.email);
    expect(current).toEqual(snapshot);
  });

  it('lists changed fields in field-definition order and uses a custom reason', () => {
    const result = merge({
      scope: 'updates',
      reason: 'update requested by agent u1',
      predictions: [buildPrediction('orderId', 'A-1', 0.9, 'regex'), buildPrediction('category', 'billing', 0.9, 'llm')],
    });
    expect(result.changed).toEqual(['category', 'orderId']);
    expect(result.auditEntries.map((entry) => entry.reason)).toEqual(['update requested by agent u1', 'update requested by agent u1']);
  });

  it('explains every field in scope that got no value: no prediction, all rejected, or kept', () => {
    const result = merge({
      scope: 'updates',
      current: { email: state('agent@example.com', 'agent') },
      predictions: [
        buildPrediction('category', 'billing', 0.55, 'llm'),
        buildPrediction('category', 'refund', 0.9, 'rules'),
        buildPrediction('email', 'a@example.com', 0.9, 'regex'),
      ],
    });
    expect(result.abstentions).toEqual([
      {
        field: 'category',
        reason: 'all-rejected',
        detail: 'llm: confidence 0.55 is below the field threshold 0.6; rules: Category (category): "refund" is not one of the allowed options (billing, shipping, returns)',
      },
      { field: 'email', reason: 'kept-existing-value', detail: 'an agent set this field by hand; the AI does not overwrite it' },
      { field: 'orderId', reason: 'no-prediction', detail: 'no predictor proposed a value' },
    ]);
  });

  it('lists no abstention for fields the scope does not cover or that got a value', () => {
    const result = merge({ predictions: [buildPrediction('category', 'billing', 0.9, 'llm'), buildPrediction('email', 'a@example.com', 0.9, 'regex')] });
    expect(result.abstentions).toEqual([]);
  });

  it('explains a protected field nobody predicted as kept', () => {
    const result = merge({ scope: 'updates', current: { category: state('shipping', 'agent') }, predictions: [] });
    expect(result.abstentions).toContainEqual({ field: 'category', reason: 'kept-existing-value', detail: 'an agent set this field by hand; the AI does not overwrite it' });
  });
});

describe('fieldsOpenToAi', () => {
  const current = { category: state('shipping', 'agent'), email: state('a@example.com', 'channel'), orderId: state('A-1', 'ai') };

  it('drops fields an agent set, and fields of extra protected sources', () => {
    expect(fieldsOpenToAi([category, email, orderId], current, buildSettings()).map((field) => field.key)).toEqual(['email', 'orderId']);
    expect(fieldsOpenToAi([category, email, orderId], current, buildSettings(), ['channel']).map((field) => field.key)).toEqual(['orderId']);
  });

  it('keeps every field when the admin allows overriding agents, or when there is no case yet', () => {
    expect(fieldsOpenToAi([category, email], current, buildSettings({ allowAiOverrideOfAgentEdits: true }))).toHaveLength(2);
    expect(fieldsOpenToAi([category, email], null, buildSettings())).toHaveLength(2);
  });
});
