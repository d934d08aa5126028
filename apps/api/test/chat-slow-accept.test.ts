import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { connectSocket, forConversation, startChatApp, type ChatTestApp } from './chat-test-support.js';

const SCRIPTED_PREDICTOR = fileURLToPath(new URL('./support/scripted-predictor-plugin.mjs', import.meta.url));

interface AcceptBody {
  conversation: { state: string; agentId: string; caseId: string | null };
  caseOutcome: { created: boolean; reason?: string; message: string };
  caseWork?: { queued: boolean; jobId: string };
}

describeEachDatabase('live chat: accepting while the predictor is slow', (databaseId) => {
  let app: ChatTestApp;

  beforeAll(async () => {
    app = await startChatApp(databaseId, {
      AUTOCASE_PLUGINS: JSON.stringify([{ kind: 'predictor', package: SCRIPTED_PREDICTOR, config: { delayMs: 2500, predictions: [{ field: 'category', value: 'billing', confidence: 0.95 }] } }]),
      CHAT_ACCEPT_CASE_TIMEOUT_MS: '300',
    });
    await app.setSettings({ autoCreateCaseOnAccept: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers the accept after the bound and finishes the case in a job: case.created and conversation.case-work follow', async () => {
    const agent = await connectSocket(app.running.url, { token: app.agentToken });
    try {
      const chat = await app.startChat({ customer: { name: 'Dana' }, context: { question: 'I was charged twice on my invoice' } });
      const startedAt = Date.now();
      const accepted = await app.agentPost<AcceptBody>(`/conversations/${chat.id}/accept`);
      expect(Date.now() - startedAt).toBeLessThan(2000);
      expect(accepted.conversation).toMatchObject({ state: 'active', agentId: app.agentId, caseId: null });
      expect(accepted.caseOutcome).toMatchObject({ created: false, reason: 'deferred', message: expect.stringContaining('longer than 300 ms') });
      expect(accepted.caseWork).toEqual({ queued: true, jobId: `chat-accept-${chat.id}` });

      const created = await agent.waitFor('case.created', forConversation(chat.id));
      expect(created).toMatchObject({ agentId: app.agentId, fields: ['category'], caseNumber: expect.stringMatching(/^CAS-\d+$/) });
      expect(await agent.waitFor('conversation.case-work', forConversation(chat.id))).toMatchObject({ trigger: 'accept', outcome: 'created', caseId: created.caseId });
      expect(await app.agentGet(`/conversations/${chat.id}`)).toMatchObject({ caseId: created.caseId });
      expect(await app.agentGet(`/cases/${String(created.caseId)}`)).toMatchObject({ fields: { category: { value: 'billing', source: 'ai' } } });
      expect(agent.events('case.created', forConversation(chat.id))).toHaveLength(1);
    } finally {
      agent.close();
    }
  });
});
