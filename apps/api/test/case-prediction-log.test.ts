import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { CHAT_FIELDS, startChatApp, type ChatTestApp } from './chat-test-support.js';

interface PredictionLogBody {
  total: number;
  items: {
    caseId: string;
    at: string;
    scope: string;
    trigger: string;
    predictors: { id: string; version: string }[];
    decisions: { field: string; predictor: { id: string; version: string }; value: unknown; confidence: number; accepted: boolean; reason: string; detail: string | null }[];
    abstentions: { field: string; reason: string; message: string }[];
    changed: string[];
    errors: unknown[];
  }[];
}

describeEachDatabase('case prediction log over HTTP', (databaseId) => {
  let app: ChatTestApp;
  let caseId: string;
  let caseNumber: string;

  beforeAll(async () => {
    app = await startChatApp(databaseId);
    // The rules predictor proposes with confidence 0.9: a 0.95 threshold on priority makes the engine abstain there.
    const fields = CHAT_FIELDS.map((field) => (field.key === 'priority' ? { ...field, threshold: 0.95 } : field));
    const saved = await app.api('/admin/fields', { method: 'PUT', token: app.adminToken, json: fields });
    expect(saved.status).toBe(200);
    await app.setSettings({ autoCreateCaseOnAccept: true });
    const chat = await app.startChat({ customer: { name: 'Dana Smith' }, context: { question: 'Urgent: I was charged twice on my last invoice' } });
    const accepted = await app.agentPost<{ caseOutcome: { created: boolean; caseId: string } }>(`/conversations/${chat.id}/accept`);
    expect(accepted.caseOutcome.created).toBe(true);
    caseId = accepted.caseOutcome.caseId;
    caseNumber = (await app.agentGet<{ number: string }>(`/cases/${caseId}`)).number;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says which field was accepted and which abstained below its threshold, and why', async () => {
    const log = await app.agentGet<PredictionLogBody>(`/cases/${caseId}/predictions`);
    expect(log.total).toBe(log.items.length);
    const creation = log.items.find((entry) => entry.scope === 'chatCreation');
    expect(creation).toMatchObject({ caseId, trigger: 'accept' });
    expect(creation?.predictors.map((predictor) => predictor.id)).toContain('rules');

    const category = creation?.decisions.find((decision) => decision.field === 'category');
    expect(category).toMatchObject({ value: 'billing', accepted: true, reason: 'accepted', confidence: 0.9, predictor: { id: 'rules' } });
    expect(creation?.changed).toContain('category');

    const priority = creation?.decisions.find((decision) => decision.field === 'priority');
    expect(priority).toMatchObject({ value: 'high', accepted: false, reason: 'below-threshold', confidence: 0.9 });
    expect(priority?.detail).toContain('0.95');
    const abstention = creation?.abstentions.find((item) => item.field === 'priority');
    expect(abstention?.reason).toBe('all-rejected');
    expect(abstention?.message).toContain('0.95');
    expect(creation?.changed).not.toContain('priority');
  });

  it('lists runs newest first and answers by case number too', async () => {
    await app.agentPost(`/cases/${caseId}/update-from-conversation`);
    const byNumber = await app.agentGet<PredictionLogBody>(`/cases/${caseNumber}/predictions`);
    const byId = await app.agentGet<PredictionLogBody>(`/cases/${caseId}/predictions`);
    expect(byNumber).toEqual(byId);
    expect(byId.items.map((entry) => [entry.scope, entry.trigger])).toEqual([
      ['updates', 'agent-request'],
      ['chatCreation', 'accept'],
    ]);
    const priorityAgain = byId.items[0]?.abstentions.find((item) => item.field === 'priority');
    expect(priorityAgain).toMatchObject({ reason: 'all-rejected', message: expect.stringContaining('below the field threshold 0.95') });
  });

  it('is admin-readable, 404 for an unknown case and 401 without a token', async () => {
    expect((await app.api(`/cases/${caseId}/predictions`, { token: app.adminToken })).status).toBe(200);
    const unknown = await app.api('/cases/CAS-999999/predictions', { token: app.agentToken });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('CAS-999999');
    expect((await app.api(`/cases/${caseId}/predictions`)).status).toBe(401);
  });

  it('is documented in the OpenAPI document', async () => {
    const document = (await (await app.api('/docs-json')).json()) as { paths: Record<string, { get?: { responses: Record<string, unknown> } }> };
    const operation = document.paths['/api/cases/{id}/predictions']?.get;
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '404']));
  });
});
