import { defineEntity, p } from '@mikro-orm/core';

export const ConversationEntity = defineEntity({
  name: 'ConversationRecord',
  tableName: 'conversations',
  properties: {
    id: p.string().length(36).primary(),
    state: p.string().length(16).index(),
    customer: p.json<Record<string, unknown>>(),
    context: p.json<Record<string, string>>(),
    origin: p.string().length(200),
    agentId: p.string().length(36).nullable().index(),
    caseId: p.string().length(36).nullable(),
    createdAt: p.string().length(32),
    acceptedAt: p.string().length(32).nullable(),
    endedAt: p.string().length(32).nullable(),
  },
});

export const ChatMessageEntity = defineEntity({
  name: 'ChatMessageRecord',
  tableName: 'chat_messages',
  properties: {
    id: p.string().length(36).primary(),
    conversationId: p.string().length(36).index(),
    sequence: p.integer(),
    sender: p.string().length(16),
    senderName: p.string().length(200).nullable(),
    text: p.text(),
    at: p.string().length(32),
  },
});
