import type { FieldValue } from './field-definition.js';

/** A verbatim quote from a message that supports a prediction. */
export interface Evidence {
  /** Id of the chat message or email the quote was taken from (when known). */
  messageId?: string;
  /** Verbatim text from the conversation. */
  quote: string;
}

export interface PredictorRef {
  id: string;
  version: string;
  model?: string;
}

/** A predictor's proposal for one field. Predictors propose; the engine decides. */
export interface Prediction {
  field: string;
  value: FieldValue;
  /** Calibrated confidence in [0, 1]. */
  confidence: number;
  evidence: Evidence[];
  predictor: PredictorRef;
}

/** Why the engine did or did not accept a prediction (the case's prediction log). */
export interface PredictionDecision {
  field: string;
  predictor: PredictorRef;
  value: FieldValue;
  confidence: number;
  /** True when the prediction won for its field (its value is now, or already was, the field's value). */
  accepted: boolean;
  /**
   * - `accepted`: the value became the field's value.
   * - `unchanged`: the winner's value was already the field's value (nothing to write).
   * - `below-threshold`: confidence under the field's threshold (the engine abstains).
   * - `predictor-not-allowed`: the field lists other predictors.
   * - `field-not-fillable-here`: the AI may not fill this field in this scope (chat creation, email creation, updates).
   * - `agent-edit-protected`: an agent set the value by hand and the admin does not allow AI overrides.
   * - `source-protected`: the value came from a protected source (e.g. the channel's pre-chat form at creation).
   * - `lower-precedence`: another predictor's valid proposal ranks first (field predictor order, else settings precedence, then confidence).
   * - `invalid-value`: the value does not fit the field (option, type, email, phone, date, number) or the confidence is not in [0, 1].
   * - `unknown-field`: no case field has this key.
   */
  reason:
    | 'accepted'
    | 'below-threshold'
    | 'predictor-not-allowed'
    | 'field-not-fillable-here'
    | 'agent-edit-protected'
    | 'source-protected'
    | 'lower-precedence'
    | 'unchanged'
    | 'invalid-value'
    | 'unknown-field';
  /** Human explanation, e.g. "confidence 0.55 is below the field threshold 0.7". */
  detail?: string;
}

/** Why a field the AI may fill in this run got no new value from it. */
export interface FieldAbstention {
  field: string;
  reason: 'no-prediction' | 'all-rejected' | 'kept-existing-value';
  /** Human explanation, e.g. "llm: confidence 0.55 is below the field threshold 0.7". */
  detail: string;
}

/** A predictor that failed during a prediction run (reported, not fatal). */
export interface PredictorFailureRecord {
  predictorId: string;
  code: string;
  message: string;
  retryable: boolean;
}

/**
 * One entry of a case's prediction log: what the predictors proposed during one run and what
 * the engine decided for each proposal, so agents and admins can see why a field was or was
 * not filled.
 */
export interface PredictionLogEntry {
  id: string;
  caseId: string;
  at: string;
  /** Where the run happened: `chatCreation`, `emailCreation` or `updates`. */
  scope: 'chatCreation' | 'emailCreation' | 'updates';
  /** What started it, e.g. `accept`, `wrap-up`, `end`, `agent-request`, `email`. */
  trigger: string;
  decisions: PredictionDecision[];
  /** Fields fillable in this run that got no new value, and why. */
  abstentions?: FieldAbstention[];
  changed: string[];
  errors: PredictorFailureRecord[];
  warnings: { predictorId: string; message: string }[];
}
