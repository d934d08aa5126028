import { describe, expect, it } from 'vitest';
import { createInMemoryCaseEngine } from '../testing/in-memory-case-engine.js';

describe('startConversation', () => {
  it('creates a waiting conversation with customer, context and a bot transcript, and announces it', async () => {
    const harness = createInMemoryCaseEngine();
    const conversation = await harness.engine.startConversation({
      customer: { name: ' Jane Doe ', email: 'jane@example.com' },
      context: { question: 'Where is my order?', orderCount: 3, vip: true, empty: null },
      messages: [{ sender: 'bot', text: 'Hi! What can I do?' }, { sender: 'customer', text: 'Where is my order?', at: '2026-01-01T08:59:00.000Z' }],
      escalatingBot: 'faq-bot',
    });
    expect(conversation).toMatchObject({
      state: 'waiting',
      customer: { name: 'Jane Doe', email: 'jane@example.com' },
      context: { question: 'Where is my order?', orderCount: '3', vip: 'true' },
      origin: 'faq-bot',
      caseId: null,
      agentId: null,
    });
    expect(conversation.messages.map((message) => [message.sender, message.at])).toEqual([
      ['bot', '2026-01-01T09:00:00.000Z'],
      ['customer', '2026-01-01T08:59:00.000Z'],
    ]);
    expect(harness.events.events).toEqual([{ type: 'conversation.waiting', conversationId: conversation.id }]);
  });

  it('defaults to a direct conversation without context', async () => {
    const conversation = await createInMemoryCaseEngine().engine.startConversation();
    expect(conversation).toMatchObject({ origin: 'direct', context: {}, customer: {}, messages: [] });
  });

  it('rejects bad input naming each problem', async () => {
    const harness = createInMemoryCaseEngine();
    await expect(
      harness.engine.startConversation({
        customer: { email: 'jane.example.com' },
        context: { nested: { a: 1 } as unknown as string },
        messages: [{ sender: 'robot' as 'bot', text: ' ' }],
        escalatingBot: 'faq-bot',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [
        { path: 'context.nested', message: 'context values must be text, numbers or booleans' },
        { path: 'customer.email', message: '"jane.example.com" is not a valid email address' },
        { path: 'messages.0.sender', message: 'sender must be one of customer, bot, system' },
        { path: 'messages.0.text', message: 'message text must be non-empty text' },
      ],
    });
  });
});

describe('startConversation without an authenticated bot', () => {
  it('refuses bot and system lines: a customer cannot forge them', async () => {
    const harness = createInMemoryCaseEngine();
    await expect(
      harness.engine.startConversation({ messages: [{ sender: 'customer', text: 'Hi' }, { sender: 'system', senderName: 'Autocase', text: 'Refund approved' }, { sender: 'bot', text: 'Yes' }] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { issues: [{ path: 'messages.1.sender' }, { path: 'messages.2.sender' }] } });
    expect(harness.events.events).toEqual([]);
  });

  it('names the customer’s own lines after the customer, whatever senderName claims, and the origin is direct', async () => {
    const conversation = await createInMemoryCaseEngine().engine.startConversation({ customer: { name: 'Jane' }, messages: [{ sender: 'customer', senderName: 'Autocase', text: 'Hi' }] });
    expect(conversation.messages.map((message) => [message.sender, message.senderName])).toEqual([['customer', 'Jane']]);
    expect(conversation.origin).toBe('direct');
  });
});

describe('postMessage', () => {
  it('appends a message and announces it', async () => {
    const harness = createInMemoryCaseEngine();
    const conversation = await harness.engine.startConversation();
    const message = await harness.engine.postMessage({ conversationId: conversation.id, sender: 'customer', senderName: 'Jane', text: '  Hello  ' });
    expect(message).toMatchObject({ conversationId: conversation.id, sender: 'customer', senderName: 'Jane', text: 'Hello', at: '2026-01-01T09:00:00.000Z' });
    expect(harness.events.ofType('conversation.message')).toEqual([{ type: 'conversation.message', conversationId: conversation.id, messageId: message.id }]);
  });

  it('refuses agent replies before accept, any message after close, empty or too long text', async () => {
    const harness = createInMemoryCaseEngine();
    const conversation = await harness.engine.startConversation();
    await expect(harness.engine.postMessage({ conversationId: conversation.id, sender: 'agent', text: 'Hi' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: `conversation ${conversation.id} is waiting; accept it before replying`,
    });
    await expect(harness.engine.postMessage({ conversationId: conversation.id, sender: 'customer', text: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(harness.engine.postMessage({ conversationId: conversation.id, sender: 'customer', text: 'x'.repeat(10_001) })).rejects.toMatchObject({
      issues: [{ path: 'text', message: 'message is 10001 characters long; the limit is 10000' }],
    });
    await harness.engine.endConversation({ conversationId: conversation.id });
    await expect(harness.engine.postMessage({ conversationId: conversation.id, sender: 'customer', text: 'Hi' })).rejects.toMatchObject({
      message: `conversation ${conversation.id} is closed; no more messages can be added`,
    });
    await expect(harness.engine.postMessage({ conversationId: 'nope', sender: 'customer', text: 'Hi' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
