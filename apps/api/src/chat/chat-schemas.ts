import { CASE_STATUSES, CONVERSATION_STATES } from '@autocase/core';
import { z } from 'zod';

const MAX_TEXT = 10_000;

const ContextValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()], 'context values must be text, numbers, booleans or null');

/** A transcript line handed over by an escalating bot (or the widget's own history). */
const TranscriptMessageSchema = z.object({
  sender: z.enum(['customer', 'bot', 'system'], 'sender must be customer, bot or system'),
  senderName: z.string().max(200).nullable().optional(),
  text: z.string('text is required').trim().min(1, 'text must not be empty').max(MAX_TEXT, `text is limited to ${MAX_TEXT} characters`),
  at: z.iso.datetime({ message: 'at must be an ISO date-time, e.g. 2026-01-31T12:00:00Z' }).optional(),
});

/** `POST /api/chat/conversations`: a pre-chat survey (customer + context.question) or a bot escalation (messages + context + origin). */
export const StartConversationSchema = z
  .object({
    customer: z
      .object({
        name: z.string().max(200, 'name is limited to 200 characters').optional(),
        email: z.string().max(320, 'email is limited to 320 characters').optional(),
        phone: z.string().max(50, 'phone is limited to 50 characters').optional(),
      })
      .optional(),
    context: z.record(z.string().min(1).max(100), ContextValueSchema, 'context must be an object of name to value').optional(),
    messages: z.array(TranscriptMessageSchema, 'messages must be a list of { sender, text }').max(500, 'at most 500 messages can be handed over').optional(),
    /** `direct` (default) or the id of the bot that escalated the conversation. */
    origin: z.string().trim().min(1).max(200).optional(),
  })
  .default({});
export type StartConversationBody = z.infer<typeof StartConversationSchema>;

export const MessageBodySchema = z.object({
  text: z.string('text is required').trim().min(1, 'text must not be empty').max(MAX_TEXT, `text is limited to ${MAX_TEXT} characters`),
});

export const ConversationListQuerySchema = z.object({
  state: z.enum(CONVERSATION_STATES, `state must be one of ${CONVERSATION_STATES.join(', ')}`).optional(),
  mine: z.enum(['true', 'false'], 'mine must be true or false').optional(),
});

/** `POST /api/conversations/:id/case`: the agent's "New case"; the title defaults to the customer's question. */
export const ConversationCaseSchema = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty').max(500).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]), 'fields must be an object of field key to value').optional(),
  })
  .default({});

/** Customer → server `message` over the WebSocket. */
export const SocketMessageSchema = z.object({
  conversationId: z.string().min(1).optional(),
  text: MessageBodySchema.shape.text,
});

/** Either side → server `typing` over the WebSocket. */
export const SocketTypingSchema = z.object({
  conversationId: z.string().min(1).optional(),
  typing: z.boolean('typing must be true or false'),
});

/** Either side → server `end` over the WebSocket: `{}` from a customer, `{ conversationId }` from an agent. */
export const SocketEndSchema = z.object({
  conversationId: z.string().min(1).optional(),
});
