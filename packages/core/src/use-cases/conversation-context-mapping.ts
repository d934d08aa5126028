import type { CaseFieldState } from '../domain/case.js';
import type { Conversation } from '../domain/conversation.js';
import type { FieldDefinition } from '../domain/field-definition.js';
import { normalizeFieldValue } from '../engine/field-value-validation.js';
import type { AuditEntryDraft } from '../engine/merge-predictions.js';

const CUSTOMER_ALIASES: Record<'name' | 'email' | 'phone', string[]> = {
  name: ['name', 'customername', 'fullname', 'contactname'],
  email: ['email', 'customeremail', 'emailaddress', 'contactemail'],
  phone: ['phone', 'customerphone', 'phonenumber', 'contactphone'],
};

const QUESTION_KEYS = ['question', 'subject', 'issue', 'topic', 'reason', 'problem'];
const MAX_TITLE_LENGTH = 120;

/** `Customer_Name`, `customerName` and `customer name` all become `customername`. */
export function normalizeContextKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function contextValues(conversation: Pick<Conversation, 'context' | 'customer'>): Map<string, { key: string; value: string }> {
  const values = new Map<string, { key: string; value: string }>();
  for (const [part, aliases] of Object.entries(CUSTOMER_ALIASES) as [keyof typeof CUSTOMER_ALIASES, string[]][]) {
    const value = conversation.customer[part];
    if (value) for (const alias of aliases) values.set(alias, { key: `customer.${part}`, value });
  }
  for (const [key, value] of Object.entries(conversation.context)) {
    if (typeof value === 'string' && value.trim().length > 0) values.set(normalizeContextKey(key), { key, value });
  }
  return values;
}

export interface ContextMappingResult {
  fieldStates: Record<string, CaseFieldState>;
  auditEntries: AuditEntryDraft[];
  /** Context values that matched a field but were not valid for it. */
  rejected: { field: string; contextKey: string; error: string }[];
}

/**
 * Maps the conversation's context (pre-chat survey answers, bot variables, the customer's
 * name/email/phone) onto case fields whose key or label matches, with provenance `channel`.
 */
export function mapConversationContextToFields(fields: FieldDefinition[], conversation: Pick<Conversation, 'context' | 'customer' | 'origin'>, at: string): ContextMappingResult {
  const values = contextValues(conversation);
  const result: ContextMappingResult = { fieldStates: {}, auditEntries: [], rejected: [] };
  for (const field of fields) {
    const match = values.get(normalizeContextKey(field.key)) ?? values.get(normalizeContextKey(field.label));
    if (!match) continue;
    const check = normalizeFieldValue(field, match.value);
    if (!check.ok) {
      result.rejected.push({ field: field.key, contextKey: match.key, error: check.error });
      continue;
    }
    if (check.value === null) continue;
    result.fieldStates[field.key] = { value: check.value, source: 'channel', updatedAt: at };
    result.auditEntries.push({
      at,
      action: 'field-changed',
      field: field.key,
      oldValue: null,
      newValue: check.value,
      actor: { type: 'channel', id: conversation.origin },
      source: 'channel',
      reason: `taken from the conversation context (${match.key})`,
    });
  }
  return result;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_TITLE_LENGTH) return flat;
  const cut = flat.slice(0, MAX_TITLE_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX_TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** The case title: the customer's question from the context, else their first message. */
export function conversationCaseTitle(conversation: Pick<Conversation, 'context' | 'customer' | 'messages'>): string {
  for (const [key, value] of Object.entries(conversation.context)) {
    if (QUESTION_KEYS.includes(normalizeContextKey(key)) && typeof value === 'string' && value.trim()) return shorten(value);
  }
  const firstCustomerMessage = conversation.messages.find((message) => message.sender === 'customer' && message.text.trim());
  if (firstCustomerMessage) return shorten(firstCustomerMessage.text);
  return conversation.customer.name ? `Chat with ${shorten(conversation.customer.name)}` : 'Chat conversation';
}
