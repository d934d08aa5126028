import type { Conversation } from '../domain/conversation.js';
import { ForbiddenError } from '../domain/errors.js';

/**
 * The signed-in person acting on a conversation (replying, wrapping up, ending). Once an agent
 * accepted a chat it is theirs: another agent may act on it only with `mayActOnOthersChats`
 * (the host grants it to supervisors, and to every agent when configured so).
 */
export interface ConversationActor {
  id: string;
  mayActOnOthersChats: boolean;
}

/** Throws FORBIDDEN when `actor` may not act on `conversation` (accepted by somebody else). */
export function assertMayActOnConversation(conversation: Pick<Conversation, 'id' | 'agentId'>, actor: ConversationActor | undefined, action: string): void {
  if (!actor || !conversation.agentId || conversation.agentId === actor.id || actor.mayActOnOthersChats) return;
  throw new ForbiddenError(`conversation ${conversation.id} was accepted by another agent: only that agent or a supervisor may ${action} it`, { agentId: conversation.agentId });
}
