import type { Case } from '../domain/case.js';
import { hasDomainErrorCode, InvalidStateError, NotFoundError } from '../domain/errors.js';
import type { FieldAbstention, PredictionDecision } from '../domain/prediction.js';
import { fieldsOpenToAi, mergePredictions, type MergePredictionsResult } from '../engine/merge-predictions.js';
import type { PredictorFailure } from '../engine/prediction-runner.js';
import { nowIso, toAuditEntries, type CaseEngineDeps } from './case-engine-deps.js';
import { predictFromConversation, recordPredictionRun } from './conversation-predictions.js';
import { runAtomically } from '../ports/services.js';

export interface UpdateCaseFromConversationInput {
  caseId: string;
  /** Id of the agent who pressed "Update from conversation" (named in the audit reason). */
  requestedBy?: string;
  trigger?: 'agent-request' | 'wrap-up';
}

export interface UpdateCaseFromConversationResult {
  /** Keys of the fields the AI changed (the agent UI highlights them). */
  changed: string[];
  case: Case;
  decisions: PredictionDecision[];
  /** Fields the AI may update that got no new value, and why. */
  abstentions: FieldAbstention[];
  predictorErrors: PredictorFailure[];
  /** Set when nothing changed: why (not enough context, or the conversation confirms the values). */
  message?: string;
}

function unchangedMessage(merge: MergePredictionsResult): string {
  if (merge.accepted.length > 0) return 'Nothing to update: the conversation confirms the current field values';
  const kept = merge.abstentions.filter((entry) => entry.reason === 'kept-existing-value').map((entry) => entry.field);
  const base = 'Not enough context in the conversation to update the case';
  return kept.length > 0 ? `${base}; fields set by an agent are kept (${kept.join(', ')})` : base;
}

/**
 * Predicts the configured fields from the ongoing conversation and updates the case,
 * never overwriting an agent's value (unless the admin allows it). Every change is audited.
 */
export async function updateCaseFromConversation(deps: CaseEngineDeps, input: UpdateCaseFromConversationInput): Promise<UpdateCaseFromConversationResult> {
  const caseRecord = await deps.cases.get(input.caseId);
  if (!caseRecord) throw new NotFoundError('case', input.caseId);
  if (!caseRecord.conversationId) throw new InvalidStateError(`case ${caseRecord.number} was not created from a conversation; there is nothing to update it from`);
  const conversation = await deps.conversations.get(caseRecord.conversationId);
  if (!conversation) throw new NotFoundError('conversation', caseRecord.conversationId);

  const [fields, settings] = await Promise.all([deps.configuration.getFields(), deps.configuration.getSettings()]);
  const trigger = input.trigger ?? 'agent-request';
  const reason =
    trigger === 'wrap-up'
      ? 'updated from the conversation when it moved to wrap-up'
      : `updated from the conversation at the request of ${input.requestedBy ? `agent ${input.requestedBy}` : 'an agent'}`;
  const report = await predictFromConversation(deps, conversation, fieldsOpenToAi(fields, caseRecord.fields, settings), 'updates', caseRecord.fields);

  let current = caseRecord;
  for (let attempt = 1; ; attempt += 1) {
    const at = nowIso(deps);
    const merge = mergePredictions({ fields, settings, current: current.fields, scope: 'updates', predictions: report.predictions, at, reason });
    if (merge.changed.length === 0) {
      await recordPredictionRun(deps, { caseId: current.id, at, scope: 'updates', trigger, merge, report });
      return { changed: [], case: current, decisions: merge.decisions, abstentions: merge.abstentions, predictorErrors: report.errors, message: unchangedMessage(merge) };
    }
    try {
      // The fields, their audit entries and the prediction log commit together.
      const saved = await runAtomically(deps.unitOfWork, async () => {
        const saved = await deps.cases.save({ ...current, fields: merge.fields, updatedAt: at });
        await deps.audit.append(toAuditEntries(deps, saved.id, merge.auditEntries));
        await recordPredictionRun(deps, { caseId: saved.id, at, scope: 'updates', trigger, merge, report });
        return saved;
      });
      await deps.events.publish({ type: 'case.updated', caseId: saved.id, conversationId: conversation.id, changed: merge.changed });
      return { changed: merge.changed, case: saved, decisions: merge.decisions, abstentions: merge.abstentions, predictorErrors: report.errors };
    } catch (error) {
      if (attempt >= 2 || !hasDomainErrorCode(error, 'CONFLICT')) throw error;
      const reloaded = await deps.cases.get(caseRecord.id);
      if (!reloaded) throw new NotFoundError('case', caseRecord.id);
      current = reloaded;
    }
  }
}
