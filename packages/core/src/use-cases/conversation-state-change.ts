import type { Conversation, ConversationState } from '../domain/conversation.js';
import { ConcurrencyError, NotFoundError } from '../domain/errors.js';
import type { CaseEngineDeps } from './case-engine-deps.js';

/** Racing writers re-read and re-plan this many times before giving up with a ConcurrencyError. */
const MAX_ATTEMPTS = 5;

/** What a transition decides after reading the conversation: move it, or stop with a result (nothing written). */
export type StateChangePlan<T> = { move: ConversationState; changes?: Partial<Conversation> } | { stop: T };

export type StateChangeOutcome<T> = { moved: true; conversation: Conversation } | { moved: false; conversation: Conversation; result: T };

async function load(deps: CaseEngineDeps, conversationId: string): Promise<Conversation> {
  const conversation = await deps.conversations.get(conversationId);
  if (!conversation) throw new NotFoundError('conversation', conversationId);
  return conversation;
}

function expectationOf(conversation: Conversation) {
  return { state: conversation.state, caseId: conversation.caseId ?? null };
}

/**
 * Reads the conversation, lets `plan` decide (it may also throw, e.g. "already accepted"), and
 * writes the move only if the stored state and case link are still what was read — one
 * compare-and-set in the repository. When another request changed the conversation meanwhile,
 * it reads again and re-plans, so of racing transitions exactly one moves the conversation and
 * `plan` decides what the others get. A move publishes `conversation.updated`.
 */
export async function changeConversationState<T>(
  deps: CaseEngineDeps,
  conversationId: string,
  plan: (conversation: Conversation) => StateChangePlan<T>,
): Promise<StateChangeOutcome<T>> {
  for (let attempt = 1; ; attempt += 1) {
    const conversation = await load(deps, conversationId);
    const decision = plan(conversation);
    if ('stop' in decision) return { moved: false, conversation, result: decision.stop };
    try {
      const saved = await deps.conversations.save({ ...conversation, ...decision.changes, state: decision.move }, { expected: expectationOf(conversation) });
      await deps.events.publish({ type: 'conversation.updated', conversationId: saved.id, state: saved.state });
      return { moved: true, conversation: saved };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** Links the conversation to its case without overwriting a state change made meanwhile (compare-and-set, re-read on a race). */
export async function linkConversationToCase(deps: CaseEngineDeps, conversationId: string, caseId: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const latest = await deps.conversations.get(conversationId, { messages: false });
    if (!latest || latest.caseId === caseId) return;
    try {
      await deps.conversations.save({ ...latest, caseId }, { expected: expectationOf(latest) });
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
