import type { CaseEngineDeps, DomainEvent } from '@autocase/core';
import { toConversationSummary, toMessageView } from './conversation-views.js';

/** Socket.io room of every signed-in agent and admin. */
export const AGENTS_ROOM = 'agents';

/** Socket.io room of one conversation: its customer (and any agent who joined it). */
export function conversationRoom(conversationId: string): string {
  return `conversation:${conversationId}`;
}

/** Socket.io room of every socket a user opened (closed when the user is disabled, reset or changes role). */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Socket.io room of the sockets opened with one bearer token (closed at its logout). */
export function sessionRoom(tokenHash: string): string {
  return `session:${tokenHash}`;
}

/** One socket.io emit: an event name and payload for a room. */
export interface RealtimeDelivery {
  room: string;
  event: string;
  payload: Record<string, unknown>;
}

type EventSources = Pick<CaseEngineDeps, 'conversations' | 'cases' | 'notes'>;

/**
 * Turns a core domain event into the socket.io emits agents and customers receive, loading what
 * the clients need to render it (the message text, the conversation, the case number). Customers
 * only ever get their own conversation's state and messages — never case events.
 */
export async function realtimeDeliveries(sources: EventSources, event: DomainEvent): Promise<RealtimeDelivery[]> {
  switch (event.type) {
    case 'conversation.waiting': {
      const conversation = await sources.conversations.get(event.conversationId);
      if (!conversation) return [];
      return [{ room: AGENTS_ROOM, event: event.type, payload: { conversationId: conversation.id, conversation: toConversationSummary(conversation) } }];
    }
    case 'conversation.updated': {
      const conversation = await sources.conversations.get(event.conversationId);
      if (!conversation) return [];
      const shared = { conversationId: conversation.id, state: conversation.state };
      return [
        { room: AGENTS_ROOM, event: event.type, payload: { ...shared, agentId: conversation.agentId ?? null, caseId: conversation.caseId ?? null, conversation: toConversationSummary(conversation) } },
        { room: conversationRoom(conversation.id), event: event.type, payload: shared },
      ];
    }
    case 'conversation.message': {
      const message = await sources.conversations.getMessage(event.conversationId, event.messageId);
      if (!message) return [];
      const payload = { conversationId: event.conversationId, message: toMessageView(message) };
      return [
        { room: AGENTS_ROOM, event: event.type, payload },
        { room: conversationRoom(event.conversationId), event: event.type, payload },
      ];
    }
    case 'case.created': {
      const caseRecord = await sources.cases.get(event.caseId);
      const conversation = event.conversationId ? await sources.conversations.get(event.conversationId, { messages: false }) : null;
      return [
        {
          room: AGENTS_ROOM,
          event: event.type,
          payload: {
            caseId: event.caseId,
            caseNumber: caseRecord?.number ?? null,
            title: caseRecord?.title ?? null,
            conversationId: event.conversationId ?? null,
            agentId: conversation?.agentId ?? null,
            fields: event.fields,
          },
        },
      ];
    }
    case 'case.updated': {
      const caseRecord = await sources.cases.get(event.caseId);
      return [{ room: AGENTS_ROOM, event: event.type, payload: { caseId: event.caseId, caseNumber: caseRecord?.number ?? null, conversationId: event.conversationId ?? null, changed: event.changed } }];
    }
    case 'note.added': {
      const note = (await sources.notes.listForCase(event.caseId)).find((candidate) => candidate.id === event.noteId);
      return [{ room: AGENTS_ROOM, event: event.type, payload: { caseId: event.caseId, noteId: event.noteId, kind: note?.kind ?? null } }];
    }
    case 'email.processed':
      return [{ room: AGENTS_ROOM, event: event.type, payload: { emailId: event.emailId, outcome: event.outcome, caseId: event.caseId ?? null } }];
    default:
      return [];
  }
}
