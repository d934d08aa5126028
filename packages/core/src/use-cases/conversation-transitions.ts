import type { Conversation } from '../domain/conversation.js';
import { ConflictError, InvalidStateError, ValidationError } from '../domain/errors.js';
import { PluginError } from '../plugins/errors.js';
import { nowIso, type CaseEngineDeps } from './case-engine-deps.js';
import { findConversationCase } from './conversation-case-work.js';
import { assertMayActOnConversation, type ConversationActor } from './conversation-actor.js';
import { changeConversationState } from './conversation-state-change.js';
import { addConversationSummaryNote, type SummaryNoteOutcome } from './conversation-summary-note.js';
import { createCaseFromConversation, type ConversationCaseTrigger, type CreateCaseFromConversationResult } from './create-case-from-conversation.js';
import { updateCaseFromConversation, type UpdateCaseFromConversationResult } from './update-case-from-conversation.js';

/** What happened to the case when a conversation moved on. */
export type ConversationCaseOutcome =
  | CreateCaseFromConversationResult
  | { created: false; reason: 'disabled'; message: string }
  | { created: false; reason: 'deferred'; message: string }
  | { created: false; reason: 'prediction-failed'; message: string; retryable: boolean };

/**
 * `deferCaseWork`: only change the conversation's state and leave the case work (prediction,
 * creation, update, summary) to the caller — typically a queued job that calls
 * `createCaseFromConversation`, `createOrUpdateCaseAtWrapUp` or `completeEndedConversation`.
 */
export interface TransitionOptions {
  deferCaseWork?: boolean;
  /** The signed-in person moving the conversation (none for the customer or the system). */
  actor?: ConversationActor;
}

export interface AcceptConversationResult {
  conversation: Conversation;
  caseOutcome: ConversationCaseOutcome;
}

export interface WrapUpConversationResult {
  conversation: Conversation;
  /** Set when the conversation had no case: the creation attempt. */
  caseOutcome?: ConversationCaseOutcome;
  /** Set when the conversation had a case: its update (or why it failed). */
  caseUpdate?: UpdateCaseFromConversationResult | { changed: []; message: string; retryable: boolean };
}

export interface EndConversationResult {
  conversation: Conversation;
  /** True when the conversation was already closed (ending is idempotent). */
  alreadyEnded: boolean;
  caseOutcome: ConversationCaseOutcome;
  summaryNote: SummaryNoteOutcome | { created: false; reason: 'deferred'; message: string };
}

const DEFERRED = { created: false, reason: 'deferred', message: 'The case work was queued' } as const;

function failureMessage(error: unknown): { message: string; retryable: boolean } {
  const message = error instanceof Error ? error.message : String(error);
  return { message, retryable: PluginError.is(error) ? error.retryable : false };
}

async function reload(deps: CaseEngineDeps, conversation: Conversation): Promise<Conversation> {
  return (await deps.conversations.get(conversation.id)) ?? conversation;
}

/** Creation that never makes the transition fail: a prediction failure is reported instead. */
async function tryCreateCase(deps: CaseEngineDeps, conversationId: string, trigger: ConversationCaseTrigger): Promise<ConversationCaseOutcome> {
  try {
    return await createCaseFromConversation(deps, { conversationId, trigger });
  } catch (error) {
    const failure = failureMessage(error);
    deps.logger?.warn('case creation from conversation failed', { conversationId, trigger, ...failure });
    return { created: false, reason: 'prediction-failed', message: `The case could not be created: ${failure.message}`, retryable: failure.retryable };
  }
}

/** An agent accepts a waiting conversation; with `autoCreateCaseOnAccept` the case is created when there is enough context. */
export async function acceptConversation(deps: CaseEngineDeps, input: { conversationId: string; agentId: string } & TransitionOptions): Promise<AcceptConversationResult> {
  if (typeof input.agentId !== 'string' || input.agentId.trim() === '') {
    throw new ValidationError('Invalid accept', [{ path: 'agentId', message: 'the accepting agent’s id is required' }]);
  }
  const { conversation: accepted } = await changeConversationState<never>(deps, input.conversationId, (conversation) => {
    if (conversation.state === 'waiting') return { move: 'active', changes: { agentId: input.agentId, acceptedAt: nowIso(deps) } };
    if (conversation.agentId) {
      throw new ConflictError(`conversation ${conversation.id} was already accepted by ${conversation.agentId === input.agentId ? 'you' : `agent ${conversation.agentId}`}`, { agentId: conversation.agentId, state: conversation.state });
    }
    throw new InvalidStateError(`conversation ${conversation.id} is ${conversation.state}; only a waiting conversation can be accepted`);
  });
  const settings = await deps.configuration.getSettings();
  if (!settings.autoCreateCaseOnAccept) {
    return { conversation: accepted, caseOutcome: { created: false, reason: 'disabled', message: 'Automatic case creation on accept is switched off' } };
  }
  if (input.deferCaseWork) return { conversation: accepted, caseOutcome: DEFERRED };
  const caseOutcome = await tryCreateCase(deps, accepted.id, 'accept');
  return { conversation: await reload(deps, accepted), caseOutcome };
}

/** The conversation moves to wrap-up: its case is created if it has none, else its fields are updated. */
export async function wrapUpConversation(deps: CaseEngineDeps, input: { conversationId: string } & TransitionOptions): Promise<WrapUpConversationResult> {
  const { conversation: wrapped } = await changeConversationState<never>(deps, input.conversationId, (conversation) => {
    assertMayActOnConversation(conversation, input.actor, 'wrap up');
    if (conversation.state === 'active') return { move: 'wrap-up' };
    if (conversation.state === 'wrap-up') throw new ConflictError(`conversation ${conversation.id} is already in wrap-up`, { state: conversation.state });
    throw new InvalidStateError(`conversation ${conversation.id} is ${conversation.state}; only an active conversation can move to wrap-up`);
  });
  if (input.deferCaseWork) return { conversation: wrapped, caseOutcome: DEFERRED };
  const existing = await findConversationCase(deps, wrapped);
  if (!existing) {
    const caseOutcome = await tryCreateCase(deps, wrapped.id, 'wrap-up');
    return { conversation: await reload(deps, wrapped), caseOutcome };
  }
  try {
    const caseUpdate = await updateCaseFromConversation(deps, { caseId: existing.id, trigger: 'wrap-up' });
    return { conversation: wrapped, caseUpdate };
  } catch (error) {
    const failure = failureMessage(error);
    deps.logger?.warn('case update at wrap-up failed', { conversationId: wrapped.id, ...failure });
    return { conversation: wrapped, caseUpdate: { changed: [], message: `The case could not be updated: ${failure.message}`, retryable: failure.retryable } };
  }
}

/**
 * Ends a conversation (from any state; ending a closed conversation again is harmless). Creates
 * the case if there is now enough context and none exists, then adds the summary note once.
 */
export async function endConversation(deps: CaseEngineDeps, input: { conversationId: string } & TransitionOptions): Promise<EndConversationResult> {
  const change = await changeConversationState(deps, input.conversationId, (conversation) => {
    if (conversation.state === 'closed') return { stop: 'already-ended' as const };
    assertMayActOnConversation(conversation, input.actor, 'end');
    return { move: 'closed', changes: { endedAt: nowIso(deps) } };
  });
  const alreadyEnded = !change.moved;
  const ended = change.conversation;
  if (input.deferCaseWork) return { conversation: ended, alreadyEnded, caseOutcome: DEFERRED, summaryNote: DEFERRED };
  const caseOutcome = await tryCreateCase(deps, ended.id, 'end');
  const latest = await reload(deps, ended);
  const caseId = caseOutcome.created || caseOutcome.reason === 'already-exists' ? caseOutcome.case.id : (latest.caseId ?? null);
  const summaryNote = await addConversationSummaryNote(deps, latest, caseId);
  return { conversation: latest, alreadyEnded, caseOutcome, summaryNote };
}
