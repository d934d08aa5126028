import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { connectSocket, forConversation, startChatApp, type ChatTestApp } from './chat-test-support.js';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

describeEachDatabase('live chat: racing transitions over HTTP', (databaseId) => {
  let app: ChatTestApp;
  let secondAgentToken: string;

  beforeAll(async () => {
    app = await startChatApp(databaseId);
    const created = await app.api('/admin/users', { method: 'POST', token: app.adminToken, json: { email: 'blake@example.com', password: 'blake-password', role: 'agent', displayName: 'Blake Agent' } });
    expect(created.status).toBe(201);
    secondAgentToken = await app.login('blake@example.com', 'blake-password');
  });
  afterAll(async () => {
    await app?.close();
  });

  async function post(path: string, token: string): Promise<Answer> {
    const response = await app.api(path, { method: 'POST', token, json: {} });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('gives a waiting conversation to exactly one of two agents accepting at once; the other gets 409 naming who has it', async () => {
    const chat = await app.startChat({ customer: { name: 'Dana' }, context: { question: 'My parcel never arrived' } });
    const answers = await Promise.all([app.agentToken, secondAgentToken].map((token) => post(`/conversations/${chat.id}/accept`, token)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.status === 200)!;
    const loser = answers.find((answer) => answer.status === 409)!;
    const winnerId = (winner.body.conversation as { agentId: string }).agentId;
    const winnerName = winnerId === app.agentId ? 'Alex Agent' : 'Blake Agent';
    expect(loser.body.message).toBe(`This conversation was already accepted by ${winnerName}`);
    expect(loser.body.details).toMatchObject({ agentId: winnerId, agentName: winnerName });
    expect(await app.agentGet(`/conversations/${chat.id}`)).toMatchObject({ state: 'active', agentId: winnerId });
    const cases = await app.agentGet<{ total: number; items: { conversationId: string | null }[] }>('/cases?channel=chat&pageSize=100');
    expect(cases.items.filter((item) => item.conversationId === chat.id)).toHaveLength(1);
  });

  it('moves to wrap-up once and ends once when the same request races itself', async () => {
    const agent = await connectSocket(app.running.url, { token: app.agentToken });
    try {
      const chat = await app.startChat({ customer: { name: 'Eli' }, context: { question: 'I want to return the shoes' } });
      await app.agentPost(`/conversations/${chat.id}/accept`);
      const wrapUps = await Promise.all([1, 2].map(() => post(`/conversations/${chat.id}/wrap-up`, app.agentToken)));
      expect(wrapUps.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(wrapUps.find((answer) => answer.status === 409)?.body.message).toBe(`conversation ${chat.id} is already in wrap-up`);

      const ends = await Promise.all([app.agentToken, app.agentToken].map((token) => post(`/conversations/${chat.id}/end`, token)));
      expect(ends.map((answer) => answer.status)).toEqual([200, 200]);
      expect(ends.map((answer) => answer.body.alreadyEnded).sort()).toEqual([false, true]);
      await agent.waitFor('conversation.case-work', (payload) => payload.conversationId === chat.id && payload.trigger === 'end');
      const closedEvents = agent.events('conversation.updated', forConversation(chat.id)).filter((payload) => payload.state === 'closed');
      expect(closedEvents).toHaveLength(1);
      expect(agent.events('conversation.updated', forConversation(chat.id)).filter((payload) => payload.state === 'wrap-up')).toHaveLength(1);
    } finally {
      agent.close();
    }
  });
});
