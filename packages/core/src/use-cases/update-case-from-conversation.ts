import type { Case } from '../domain/case.js';
import type { FieldValue } from '../domain/field-definition.js';
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
  /**
   * Values the conversation suggests for fields the customer filled themselves (a pre-chat
   * survey's email or phone): never written over, offered to the agent instead.
   */
  proposals: PredictionDecision[];
  /** Set when nothing changed: why (not enough context, or the conversation confirms the values). */
  message?: string;
  /** Each changed field with its old and new value. */
  changes: FieldChange[];
  /** Fields the AI left alone because an agent (or another protected source) set them, and why. */
  kept: KeptField[];
  /** One sentence naming what changed, what was kept and why (shown to the agent). */
  summary: string;
}

export interface FieldChange {
  field: string;
  from: FieldValue;
  to: FieldValue;
}

export interface KeptField {
  field: string;
  reason: string;
}

/** Fields kept because an agent (or a rule) set them; what the customer gave themselves is reported as proposals instead. */
function keptFields(merge: MergePredictionsResult, current: Case['fields']): KeptField[] {
  return merge.abstentions
    .filter((entry) => entry.reason === 'kept-existing-value' && current[entry.field]?.source !== 'channel')
    .map((entry) => ({ field: entry.field, reason: entry.detail }));
}

function unchangedMessage(merge: MergePredictionsResult, current: Case['fields']): string {
  const byCustomer = proposalsOf(merge, current).map((proposal) => proposal.field);
  const kept = keptFields(merge, current).map((entry) => entry.field);
  const keptPart = kept.length > 0 ? `; fields set by an agent are kept (${kept.join(', ')})` : '';
  const customerPart = byCustomer.length > 0 ? `; values the customer gave are kept, the conversation's are proposed instead (${byCustomer.join(', ')})` : '';
  const confirmed = merge.decisions.filter((entry) => entry.reason === 'unchanged').map((entry) => entry.field);
  const undecided = merge.abstentions.filter((entry) => entry.reason !== 'kept-existing-value').map((entry) => entry.field);
  if (confirmed.length > 0 && undecided.length === 0) return `Nothing to update: the conversation confirms the current values of ${confirmed.join(', ')}${keptPart}${customerPart}`;
  const base = 'Not enough context in the conversation to update the case';
  const confirmedPart = confirmed.length > 0 ? `; it confirms the current values of ${confirmed.join(', ')}` : '';
  return `${base}${confirmedPart}${keptPart}${customerPart}`;
}

/** What the conversation says about customer-given fields, when it differs from what the customer gave. */
function proposalsOf(merge: MergePredictionsResult, current: Case['fields']): PredictionDecision[] {
  return merge.decisions.filter((decision) => decision.reason === 'source-protected' && current[decision.field]?.source === 'channel' && current[decision.field]?.value !== decision.value);
}

function describeValue(value: FieldValue): string {
  return value === null || value === '' ? '(empty)' : String(value);
}

/** "Changed orderNumber (ORD-1 → ORD-2). Kept priority: an agent set this field by hand; …" */
function summarize(changes: FieldChange[], kept: KeptField[], message: string | undefined): string {
  const parts: string[] = [];
  if (changes.length > 0) parts.push(`Changed ${changes.map((change) => `${change.field} (${describeValue(change.from)} → ${describeValue(change.to)})`).join(', ')}.`);
  else if (message) parts.push(`${message}.`);
  if (changes.length > 0 && kept.length > 0) parts.push(`Kept ${kept.map((entry) => `${entry.field}: ${entry.reason}`).join('; ')}.`);
  return parts.join(' ');
}

function fieldChanges(merge: MergePredictionsResult, before: Case): FieldChange[] {
  return merge.changed.map((field) => ({ field, from: before.fields[field]?.value ?? null, to: merge.fields[field]?.value ?? null }));
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
      const message = unchangedMessage(merge, current.fields);
      const kept = keptFields(merge, current.fields);
      return { changed: [], case: current, decisions: merge.decisions, abstentions: merge.abstentions, predictorErrors: report.errors, proposals, message, changes: [], kept, summary: summarize([], kept, message) };
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
      const changes = fieldChanges(merge, current);
      const kept = keptFields(merge, current.fields);
      return { changed: merge.changed, case: saved, decisions: merge.decisions, abstentions: merge.abstentions, predictorErrors: report.errors, proposals, changes, kept, summary: summarize(changes, kept, undefined) };
    } catch (error) {
      if (attempt >= 2 || !hasDomainErrorCode(error, 'CONFLICT')) throw error;
      const reloaded = await deps.cases.get(caseRecord.id);
      if (!reloaded) throw new NotFoundError('case', caseRecord.id);
      current = reloaded;
    }
  }
}
