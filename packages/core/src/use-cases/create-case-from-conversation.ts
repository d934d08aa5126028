import { conversationOriginKey, type Case } from '../domain/case.js';
import { runAtomically } from '../ports/services.js';
import type { Conversation } from '../domain/conversation.js';
import { hasDomainErrorCode, NotFoundError } from '../domain/errors.js';
import type { FieldAbstention, PredictionDecision } from '../domain/prediction.js';
import { describeMissingContext, evaluateEnoughContext } from '../engine/enough-context.js';
import { fieldsOpenToAi, mergePredictions } from '../engine/merge-predictions.js';
import type { PredictorFailure } from '../engine/prediction-runner.js';
import { newId, nowIso, toAuditEntries, type CaseEngineDeps } from './case-engine-deps.js';
import { conversationCaseTitle, mapConversationContextToFields } from './conversation-context-mapping.js';
import { predictFromConversation, recordPredictionRun } from './conversation-predictions.js';
import { linkConversationToCase } from './conversation-state-change.js';

export type ConversationCaseTrigger = 'accept' | 'wrap-up' | 'end' | 'agent-request';

export interface CreateCaseFromConversationInput {
  conversationId: string;
  trigger: ConversationCaseTrigger;
}

export type CreateCaseFromConversationResult =
  | {
      created: true;
      case: Case;
      fields: string[];
      decisions: PredictionDecision[];
      abstentions: FieldAbstention[];
      predictorErrors: PredictorFailure[];
      message: string;
    }
  | { created: false; reason: 'already-exists'; case: Case; message: string }
  | {
      created: false;
      reason: 'not-enough-context';
      missing: string[];
      decisions: PredictionDecision[];
      abstentions: FieldAbstention[];
      predictorErrors: PredictorFailure[];
      message: string;
    };

const TRIGGER_REASONS: Record<ConversationCaseTrigger, string> = {
  accept: 'created autonomously when an agent accepted the conversation',
  'wrap-up': 'created autonomously when the conversation moved to wrap-up',
  end: 'created autonomously when the conversation ended',
  'agent-request': 'created from the conversation at an agent’s request',
};

async function existingCase(deps: CaseEngineDeps, conversation: Conversation): Promise<Case | null> {
  if (conversation.caseId) {
    const linked = await deps.cases.get(conversation.caseId);
    if (linked) return linked;
  }
  return deps.cases.findByConversationId(conversation.id);
}

function alreadyExists(caseRecord: Case): CreateCaseFromConversationResult {
  return { created: false, reason: 'already-exists', case: caseRecord, message: `The conversation already has case ${caseRecord.number}` };
}

/**
 * Creates the case of a conversation autonomously: maps the context to fields (source
 * `channel`), predicts the other fields, and creates the case only when every field needed
 * for creation has a value. Never creates a second case for a conversation.
 */
export async function createCaseFromConversation(deps: CaseEngineDeps, input: CreateCaseFromConversationInput): Promise<CreateCaseFromConversationResult> {
  const conversation = await deps.conversations.get(input.conversationId);
  if (!conversation) throw new NotFoundError('conversation', input.conversationId);
  const existing = await existingCase(deps, conversation);
  if (existing) {
    await linkConversationToCase(deps, conversation.id, existing.id);
    return alreadyExists(existing);
  }

  const [fields, settings] = await Promise.all([deps.configuration.getFields(), deps.configuration.getSettings()]);
  const at = nowIso(deps);
  const context = mapConversationContextToFields(fields, conversation, at);
  for (const rejected of context.rejected) deps.logger?.warn('context value does not fit its field', { conversationId: conversation.id, ...rejected });
  const report = await predictFromConversation(deps, conversation, fieldsOpenToAi(fields, context.fieldStates, settings, ['channel']), 'chatCreation', context.fieldStates);
  const merge = mergePredictions({
    fields,
    settings,
    current: context.fieldStates,
    scope: 'chatCreation',
    predictions: report.predictions,
    at,
    protectedSources: ['channel'],
  });
  const enough = evaluateEnoughContext({ fields, scope: 'chatCreation', fieldStates: merge.fields });
  if (!enough.enough) {
    return {
      created: false,
      reason: 'not-enough-context',
      missing: enough.missing,
      decisions: merge.decisions,
      abstentions: merge.abstentions,
      predictorErrors: report.errors,
      message: describeMissingContext(fields, enough.missing),
    };
  }

  const emailField = fields.find((field) => field.type === 'email' && typeof merge.fields[field.key]?.value === 'string');
  const contactEmail = (emailField ? (merge.fields[emailField.key]?.value as string) : undefined) ?? conversation.customer.email ?? null;
  const reason = TRIGGER_REASONS[input.trigger];
  let caseRecord: Case;
  try {
    // The case (keyed by the conversation), its audit entries, its prediction log and the conversation's link: one unit of work.
    caseRecord = await runAtomically(deps.unitOfWork, async () => {
      const created = await deps.cases.create({
        title: conversationCaseTitle(conversation),
        status: 'new',
        channel: 'chat',
        fields: merge.fields,
        conversationId: conversation.id,
        contactEmail,
        parentCaseId: null,
        resolvedAt: null,
        originKey: conversationOriginKey(conversation.id),
      });
      await deps.audit.append([
        { id: newId(deps), caseId: created.id, at, action: 'case-created', actor: { type: 'ai' }, source: 'system', reason },
        ...toAuditEntries(deps, created.id, [...context.auditEntries, ...merge.auditEntries]),
      ]);
      await recordPredictionRun(deps, { caseId: created.id, at, scope: 'chatCreation', trigger: input.trigger, merge, report });
      await linkConversationToCase(deps, conversation.id, created.id);
      return created;
    });
  } catch (error) {
    const raced = hasDomainErrorCode(error, 'CONFLICT') ? await deps.cases.findByConversationId(conversation.id) : null;
    if (raced) {
      await linkConversationToCase(deps, conversation.id, raced.id);
      return alreadyExists(raced);
    }
    throw error;
  }

  const populated = fields.map((field) => field.key).filter((key) => key in caseRecord.fields);
  await deps.events.publish({ type: 'case.created', caseId: caseRecord.id, conversationId: conversation.id, fields: populated });
  return {
    created: true,
    case: caseRecord,
    fields: populated,
    decisions: merge.decisions,
    abstentions: merge.abstentions,
    predictorErrors: report.errors,
    message: `Case ${caseRecord.number} was ${reason}`,
  };
}
