import { describe, expect, it } from 'vitest';
import { StartConversationSchema } from './chat-schemas.js';
import { toStartInput } from './customer-chat.controller.js';

describe('toStartInput', () => {
  it('opens a pre-chat survey conversation with the customer’s question as their first message', () => {
    const input = toStartInput(StartConversationSchema.parse({ customer: { name: 'Dana', email: 'dana@example.com' }, context: { Question: ' Where is my parcel? ' } }));
    expect(input.messages).toEqual([{ sender: 'customer', senderName: 'Dana', text: 'Where is my parcel?' }]);
    expect(input.context).toEqual({ Question: ' Where is my parcel? ' });
  });

  it('keeps a bot’s transcript and origin as handed over, without adding the question again', () => {
    const input = toStartInput(
      StartConversationSchema.parse({ origin: 'faq-bot', context: { question: 'refund', orderNumber: 'ORD-1' }, messages: [{ sender: 'bot', text: 'Hi!' }, { sender: 'customer', text: 'I want a refund' }] }),
      'faq-bot',
    );
    expect(input.escalatingBot).toBe('faq-bot');
    expect(input.messages?.map((message) => message.text)).toEqual(['Hi!', 'I want a refund']);
  });

  it('names the bad fields', () => {
    const result = StartConversationSchema.safeParse({ customer: { name: 5 }, messages: [{ sender: 'agent', text: '' }], context: { nested: { a: 1 } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['context.nested', 'customer.name', 'messages.0.sender', 'messages.0.text']);
  });
});
