import type { ChatMessage, Conversation, ConversationCustomer } from '../domain/conversation.js';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError, type ValidationIssue } from '../domain/errors.js';
import { isValidEmailAddress } from '../engine/field-value-validation.js';
import { nowIso, type CaseEngineDeps } from './case-engine-deps.js';
import { assertMayActOnConversation, type ConversationActor } from './conversation-actor.js';

const MAX_MESSAGE_LENGTH = 10_000;
const MAX_CONTEXT_VALUE_LENGTH = 5_000;
const SENDERS = ['customer', 'agent', 'bot', 'system'] as const;

export interface StartConversationInput {
  customer?: ConversationCustomer;
  /** Pre-chat survey answers or an escalating bot's variables. */
  context?: Record<string, unknown>;
  /**
   * The opening lines: the customer's own (a pre-chat survey's question), or, from an escalating
   * bot, its transcript with `bot` and `system` lines.
   */
  messages?: { sender: ChatMessage['sender']; senderName?: string | null; text: string; at?: string }[];
  /**
   * The id of the bot that escalated the conversation, set by the host only once it authenticated
   * that bot; it becomes the conversation's origin (else `direct`). Without it every opening line
   * is the customer's, named as the customer: a customer can never author bot or system lines.
   */
  escalatingBot?: string;
}

export interface PostMessageInput {
  conversationId: string;
  sender: ChatMessage['sender'];
  senderName?: string | null;
  text: unknown;
  /** The agent replying (sender `agent`): refused on a chat another agent accepted unless they may take it over. */
  actor?: ConversationActor;
}

function validateText(text: unknown, path: string, issues: ValidationIssue[]): string {
  if (typeof text !== 'string' || text.trim().length === 0) {
    issues.push({ path, message: 'message text must be non-empty text' });
    return '';
  }
  if (text.length > MAX_MESSAGE_LENGTH) issues.push({ path, message: `message is ${text.length} characters long; the limit is ${MAX_MESSAGE_LENGTH}` });
  return text.trim();
}

function validateContext(context: Record<string, unknown>, issues: ValidationIssue[]): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    issues.push({ path: 'context', message: 'context must be an object of name to value' });
    return result;
  }
  for (const [key, value] of Object.entries(context)) {
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      issues.push({ path: `context.${key}`, message: 'context values must be text, numbers or booleans' });
      continue;
    }
    const text = String(value);
    if (text.length > MAX_CONTEXT_VALUE_LENGTH) issues.push({ path: `context.${key}`, message: `value is longer than ${MAX_CONTEXT_VALUE_LENGTH} characters` });
    else result[key] = text;
  }
  return result;
}

/** A customer (or an escalating bot) starts a chat; it waits for an agent. */
export async function startConversation(deps: CaseEngineDeps, input: StartConversationInput = {}): Promise<Conversation> {
  const issues: ValidationIssue[] = [];
  const context = validateContext(input.context ?? {}, issues);
  const customer: ConversationCustomer = {};
  if (input.customer?.name?.trim()) customer.name = input.customer.name.trim();
  if (input.customer?.phone?.trim()) customer.phone = input.customer.phone.trim();
  if (input.customer?.email?.trim()) {
    const email = input.customer.email.trim();
    if (isValidEmailAddress(email)) customer.email = email;
    else issues.push({ path: 'customer.email', message: `"${email}" is not a valid email address` });
  }
  const now = nowIso(deps);
  const bot = input.escalatingBot?.trim() || null;
  const forged = bot ? [] : (input.messages ?? []).flatMap((message, index) => (message.sender === 'customer' ? [] : [{ path: `messages.${index}.sender`, message: `only an authenticated escalating bot may hand over ${message.sender} lines` }]));
  if (forged.length > 0) throw new ForbiddenError(`a customer can only open a chat with their own lines; ${forged.length} line(s) claim another sender`, { issues: forged });
  const messages = (input.messages ?? []).map((message, index) => {
    if (!SENDERS.includes(message.sender) || message.sender === 'agent') issues.push({ path: `messages.${index}.sender`, message: 'sender must be one of customer, bot, system' });
    const senderName = bot ? (message.senderName ?? null) : (customer.name ?? null);
    return { sender: message.sender, senderName, text: validateText(message.text, `messages.${index}.text`, issues), at: message.at ?? now };
  });
  if (issues.length > 0) throw new ValidationError('Invalid conversation', issues);
  const conversation = await deps.conversations.create({
    state: 'waiting',
    customer,
    context,
    origin: bot ?? 'direct',
    agentId: null,
    caseId: null,
    acceptedAt: null,
    endedAt: null,
    messages,
  });
  await deps.events.publish({ type: 'conversation.waiting', conversationId: conversation.id });
  return conversation;
}

/** Adds a message to a conversation that is not closed; agents reply only once they accepted it. */
export async function postMessage(deps: CaseEngineDeps, input: PostMessageInput): Promise<ChatMessage> {
  const conversation = await deps.conversations.get(input.conversationId, { messages: false });
  if (!conversation) throw new NotFoundError('conversation', input.conversationId);
  if (conversation.state === 'closed') throw new InvalidStateError(`conversation ${conversation.id} is closed; no more messages can be added`);
  if (input.sender === 'agent' && conversation.state === 'waiting') throw new InvalidStateError(`conversation ${conversation.id} is waiting; accept it before replying`);
  if (input.sender === 'agent') assertMayActOnConversation(conversation, input.actor, 'reply in');
  const issues: ValidationIssue[] = [];
  if (!SENDERS.includes(input.sender)) issues.push({ path: 'sender', message: `sender must be one of ${SENDERS.join(', ')}` });
  const text = validateText(input.text, 'text', issues);
  if (issues.length > 0) throw new ValidationError('Invalid message', issues);
  const message = await deps.conversations.appendMessage(conversation.id, { sender: input.sender, senderName: input.senderName ?? null, text, at: nowIso(deps) });
  await deps.events.publish({ type: 'conversation.message', conversationId: conversation.id, messageId: message.id });
  return message;
}
