import type { Case } from '../domain/case.js';
import { hasDomainErrorCode, InvalidStateError, NotFoundError } from '../domain/errors.js';
import type { FieldAbstention, PredictionDecision } from '../domain/prediction.js';
import { fieldsOpenToAi, mergePredictions, type MergePredictionsResult } from '../engine/merge-predictions.js';
import type { PredictorFailure } from '../engine/prediction-runner.js';
import { nowIso, toAuditEntries, type CaseEngineDeps } from './case-engine-deps.js';
import { predictFromConversation, recordPredictionRun } from './conversation-predictions.js';

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
  /**
   * Values the conversation suggests for fields the customer filled themselves (a pre-chat
   * survey's email or phone): never written over, offered to the agent instead.
   */
  proposals: PredictionDecision[];
  /** Set when nothing changed: why (not enough context, or the conversation confirms the values). */
  message?: string;
}

function unchangedMessage(merge: MergePredictionsResult, current: Case['fields']): string {
  if (merge.accepted.length > 0) return 'Nothing to update: the conversation confirms the current field values';
  const kept = merge.abstentions.filter((entry) => entry.reason === 'kept-existing-value').map((entry) => entry.field);
  const byAgent = kept.filter((field) => current[field]?.source === 'agent');
  const byCustomer = kept.filter((field) => current[field]?.source === 'channel');
  let message = 'Not enough context in the conversation to update the case';
  if (byAgent.length > 0) message += `; fields set by an agent are kept (${byAgent.join(', ')})`;
  if (byCustomer.length > 0) message += `; values the customer gave are kept, the conversation's are proposed instead (${byCustomer.join(', ')})`;
  return message;
}

/** What the conversation says about customer-given fields, when it differs from what the customer gave. */
function proposalsOf(merge: MergePredictionsResult, current: Case['fields']): PredictionDecision[] {
  return merge.decisions.filter((decision) => decision.reason === 'source-protected' && current[decision.field]?.source === 'channel' && current[decision.field]?.value !== decision.value);
}

/**
 * Predicts the configured fields from the ongoing conversation and updates the case,
 * never overwriting an agent's value (unless the admin allows it) nor one the customer gave
 * (the conversation's value is proposed instead). Every change is audited.
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
    // What the customer gave themselves (survey email, phone…) is theirs: the conversation may only propose another value.
    const merge = mergePredictions({ fields, settings, current: current.fields, scope: 'updates', predictions: report.predictions, at, reason, protectedSources: ['channel'] });
    const proposals = proposalsOf(merge, current.fields);
    if (merge.changed.length === 0) {
      await recordPredictionRun(deps, { caseId: current.id, at, scope: 'updates', trigger, merge, report });
      return { changed: [], case: current, decisions: merge.decisions, abstentions: merge.abstentions, predictorErrors: report.errors, proposals, message: unchangedMessage(merge, current.fields) };
    }
    try {
      const saved = await deps.cases.save({ ...current, fields: merge.fields, updatedAt: at });
      await deps.audit.append(toAuditEntries(deps, saved.id, merge.auditEntries));
      await recordPredictionRun(deps, { caseId: saved.id, at, scope: 'updates', trigger, merge, report });
      await deps.events.publish({ type: 'case.updated', caseId: saved.id, conversationId: conversation.id, changed: merge.changed });
      return { changed: merge.changed, case: saved, decisions: merge.decisions, abstentions: merge.abstentions, predictorErrors: report.errors, proposals };
    } catch (error) {
      if (attempt >= 2 || !hasDomainErrorCode(error, 'CONFLICT')) throw error;
      const reloaded = await deps.cases.get(caseRecord.id);
      if (!reloaded) throw new NotFoundError('case', caseRecord.id);
      current = reloaded;
    }
  }
}
