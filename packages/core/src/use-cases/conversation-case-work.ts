import type { Case } from '../domain/case.js';
import type { Conversation } from '../domain/conversation.js';
import { NotFoundError } from '../domain/errors.js';
import type { CaseEngineDeps } from './case-engine-deps.js';
import { addConversationSummaryNote, type SummaryNoteOutcome } from './conversation-summary-note.js';
import { createCaseFromConversation, type CreateCaseFromConversationResult } from './create-case-from-conversation.js';
import { updateCaseFromConversation, type UpdateCaseFromConversationResult } from './update-case-from-conversation.js';

export async function loadConversation(deps: CaseEngineDeps, conversationId: string): Promise<Conversation> {
  const conversation = await deps.conversations.get(conversationId);
  if (!conversation) throw new NotFoundError('conversation', conversationId);
  return conversation;
}

/** The case linked to a conversation, by the conversation's `caseId` or the case's `conversationId`. */
export async function findConversationCase(deps: CaseEngineDeps, conversation: Conversation): Promise<Case | null> {
  return (conversation.caseId ? await deps.cases.get(conversation.caseId) : null) ?? (await deps.cases.findByConversationId(conversation.id));
}

export type WrapUpCaseWorkResult =
  | { kind: 'created'; caseOutcome: CreateCaseFromConversationResult }
  | { kind: 'updated'; caseUpdate: UpdateCaseFromConversationResult };

/**
 * The case work of a wrap-up, for a queued job: creates the case when the conversation has
 * none (with enough context), else updates its fields. Prediction failures are thrown so the
 * job is retried.
 */
export async function createOrUpdateCaseAtWrapUp(deps: CaseEngineDeps, input: { conversationId: string }): Promise<WrapUpCaseWorkResult> {
  const conversation = await loadConversation(deps, input.conversationId);
  const existing = await findConversationCase(deps, conversation);
  if (!existing) return { kind: 'created', caseOutcome: await createCaseFromConversation(deps, { conversationId: conversation.id, trigger: 'wrap-up' }) };
  return { kind: 'updated', caseUpdate: await updateCaseFromConversation(deps, { caseId: existing.id, trigger: 'wrap-up' }) };
}

export interface EndCaseWorkResult {
  caseOutcome: CreateCaseFromConversationResult;
  summaryNote: SummaryNoteOutcome;
}

/**
 * The case work after a conversation ended, for a queued job: creates the case if there is now
 * enough context and none exists, then adds the summary note once. Idempotent; prediction
 * failures are thrown so the job is retried.
 */
export async function completeEndedConversation(deps: CaseEngineDeps, input: { conversationId: string }): Promise<EndCaseWorkResult> {
  const caseOutcome = await createCaseFromConversation(deps, { conversationId: input.conversationId, trigger: 'end' });
  const conversation = await loadConversation(deps, input.conversationId);
  const caseId = caseOutcome.created || caseOutcome.reason === 'already-exists' ? caseOutcome.case.id : (conversation.caseId ?? null);
  return { caseOutcome, summaryNote: await addConversationSummaryNote(deps, conversation, caseId) };
}
