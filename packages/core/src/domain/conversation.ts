export const CONVERSATION_STATES = ['waiting', 'active', 'wrap-up', 'closed'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

export interface ChatMessage {
  id: string;
  conversationId: string;
  sender: 'customer' | 'agent' | 'bot' | 'system';
  senderName?: string | null;
  text: string;
  at: string;
}

export interface ConversationCustomer {
  name?: string;
  email?: string;
  phone?: string;
}

export interface Conversation {
  id: string;
  state: ConversationState;
  customer: ConversationCustomer;
  /** Context variables from a pre-chat survey or an escalating bot. */
  context: Record<string, string>;
  /** 'direct' or the id of the bot that escalated it. */
  origin: string;
  agentId?: string | null;
  caseId?: string | null;
  createdAt: string;
  acceptedAt?: string | null;
  endedAt?: string | null;
  messages: ChatMessage[];
}

const TRANSITIONS: Record<ConversationState, ConversationState[]> = {
  waiting: ['active', 'closed'],
  active: ['wrap-up', 'closed'],
  'wrap-up': ['closed'],
  closed: [],
};

export function canTransition(from: ConversationState, to: ConversationState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The conversation as plain text, one line per message, for predictors and summarizers. */
export function conversationTranscript(conversation: Pick<Conversation, 'messages'>): string {
  return conversation.messages.map((message) => `${message.sender}: ${message.text}`).join('\n');
}
