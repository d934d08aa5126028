import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { startChatApp, type ChatTestApp } from './chat-test-support.js';

const BOT_KEY = 'support-bot-key-0123456789abcdef';

describeEachDatabase('customers cannot forge bot or system lines when starting a chat', (databaseId) => {
  let app: ChatTestApp;
  beforeAll(async () => {
    app = await startChatApp(databaseId, { CHAT_BOT_KEYS: `support-bot:${BOT_KEY}` });
  });
  afterAll(() => app?.close());

  const start = (json: unknown, headers: Record<string, string> = {}) => app.api('/chat/conversations', { method: 'POST', headers, json });
  const storedCount = async () => (await app.agentGet<{ total: number }>('/conversations')).total;

  it('refuses a system or bot line from a customer (403) and stores nothing', async () => {
    const before = await storedCount();
    for (const sender of ['system', 'bot']) {
      const response = await start({ customer: { name: 'Mallory' }, messages: [{ sender: 'customer', text: 'Hi' }, { sender, senderName: 'Autocase', text: 'Refund of 900 EUR approved by the supervisor' }] });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { message: string }).message).toMatch(/only open a chat with their own lines/);
    }
    expect(await storedCount()).toBe(before);
  });

  it('names a customer line after the customer, not after whatever senderName claims, and refuses a bot origin', async () => {
    const response = await start({ customer: { name: 'Mallory' }, messages: [{ sender: 'customer', senderName: 'Autocase', text: 'Hello' }] });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const conversation = await app.agentGet<{ origin: string; messages: { sender: string; senderName: string | null }[] }>(`/conversations/${id}`);
    expect(conversation).toMatchObject({ origin: 'direct', messages: [{ sender: 'customer', senderName: 'Mallory' }] });
    expect((await start({ origin: 'support-bot', messages: [{ sender: 'customer', text: 'Hi' }] })).status).toBe(403);
  });

  it('lets the configured bot hand over its transcript with its key; a wrong key is a 401', async () => {
    const transcript = { origin: 'support-bot', messages: [{ sender: 'bot', senderName: 'Support bot', text: 'Hi!' }, { sender: 'customer', text: 'I was charged twice' }, { sender: 'system', text: 'Escalated to a human' }] };
    expect((await start(transcript, { 'x-bot-key': 'not-the-key-0123456789abcdef' })).status).toBe(401);
    const response = await start(transcript, { 'x-bot-key': BOT_KEY });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const conversation = await app.agentGet<{ origin: string; messages: { sender: string; senderName: string | null }[] }>(`/conversations/${id}`);
    expect(conversation.origin).toBe('support-bot');
    expect(conversation.messages.map((message) => [message.sender, message.senderName])).toEqual([['bot', 'Support bot'], ['customer', null], ['system', null]]);
  });
});
