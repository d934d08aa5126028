import type { PredictionLogEntry, PredictorRef } from '@autocase/core';

/** One prediction run on a case as `GET /cases/:id/predictions` returns it. */
export interface PredictionLogEntryView {
  id: string;
  caseId: string;
  at: string;
  scope: PredictionLogEntry['scope'];
  trigger: string;
  /** The predictors that proposed a value or failed in this run (id, version, model). */
  predictors: PredictorRef[];
  decisions: { field: string; predictor: PredictorRef; value: unknown; confidence: number; accepted: boolean; reason: string; detail: string | null }[];
  abstentions: { field: string; reason: string; message: string }[];
  changed: string[];
  errors: PredictionLogEntry['errors'];
  warnings: PredictionLogEntry['warnings'];
}

function predictorsOf(entry: PredictionLogEntry): PredictorRef[] {
  const byKey = new Map<string, PredictorRef>();
  for (const { predictor } of entry.decisions) {
    const key = `${predictor.id}@${predictor.version}@${predictor.model ?? ''}`;
    if (!byKey.has(key)) byKey.set(key, predictor.model ? { id: predictor.id, version: predictor.version, model: predictor.model } : { id: predictor.id, version: predictor.version });
  }
  const named = new Set([...byKey.values()].map((ref) => ref.id));
  for (const { predictorId } of entry.errors) {
    if (named.has(predictorId)) continue;
    named.add(predictorId);
    byKey.set(`${predictorId}@failed`, { id: predictorId, version: 'unknown' });
  }
  return [...byKey.values()];
}

/** A stored log entry in the API's shape (stable keys, `null` for a missing detail). */
export function toPredictionLogEntryView(entry: PredictionLogEntry): PredictionLogEntryView {
  return {
    id: entry.id,
    caseId: entry.caseId,
    at: entry.at,
    scope: entry.scope,
    trigger: entry.trigger,
    predictors: predictorsOf(entry),
    decisions: entry.decisions.map((decision) => ({
      field: decision.field,
      predictor: decision.predictor,
      value: decision.value,
      confidence: decision.confidence,
      accepted: decision.accepted,
      reason: decision.reason,
      detail: decision.detail ?? null,
    })),
    abstentions: (entry.abstentions ?? []).map((abstention) => ({ field: abstention.field, reason: abstention.reason, message: abstention.detail })),
    changed: entry.changed,
    errors: entry.errors,
    warnings: entry.warnings,
  };
}

/** The case's log newest first (the repository returns oldest first). */
export function toPredictionLogView(entries: PredictionLogEntry[]): { items: PredictionLogEntryView[]; total: number } {
  const items = [...entries].reverse().map(toPredictionLogEntryView);
  return { items, total: items.length };
}

const predictorRefSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, version: { type: 'string', description: '"unknown" for a predictor that only failed' }, model: { type: 'string' } },
  required: ['id', 'version'],
};

/** OpenAPI schema of the `GET /cases/:id/predictions` answer. */
export const PREDICTION_LOG_RESPONSE_SCHEMA = {
  type: 'object',
  required: ['items', 'total'],
  properties: {
    total: { type: 'integer' },
    items: {
      type: 'array',
      description: 'prediction runs, newest first',
      items: {
        type: 'object',
        required: ['id', 'caseId', 'at', 'scope', 'trigger', 'predictors', 'decisions', 'abstentions', 'changed', 'errors', 'warnings'],
        properties: {
          id: { type: 'string' },
          caseId: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          scope: { type: 'string', enum: ['chatCreation', 'emailCreation', 'updates'] },
          trigger: { type: 'string', description: 'what started the run, e.g. accept, wrap-up, end, agent-request, email' },
          predictors: { type: 'array', items: predictorRefSchema, description: 'predictors that proposed a value or failed' },
          decisions: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'predictor', 'value', 'confidence', 'accepted', 'reason', 'detail'],
              properties: {
                field: { type: 'string' },
                predictor: predictorRefSchema,
                value: {},
                confidence: { type: 'number', minimum: 0, maximum: 1 },
                accepted: { type: 'boolean' },
                reason: {
                  type: 'string',
                  enum: ['accepted', 'unchanged', 'below-threshold', 'predictor-not-allowed', 'field-not-fillable-here', 'agent-edit-protected', 'source-protected', 'lower-precedence', 'invalid-value', 'unknown-field'],
                },
                detail: { type: 'string', nullable: true, description: 'human explanation, e.g. "confidence 0.55 is below the field threshold 0.7"' },
              },
            },
          },
          abstentions: {
            type: 'array',
            description: 'fields the AI could fill in this run that got no new value',
            items: {
              type: 'object',
              required: ['field', 'reason', 'message'],
              properties: { field: { type: 'string' }, reason: { type: 'string', enum: ['no-prediction', 'all-rejected', 'kept-existing-value'] }, message: { type: 'string' } },
            },
          },
          changed: { type: 'array', items: { type: 'string' }, description: 'fields this run changed' },
          errors: {
            type: 'array',
            items: { type: 'object', properties: { predictorId: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, retryable: { type: 'boolean' } } },
          },
          warnings: { type: 'array', items: { type: 'object', properties: { predictorId: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
  },
};
