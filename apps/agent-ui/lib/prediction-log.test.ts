import type { FieldDefinition } from '@autocase/core';
import { describe, expect, it } from 'vitest';
import { describeRun, explainAbstention, explainDecision, predictionLogPath, type PredictionDecisionView } from './prediction-log';

const priority = { key: 'priority', label: 'Priority', type: 'choice', threshold: 0.8 } as FieldDefinition;
const decision = (overrides: Partial<PredictionDecisionView>): PredictionDecisionView => ({
  field: 'priority',
  predictor: { id: 'rules', version: '1.0.0' },
  value: 'high',
  confidence: 0.52,
  accepted: false,
  reason: 'below-threshold',
  detail: 'confidence 0.52 is below the field threshold 0.7',
  ...overrides,
});

describe('prediction log explanations', () => {
  it('names the threshold the engine applied and the predicted confidence', () => {
    expect(explainDecision(decision({}), priority)).toBe('Below the 70% threshold (predicted 52%)');
  });

  it("falls back to the field's threshold when the detail does not name one", () => {
    expect(explainDecision(decision({ detail: null }), priority)).toBe('Below the 80% threshold (predicted 52%)');
    expect(explainDecision(decision({ detail: null }), undefined)).toBe('Below the field’s threshold (predicted 52%)');
  });

  it('explains accepted, protected and invalid predictions', () => {
    expect(explainDecision(decision({ reason: 'accepted', accepted: true, confidence: 0.9 }), priority)).toBe('Accepted (confidence 90%)');
    expect(explainDecision(decision({ reason: 'agent-edit-protected' }), priority)).toBe('Kept: an agent set this value');
    expect(explainDecision(decision({ reason: 'invalid-value', detail: '"urgent" is not an option' }), priority)).toBe('Not a valid value: "urgent" is not an option');
  });

  it('explains abstentions', () => {
    expect(explainAbstention({ field: 'priority', reason: 'no-prediction', message: 'no predictor proposed a value' })).toBe('No predictor proposed a value');
    expect(explainAbstention({ field: 'priority', reason: 'kept-existing-value', message: 'an agent set this field by hand; the AI does not overwrite it' })).toBe('Kept: an agent set this value');
    expect(explainAbstention({ field: 'priority', reason: 'kept-existing-value', message: 'the value came from channel and is kept' })).toBe('Kept: the value came from the channel');
    expect(explainAbstention({ field: 'priority', reason: 'kept-existing-value', message: 'kept' })).toBe('Kept the existing value');
    expect(explainAbstention({ field: 'priority', reason: 'all-rejected', message: 'rules: confidence 0.5 is below the field threshold 0.7' })).toBe('Every prediction was rejected');
  });

  it('describes what started a run and encodes the case id', () => {
    expect(describeRun({ scope: 'chatCreation', trigger: 'accept' })).toBe('Case creation from a chat — the agent accepted the chat');
    expect(describeRun({ scope: 'updates', trigger: 'nightly' })).toBe('Case update — nightly');
    expect(predictionLogPath('CAS-1/x')).toBe('/cases/CAS-1%2Fx/predictions');
  });
});
