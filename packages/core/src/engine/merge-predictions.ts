import type { AuditEntry } from '../domain/audit.js';
import type { CaseFieldState, FieldSource } from '../domain/case.js';
import type { FieldDefinition, FillScope } from '../domain/field-definition.js';
import type { FieldAbstention, Prediction, PredictionDecision } from '../domain/prediction.js';
import type { Settings } from '../domain/settings.js';
import { normalizeFieldValue } from './field-value-validation.js';

/** An audit entry before it belongs to a stored case (the caller assigns `id` and `caseId`). */
export type AuditEntryDraft = Omit<AuditEntry, 'id' | 'caseId'>;

export type MergeSettings = Pick<Settings, 'allowAiOverrideOfAgentEdits' | 'predictorPrecedence' | 'defaultThreshold'>;

export interface MergePredictionsInput {
  fields: FieldDefinition[];
  settings: MergeSettings;
  /** The case's current field states; omit (or null) when creating a case. */
  current?: Record<string, CaseFieldState> | null;
  scope: FillScope;
  predictions: Prediction[];
  /** ISO timestamp written into provenance and audit entries. */
  at: string;
  /** Sources whose values the AI must keep, besides `agent` (e.g. `channel` at creation). */
  protectedSources?: FieldSource[];
  /** Audit reason; defaults to one naming the scope. */
  reason?: string;
}

export interface MergePredictionsResult {
  /** The complete new field states (current states with the accepted changes applied). */
  fields: Record<string, CaseFieldState>;
  /** Keys of fields whose value changed, in field-definition order. */
  changed: string[];
  /** The winning prediction per field, including winners whose value was already there. */
  accepted: Prediction[];
  /** One `field-changed` entry per changed field. */
  auditEntries: AuditEntryDraft[];
  /** A decision for every prediction, accepted or not, with the reason. */
  decisions: PredictionDecision[];
  /** Every field fillable in this scope that did not get a new or confirmed value, and why. */
  abstentions: FieldAbstention[];
}

const SCOPE_REASONS: Record<FillScope, string> = {
  chatCreation: 'predicted from the conversation when the case was created',
  emailCreation: 'predicted from the email when the case was created',
  updates: 'predicted from the conversation on update',
};

function decision(prediction: Prediction, accepted: boolean, reason: PredictionDecision['reason'], detail?: string): PredictionDecision {
  const entry: PredictionDecision = {
    field: prediction.field,
    predictor: prediction.predictor,
    value: prediction.value,
    confidence: prediction.confidence,
    accepted,
    reason,
  };
  if (detail !== undefined) entry.detail = detail;
  return entry;
}

function precedenceRank(field: FieldDefinition, settings: MergeSettings, predictorId: string): number {
  const order = field.predictors.length > 0 ? field.predictors : settings.predictorPrecedence;
  const index = order.indexOf(predictorId);
  return index === -1 ? Number.POSITIVE_INFINITY : index;
}

function byPrecedence(field: FieldDefinition, settings: MergeSettings) {
  return (left: Prediction, right: Prediction): number => {
    const rankDifference = precedenceRank(field, settings, left.predictor.id) - precedenceRank(field, settings, right.predictor.id);
    if (rankDifference !== 0 && !Number.isNaN(rankDifference)) return rankDifference;
    if (right.confidence !== left.confidence) return right.confidence - left.confidence;
    return left.predictor.id.localeCompare(right.predictor.id);
  };
}

function formatConfidence(confidence: number): string {
  return String(Math.round(confidence * 1000) / 1000);
}

function protectedSourcesOf(settings: MergeSettings, extra: FieldSource[] | undefined): Set<FieldSource> {
  const sources = new Set<FieldSource>(extra ?? []);
  if (!settings.allowAiOverrideOfAgentEdits) sources.add('agent');
  return sources;
}

function protectionDetail(source: FieldSource): string {
  return source === 'agent' ? 'an agent set this field by hand; the AI does not overwrite it' : `the value came from ${source} and is kept`;
}

/**
 * The fields whose value the AI may still set: drops fields whose current value is protected
 * (an agent's, unless the admin allows overrides, or one of `protectedSources`). Use it to ask
 * predictors only about fields that can change.
 */
export function fieldsOpenToAi(
  fields: FieldDefinition[],
  current: Record<string, CaseFieldState> | null | undefined,
  settings: MergeSettings,
  protectedSources?: FieldSource[],
): FieldDefinition[] {
  const sources = protectedSourcesOf(settings, protectedSources);
  return fields.filter((field) => {
    const state = current?.[field.key];
    return !state || !sources.has(state.source);
  });
}

/**
 * Decides, per field, which prediction (if any) becomes the field's value. Predictors propose;
 * this function decides: it never lets the AI overwrite an agent's value (unless the admin
 * allows it), rejects invalid values, abstains below the field's threshold and explains every
 * decision.
 */
export function mergePredictions(input: MergePredictionsInput): MergePredictionsResult {
  const { fields, settings, scope, at } = input;
  const current = input.current ?? {};
  const protectedSources = protectedSourcesOf(settings, input.protectedSources);
  const definitions = new Map(fields.map((field) => [field.key, field]));
  const decisions: PredictionDecision[] = [];
  const predictionsByField = new Map<string, Prediction[]>();

  for (const prediction of input.predictions) {
    if (!definitions.has(prediction.field)) {
      decisions.push(decision(prediction, false, 'unknown-field', `no case field has the key "${prediction.field}"`));
      continue;
    }
    const list = predictionsByField.get(prediction.field) ?? [];
    list.push(prediction);
    predictionsByField.set(prediction.field, list);
  }

  const newFields: Record<string, CaseFieldState> = { ...current };
  const changed: string[] = [];
  const accepted: Prediction[] = [];
  const auditEntries: AuditEntryDraft[] = [];
  const abstentions: FieldAbstention[] = [];

  for (const field of fields) {
    const candidates = predictionsByField.get(field.key);
    if (!candidates) {
      if (!field.fillOn.includes(scope)) continue;
      const existing = current[field.key];
      if (existing && protectedSources.has(existing.source)) {
        abstentions.push({ field: field.key, reason: 'kept-existing-value', detail: protectionDetail(existing.source) });
      } else {
        abstentions.push({ field: field.key, reason: 'no-prediction', detail: 'no predictor proposed a value' });
      }
      continue;
    }
    const decisionsBefore = decisions.length;
    if (!field.fillOn.includes(scope)) {
      const where = field.fillOn.length > 0 ? field.fillOn.join(', ') : 'nowhere';
      for (const prediction of candidates) {
        decisions.push(decision(prediction, false, 'field-not-fillable-here', `the AI may fill this field on ${where}, not on ${scope}`));
      }
      continue;
    }
    const threshold = field.threshold ?? settings.defaultThreshold;
    const eligible: Prediction[] = [];
    for (const prediction of candidates) {
      if (field.predictors.length > 0 && !field.predictors.includes(prediction.predictor.id)) {
        decisions.push(decision(prediction, false, 'predictor-not-allowed', `only ${field.predictors.join(', ')} may propose this field`));
        continue;
      }
      if (typeof prediction.confidence !== 'number' || !(prediction.confidence >= 0 && prediction.confidence <= 1)) {
        decisions.push(decision(prediction, false, 'invalid-value', `confidence ${String(prediction.confidence)} is not a number between 0 and 1`));
        continue;
      }
      const check = normalizeFieldValue(field, prediction.value);
      if (!check.ok) {
        decisions.push(decision(prediction, false, 'invalid-value', check.error));
        continue;
      }
      if (check.value === null) {
        decisions.push(decision(prediction, false, 'invalid-value', 'an empty value is not a prediction; a predictor abstains by leaving the field out'));
        continue;
      }
      if (prediction.confidence < threshold) {
        decisions.push(
          decision(prediction, false, 'below-threshold', `confidence ${formatConfidence(prediction.confidence)} is below the field threshold ${threshold}`),
        );
        continue;
      }
      eligible.push({ ...prediction, value: check.value });
    }
    if (eligible.length === 0) {
      const rejected = decisions.slice(decisionsBefore).map((entry) => `${entry.predictor.id}: ${entry.detail ?? entry.reason}`);
      abstentions.push({ field: field.key, reason: 'all-rejected', detail: rejected.join('; ') });
      continue;
    }

    eligible.sort(byPrecedence(field, settings));
    const [winner, ...losers] = eligible as [Prediction, ...Prediction[]];
    const existing = current[field.key];
    for (const loser of losers) {
      decisions.push(decision(loser, false, 'lower-precedence', `${winner.predictor.id} takes precedence for this field`));
    }
    if (existing && protectedSources.has(existing.source)) {
      const detail = protectionDetail(existing.source);
      decisions.push(decision(winner, false, existing.source === 'agent' ? 'agent-edit-protected' : 'source-protected', detail));
      abstentions.push({ field: field.key, reason: 'kept-existing-value', detail });
      continue;
    }
    accepted.push(winner);
    if (existing && existing.value === winner.value) {
      decisions.push(decision(winner, true, 'unchanged', 'the field already has this value'));
      continue;
    }
    decisions.push(decision(winner, true, 'accepted'));
    const state: CaseFieldState = {
      value: winner.value,
      source: 'ai',
      updatedAt: at,
      predictor: winner.predictor,
      confidence: winner.confidence,
      evidence: winner.evidence,
    };
    newFields[field.key] = state;
    changed.push(field.key);
    auditEntries.push({
      at,
      action: 'field-changed',
      field: field.key,
      oldValue: existing?.value ?? null,
      newValue: winner.value,
      actor: { type: 'ai', id: winner.predictor.id },
      source: 'ai',
      reason: input.reason ?? SCOPE_REASONS[scope],
      predictor: winner.predictor,
      confidence: winner.confidence,
      evidence: winner.evidence,
    });
  }

  return { fields: newFields, changed, accepted, auditEntries, decisions, abstentions };
}
