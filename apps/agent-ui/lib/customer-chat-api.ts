import type { ChatMessage, ConversationState } from '@autocase/core';
import { ApiError } from '@autocase/web-client';

/** What the widget keeps to resume a chat after a reload. */
export interface CustomerChatSession {
  conversationId: string;
  conversationToken: string;
  name: string;
}

/** `GET /api/chat/conversations/:id` for the customer: state and messages only. */
export interface CustomerConversation {
  id: string;
  state: ConversationState;
  customer: { name?: string; email?: string };
  createdAt: string;
  endedAt: string | null;
  messages: ChatMessage[];
}

export interface PreChatSurvey {
  name: string;
  email: string;
  question: string;
}

const STORAGE_KEY = 'autocase.chat.session';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the pre-chat survey; returns a message per invalid field. */
export function validateSurvey(survey: PreChatSurvey): Partial<Record<keyof PreChatSurvey, string>> {
  const errors: Partial<Record<keyof PreChatSurvey, string>> = {};
  if (!survey.name.trim()) errors.name = 'Please tell us your name.';
  if (!EMAIL.test(survey.email.trim())) errors.email = 'Please enter a valid email address, e.g. jane@example.com.';
  if (survey.question.trim().length < 3) errors.question = 'Please describe your question in a few words.';
  return errors;
}

async function call<T>(path: string, init: RequestInit & { token?: string }): Promise<T> {
  const headers = new Headers({ accept: 'application/json' });
  if (init.body) headers.set('content-type', 'application/json');
  if (init.token) headers.set('x-conversation-token', init.token);
  let response: Response;
  try {
    response = await fetch(`/api/chat/conversations${path}`, { ...init, headers, cache: 'no-store' });
  } catch {
    throw new ApiError(0, { message: 'We cannot reach the chat service right now. Check your connection and try again.' });
  }
  const text = await response.text();
  let payload: unknown = text;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload as T;
}

export const customerChat = {
  start: (survey: PreChatSurvey) =>
    call<{ id: string; conversationToken: string; state: ConversationState }>('', {
      method: 'POST',
      body: JSON.stringify({ customer: { name: survey.name.trim(), email: survey.email.trim() }, context: { question: survey.question.trim() } }),
    }),
  get: (session: CustomerChatSession) => call<CustomerConversation>(`/${encodeURIComponent(session.conversationId)}`, { token: session.conversationToken }),
  send: (session: CustomerChatSession, text: string) => call<ChatMessage>(`/${encodeURIComponent(session.conversationId)}/messages`, { method: 'POST', body: JSON.stringify({ text }), token: session.conversationToken }),
};

export function loadChatSession(): CustomerChatSession | null {
  try {
    const parsed = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<CustomerChatSession> | null;
    if (parsed && typeof parsed.conversationId === 'string' && typeof parsed.conversationToken === 'string') return { name: '', ...parsed } as CustomerChatSession;
  } catch {
    // a broken entry is ignored
  }
  return null;
}

export function saveChatSession(session: CustomerChatSession | null): void {
  if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else window.sessionStorage.removeItem(STORAGE_KEY);
}
