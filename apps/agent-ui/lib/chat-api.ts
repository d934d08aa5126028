'use client';

import type { ChatMessage, Conversation } from '@autocase/core';
import { api } from './api-client';
import type { CaseView } from './case-types';
import { listItems } from './list-items';

export type { ChatMessage };

/** `GET /api/conversations/:id`: the conversation with its messages and `caseId`. */
export type ConversationView = Omit<Conversation, 'messages'> & { messages: ChatMessage[] };

/** `GET /api/conversations?state=`: a conversation without its messages, with the last one. */
export type ConversationSummary = Omit<Conversation, 'messages'> & { messageCount: number; lastMessage: ChatMessage | null };

/** What happened to the case on accept (`caseOutcome`). */
export interface CaseOutcomeView {
  created: boolean;
  reason?: string;
  caseId: string | null;
  caseNumber: string | null;
  fields?: string[];
  missing?: string[];
  message: string;
}

/** The `conversation.case-work` socket event: queued wrap-up or end work finished. */
export interface CaseWorkEvent {
  conversationId: string;
  trigger: 'wrap-up' | 'end';
  caseId: string | null;
  outcome: string;
  changed?: string[];
  summaryNote?: { created: boolean; reason?: string; noteId?: string };
  message: string;
}

const path = (id: string, suffix = '') => `/conversations/${encodeURIComponent(id)}${suffix}`;

/** The agent side of the live chat API. */
export const agentChat = {
  async list(query: { state: 'waiting' | 'active' | 'wrap-up'; mine?: boolean }, signal?: AbortSignal): Promise<ConversationSummary[]> {
    return listItems(await api.get<ConversationSummary[] | { items: ConversationSummary[] }>('/conversations', { state: query.state, mine: query.mine ? 'true' : undefined }, signal));
  },
  get: (id: string, signal?: AbortSignal) => api.get<ConversationView>(path(id), undefined, signal),
  accept: (id: string) => api.post<{ conversation: ConversationView; caseOutcome: CaseOutcomeView }>(path(id, '/accept')),
  send: (id: string, text: string) => api.post<ChatMessage>(path(id, '/messages'), { text }),
  wrapUp: (id: string) => api.post<{ conversation: ConversationView }>(path(id, '/wrap-up')),
  end: (id: string) => api.post<{ conversation: ConversationView }>(path(id, '/end')),
  /** The agent's "New case": a conversation never gets a second case (the API answers 409). */
  createCase: (id: string) => api.post<CaseView>(path(id, '/case')),
};

export function customerDisplayName(conversation: Pick<Conversation, 'customer'>): string {
  return conversation.customer.name || conversation.customer.email || 'Website visitor';
}

/** Adds a message once, keeping the list in time order. */
export function mergeMessage(messages: ChatMessage[], message: ChatMessage): ChatMessage[] {
  if (messages.some((existing) => existing.id === message.id)) return messages;
  return [...messages, message].sort((left, right) => left.at.localeCompare(right.at));
}

/** The chat message carried by a `conversation.message` payload, or null when it has none. */
export function messageFromPayload(payload: Record<string, unknown>): ChatMessage | null {
  const candidate = payload.message;
  if (!candidate || typeof candidate !== 'object') return null;
  const message = candidate as Partial<ChatMessage>;
  if (typeof message.id !== 'string' || typeof message.text !== 'string' || typeof message.sender !== 'string' || typeof message.at !== 'string') return null;
  return { conversationId: String(payload.conversationId ?? message.conversationId ?? ''), ...message } as ChatMessage;
}
