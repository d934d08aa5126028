import { afterAll, beforeAll, expect, it } from 'vitest';
import { startChatApp, type ChatTestApp } from './chat-test-support.js';
import { describeEachDatabase } from './support/database-targets.js';

interface ErrorBody {
  message: string;
  issues: { path: string; message: string }[];
}

describeEachDatabase('control characters in text are refused with a 400, and values are bound', (databaseId) => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await startChatApp(databaseId);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function expectRefused(response: Response, path: string): Promise<void> {
    expect(response.status, await response.clone().text()).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.issues).toEqual([{ path, message: expect.stringContaining('control character (U+0000)') }]);
  }

  it('refuses a NUL in a chat start (name, question, handed-over transcript) and the chat list keeps working', async () => {
    await expectRefused(await app.api('/chat/conversations', { method: 'POST', json: { customer: { name: 'Eve\u0000' }, context: { question: 'Where is my parcel?' } } }), 'customer.name');
    await expectRefused(await app.api('/chat/conversations', { method: 'POST', json: { customer: { name: 'Eve' }, context: { question: 'Where\u0000 is my parcel?' } } }), 'context.question');
    await expectRefused(await app.api('/chat/conversations', { method: 'POST', json: { messages: [{ sender: 'bot', text: 'hello\u0000' }] } }), 'messages.0.text');
    const list = await app.api('/conversations?state=waiting', { token: app.agentToken });
    expect(list.status).toBe(200);
  });

  it('refuses a NUL in a chat message; the conversation stays usable', async () => {
    const chat = await app.startChat({ customer: { name: "Siobhán O'Brien'); drop table conversations; --" }, context: { question: "It's 'urgent' \\ \"really\"" } });
    const headers = { 'x-conversation-token': chat.conversationToken };
    await expectRefused(await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers, json: { text: 'bad\u0000text' } }), 'text');
    const sent = await app.api(`/chat/conversations/${chat.id}/messages`, { method: 'POST', headers, json: { text: "quotes ' \" \\ and 報告" } });
    expect(sent.status, await sent.clone().text()).toBeLessThan(300);
    const accepted = await app.agentPost<{ conversation: { customer: { name: string }; messages: { text: string }[] } }>(`/conversations/${chat.id}/accept`);
    expect(accepted.conversation.customer.name).toBe("Siobhán O'Brien'); drop table conversations; --");
    const detail = await app.agentGet<{ customer: { name: string }; messages: { text: string }[] }>(`/conversations/${chat.id}`);
    expect(detail.messages.map((message) => message.text)).toContain("quotes ' \" \\ and 報告");
  });

  it('refuses a NUL in a case title and in a search', async () => {
    await expectRefused(await app.api('/cases', { method: 'POST', token: app.agentToken, json: { title: 'Refund\u0000' } }), 'title');
    const created = await app.api('/cases', { method: 'POST', token: app.agentToken, json: { title: 'Refund' } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await expectRefused(await app.api(`/cases/${id}`, { method: 'PATCH', token: app.agentToken, json: { title: 'x\u0000' } }), 'title');
    await expectRefused(await app.api('/cases?q=%00', { token: app.agentToken }), 'query.q');
    await expectRefused(await app.api('/emails?q=abc%00', { token: app.adminToken }), 'query.q');
  });
});
