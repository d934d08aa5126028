import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { connectSocket, forConversation, startChatApp, type ChatTestApp } from './chat-test-support.js';

const SCRIPTED_PREDICTOR = fileURLToPath(new URL('./support/scripted-predictor-plugin.mjs', import.meta.url));

describeEachDatabase('live chat: queued case work that fails for good', (databaseId) => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await startChatApp(databaseId, {
      AUTOCASE_PLUGINS: JSON.stringify([
        { kind: 'predictor', package: SCRIPTED_PREDICTOR, config: { failWith: { code: 'TEMPORARY', message: 'the model provider is down' } } },
        { kind: 'summarizer', package: '@autocase/predictors/summarizers' },
      ]),
      CHAT_CASE_WORK_ATTEMPTS: '2',
      CHAT_CASE_WORK_BACKOFF_MS: '50',
    });
    await app.setSettings({ autoCreateCaseOnAccept: true, summaryNoteOnChatEnd: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('tells agents with conversation.case-work outcome failed once the retries are used up', async () => {
    const agent = await connectSocket(app.running.url, { token: app.agentToken });
    try {
      const chat = await app.startChat({ customer: { name: 'Dana' }, context: { question: 'I was charged twice on my invoice' } });
      const accepted = await app.agentPost<{ caseOutcome: { created: boolean; reason: string } }>(`/conversations/${chat.id}/accept`);
      expect(accepted.caseOutcome).toMatchObject({ created: false, reason: 'prediction-failed' });
      await app.agentPost(`/conversations/${chat.id}/end`);
      const failed = await agent.waitFor('conversation.case-work', forConversation(chat.id));
      expect(failed).toEqual({
        conversationId: chat.id,
        trigger: 'end',
        caseId: null,
        outcome: 'failed',
        message: expect.stringMatching(/^Creating the case and summary note after the end failed for good \(gave up after 2 attempts\): .*the model provider is down/),
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(agent.events('conversation.case-work', forConversation(chat.id))).toHaveLength(1);
    } finally {
      agent.close();
    }
  });
});
