import { describe, expect, it } from 'vitest';
import type { Conversation } from '../domain/conversation.js';
import { buildFieldDefinition } from '../testing/builders.js';
import { conversationCaseTitle, mapConversationContextToFields, normalizeContextKey } from './conversation-context-mapping.js';

const AT = '2026-01-01T09:00:00.000Z';
const fields = [
  buildFieldDefinition({ key: 'customerName', label: 'Customer name', type: 'text' }),
  buildFieldDefinition({ key: 'email', label: 'Email', type: 'email' }),
  buildFieldDefinition({ key: 'orderId', label: 'Order ID', type: 'text' }),
  buildFieldDefinition({ key: 'plan', label: 'Plan', type: 'choice', options: [{ value: 'basic' }, { value: 'pro' }] }),
  buildFieldDefinition({ key: 'accountId', label: 'Account', type: 'text' }),
];

function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return { id: 'c1', state: 'waiting', customer: {}, context: {}, origin: 'direct', createdAt: AT, messages: [], ...overrides };
}

describe('normalizeContextKey', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(normalizeContextKey('Customer_Name')).toBe('customername');
    expect(normalizeContextKey('order id')).toBe('orderid');
  });
});

describe('mapConversationContextToFields', () => {
  it('maps the customer and context variables to fields by key or label, with provenance channel', () => {
    const result = mapConversationContextToFields(
      fields,
      conversation({ customer: { name: 'Jane Doe', email: 'jane@example.com' }, context: { order_id: 'A-1', 'Plan': 'Pro', unrelated: 'x' }, origin: 'bot-1' }),
      AT,
    );
    expect(result.fieldStates).toEqual({
      customerName: { value: 'Jane Doe', source: 'channel', updatedAt: AT },
      email: { value: 'jane@example.com', source: 'channel', updatedAt: AT },
      orderId: { value: 'A-1', source: 'channel', updatedAt: AT },
      plan: { value: 'pro', source: 'channel', updatedAt: AT },
    });
    expect(result.auditEntries).toContainEqual({
      at: AT,
      action: 'field-changed',
      field: 'orderId',
      oldValue: null,
      newValue: 'A-1',
      actor: { type: 'channel', id: 'bot-1' },
      source: 'channel',
      reason: 'taken from the conversation context (order_id)',
    });
  });

  it('prefers an explicit context variable over the customer record', () => {
    const result = mapConversationContextToFields(fields, conversation({ customer: { email: 'old@example.com' }, context: { email: 'new@example.com' } }), AT);
    expect(result.fieldStates.email?.value).toBe('new@example.com');
  });

  it('matches a field by its label too', () => {
    expect(mapConversationContextToFields(fields, conversation({ context: { account: '998' } }), AT).fieldStates.accountId?.value).toBe('998');
  });

  it('skips values that do not fit the field and reports them', () => {
    const result = mapConversationContextToFields(fields, conversation({ context: { email: 'not-an-email', plan: 'gold' } }), AT);
    expect(result.fieldStates).toEqual({});
    expect(result.rejected.map((entry) => entry.field)).toEqual(['email', 'plan']);
  });
});

describe('conversationCaseTitle', () => {
  const message = (sender: 'customer' | 'bot', text: string) => ({ id: text, conversationId: 'c1', sender, text, at: AT });

  it('uses the pre-chat question first', () => {
    expect(conversationCaseTitle(conversation({ context: { Question: 'Where is my order?' }, messages: [message('customer', 'hello')] }))).toBe('Where is my order?');
  });

  it('falls back to the first customer message, then the customer name', () => {
    expect(conversationCaseTitle(conversation({ messages: [message('bot', 'How can I help?'), message('customer', 'My card   was declined')] }))).toBe(
      'My card was declined',
    );
    expect(conversationCaseTitle(conversation({ customer: { name: 'Jane' } }))).toBe('Chat with Jane');
    expect(conversationCaseTitle(conversation())).toBe('Chat conversation');
  });

  it('shortens long text at a word boundary', () => {
    const title = conversationCaseTitle(conversation({ context: { question: 'word '.repeat(60) } }));
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('word…')).toBe(true);
  });
});
