import type { FieldAbstention, FieldDefinition, PredictionDecision, PredictorRef } from '@autocase/core';
import { formatConfidence } from './field-values';

/** Why the engine took or refused a prediction: core's reasons, as the API sends them. */
export type PredictionDecisionReason = PredictionDecision['reason'];

export interface PredictionDecisionView {
  field: string;
  predictor: PredictorRef;
  value: unknown;
  confidence: number;
  accepted: boolean;
  reason: PredictionDecisionReason;
  detail: string | null;
}

export interface FieldAbstentionView {
  field: string;
  reason: FieldAbstention['reason'];
  message: string;
}

/** One prediction run as `GET /api/cases/:id/predictions` returns it. */
export interface PredictionLogEntryView {
  id: string;
  caseId: string;
  at: string;
  scope: 'chatCreation' | 'emailCreation' | 'updates';
  trigger: string;
  predictors: PredictorRef[];
  decisions: PredictionDecisionView[];
  abstentions: FieldAbstentionView[];
  changed: string[];
  errors: { predictorId: string; code: string; message: string; retryable: boolean }[];
  warnings: { predictorId: string; message: string }[];
}

export function predictionLogPath(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}/predictions`;
}

const SCOPE_LABEL: Record<PredictionLogEntryView['scope'], string> = {
  chatCreation: 'Case creation from a chat',
  emailCreation: 'Case creation from an email',
  updates: 'Case update',
};

const TRIGGER_LABEL: Record<string, string> = {
  accept: 'the agent accepted the chat',
  'wrap-up': 'the agent wrapped up the chat',
  end: 'the chat ended',
  'agent-request': 'an agent asked the AI to update the case',
  email: 'an email arrived',
};

/** "Case creation from a chat — the agent accepted the chat". */
export function describeRun(entry: Pick<PredictionLogEntryView, 'scope' | 'trigger'>): string {
  const scope = SCOPE_LABEL[entry.scope] ?? entry.scope;
  return `${scope} — ${TRIGGER_LABEL[entry.trigger] ?? entry.trigger}`;
}

/** The threshold the engine applied, as written in its detail ("… below the field threshold 0.7"), else the field's current one. */
function thresholdOf(decision: PredictionDecisionView, field: FieldDefinition | undefined): number | undefined {
  const written = decision.detail?.match(/threshold (\d*\.?\d+)/);
  if (written) return Number(written[1]);
  return field?.threshold;
}

/** Why the engine took or did not take a prediction, in plain language. */
export function explainDecision(decision: PredictionDecisionView, field: FieldDefinition | undefined): string {
  const predicted = formatConfidence(decision.confidence);
  switch (decision.reason) {
    case 'accepted':
      return `Accepted (confidence ${predicted})`;
    case 'unchanged':
      return 'Already the field’s value';
    case 'below-threshold': {
      const threshold = thresholdOf(decision, field);
      return threshold === undefined ? `Below the field’s threshold (predicted ${predicted})` : `Below the ${formatConfidence(threshold)} threshold (predicted ${predicted})`;
    }
    case 'predictor-not-allowed':
      return 'This predictor is not allowed for the field';
    case 'field-not-fillable-here':
      return 'The AI may not fill this field at this point';
    case 'agent-edit-protected':
      return 'Kept: an agent set this value';
    case 'source-protected':
      return 'Kept: the value came from a protected source';
    case 'lower-precedence':
      return 'Another predictor ranks first';
    case 'invalid-value':
      return decision.detail ? `Not a valid value: ${decision.detail}` : 'Not a valid value for the field';
    case 'unknown-field':
      return 'No case field has this key';
    default:
      return decision.detail ?? decision.reason;
  }
}

/** Why a field got no new value in a run, in plain language. */
export function explainAbstention(abstention: FieldAbstentionView): string {
  switch (abstention.reason) {
    case 'no-prediction':
      return 'No predictor proposed a value';
    case 'all-rejected':
      return 'Every prediction was rejected';
    case 'kept-existing-value': {
      if (abstention.message.startsWith('an agent')) return 'Kept: an agent set this value';
      const source = abstention.message.match(/came from (\w+)/)?.[1];
      return source ? `Kept: the value came from the ${source}` : 'Kept the existing value';
    }
    default:
      return abstention.message;
  }
}
