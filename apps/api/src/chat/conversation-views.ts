import type { ChatMessage, Conversation, ConversationCaseOutcome } from '@autocase/core';

/** A message as clients see it. */
export interface MessageView {
  id: string;
  conversationId: string;
  sender: ChatMessage['sender'];
  senderName: string | null;
  text: string;
  at: string;
}

export function toMessageView(message: ChatMessage): MessageView {
  return { id: message.id, conversationId: message.conversationId, sender: message.sender, senderName: message.senderName ?? null, text: message.text, at: message.at };
}

/** For the agents' list: everything but the messages, with a count and the last message. */
export type ConversationSummaryView = Omit<Conversation, 'messages'> & { messageCount: number; lastMessage: MessageView | null };

export function toConversationSummary(conversation: Conversation): ConversationSummaryView {
  const { messages, ...rest } = conversation;
  const last = messages.at(-1);
  return { ...rest, agentId: rest.agentId ?? null, caseId: rest.caseId ?? null, messageCount: messages.length, lastMessage: last ? toMessageView(last) : null };
}

/** For agents: the whole conversation with its `caseId` and messages. */
export type ConversationView = Omit<Conversation, 'messages'> & { messages: MessageView[] };

export function toConversationView(conversation: Conversation): ConversationView {
  return { ...conversation, agentId: conversation.agentId ?? null, caseId: conversation.caseId ?? null, messages: conversation.messages.map(toMessageView) };
}

/** For the customer's widget: state and messages, nothing internal (no case, agent id or context). */
export interface CustomerConversationView {
  id: string;
  state: Conversation['state'];
  customer: Conversation['customer'];
  createdAt: string;
  endedAt: string | null;
  messages: MessageView[];
}

export function toCustomerConversationView(conversation: Conversation): CustomerConversationView {
  return {
    id: conversation.id,
    state: conversation.state,
    customer: conversation.customer,
    createdAt: conversation.createdAt,
    endedAt: conversation.endedAt ?? null,
    messages: conversation.messages.map(toMessageView),
  };
}

/** What happened to the case on a transition, without the prediction internals. */
export interface CaseOutcomeView {
  created: boolean;
  reason?: string;
  caseId: string | null;
  caseNumber: string | null;
  fields?: string[];
  missing?: string[];
  message: string;
}

export function toCaseOutcomeView(outcome: ConversationCaseOutcome): CaseOutcomeView {
  if (outcome.created) return { created: true, caseId: outcome.case.id, caseNumber: outcome.case.number, fields: outcome.fields, message: outcome.message };
  if (outcome.reason === 'already-exists') return { created: false, reason: outcome.reason, caseId: outcome.case.id, caseNumber: outcome.case.number, message: outcome.message };
  if (outcome.reason === 'not-enough-context') return { created: false, reason: outcome.reason, caseId: null, caseNumber: null, missing: outcome.missing, message: outcome.message };
  return { created: false, reason: outcome.reason, caseId: null, caseNumber: null, message: outcome.message };
}
