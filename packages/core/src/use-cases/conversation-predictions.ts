import type { CaseFieldState } from '../domain/case.js';
import type { Conversation } from '../domain/conversation.js';
import type { FieldDefinition, FillScope } from '../domain/field-definition.js';
import type { MergePredictionsResult } from '../engine/merge-predictions.js';
import type { PredictionRunReport } from '../engine/prediction-runner.js';
import { newId, predictionContext, toPredictionMessages, type CaseEngineDeps } from './case-engine-deps.js';

/** Asks the configured predictors about a conversation for the fields fillable in `scope`. */
export function predictFromConversation(
  deps: Pick<CaseEngineDeps, 'predictors'>,
  conversation: Conversation,
  fields: FieldDefinition[],
  scope: FillScope,
  current: Record<string, CaseFieldState>,
): Promise<PredictionRunReport> {
  const currentValues = Object.fromEntries(Object.entries(current).map(([key, state]) => [key, state.value]));
  return deps.predictors.run({
    fields,
    messages: toPredictionMessages(conversation),
    context: predictionContext(conversation),
    channel: 'chat',
    currentValues,
    scope,
  });
}

/** Appends one prediction run to the case's prediction log, when the host keeps one. */
export async function recordPredictionRun(
  deps: Pick<CaseEngineDeps, 'predictionLog' | 'ids'>,
  entry: { caseId: string; at: string; scope: FillScope; trigger: string; merge: MergePredictionsResult; report: PredictionRunReport },
): Promise<void> {
  if (!deps.predictionLog) return;
  await deps.predictionLog.append({
    id: newId(deps),
    caseId: entry.caseId,
    at: entry.at,
    scope: entry.scope,
    trigger: entry.trigger,
    decisions: entry.merge.decisions,
    abstentions: entry.merge.abstentions,
    changed: entry.merge.changed,
    errors: entry.report.errors,
    warnings: entry.report.warnings,
  });
}
