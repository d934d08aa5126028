import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describeEachDatabase('admin audit: by case number, and settings changes', (databaseId) => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp(databaseId, { SMTP_ENABLED: 'false' });
    token = await app.login();
    expect((await app.api('/admin/fields', { method: 'PUT', token, json: [{ key: 'orderNumber', label: 'Order number', type: 'text' }] })).status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('filters the audit log by case number as well as by id', async () => {
    const created = (await (await app.api('/cases', { method: 'POST', token, json: { title: 'Parcel arrived damaged' } })).json()) as { id: string; number: string };
    expect((await app.api(`/cases/${created.id}`, { method: 'PATCH', token, json: { fields: { orderNumber: 'ORD-55120' } } })).status).toBe(200);
    await app.api('/cases', { method: 'POST', token, json: { title: 'Another case' } });
    const byNumber = (await (await app.api(`/admin/audit?caseId=${created.number}`, { token })).json()) as { items: { caseId: string }[]; total: number };
    const byId = (await (await app.api(`/admin/audit?caseId=${created.id}`, { token })).json()) as { total: number };
    expect(byNumber.total).toBeGreaterThan(0);
    expect(byNumber.total).toBe(byId.total);
    expect(new Set(byNumber.items.map((entry) => entry.caseId))).toEqual(new Set([created.id]));
    expect(await (await app.api(`/admin/audit?caseId=${created.number.toLowerCase()}`, { token })).json()).toMatchObject({ total: byId.total });
    expect(await (await app.api('/admin/audit?caseId=CAS-99999', { token })).json()).toEqual({ items: [], total: 0 });
  });

  it('audits each settings save that changes something: who, when, old and new values', async () => {
    const current = (await (await app.api('/admin/settings', { token })).json()) as Record<string, unknown>;
    expect((await app.api('/admin/settings', { method: 'PUT', token, json: current })).status).toBe(200);
    expect(await (await app.api('/admin/audit/settings', { token })).json()).toEqual({ items: [] });
    expect((await app.api('/admin/settings', { method: 'PUT', token, json: { ...current, allowAiOverrideOfAgentEdits: !current.allowAiOverrideOfAgentEdits } })).status).toBe(200);
    const audit = (await (await app.api('/admin/audit/settings', { token })).json()) as { items: { at: string; actor: { type: string; name: string }; changes: unknown[] }[] };
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actor: { type: 'user', name: expect.any(String) }, changes: [{ setting: 'allowAiOverrideOfAgentEdits', from: current.allowAiOverrideOfAgentEdits, to: !current.allowAiOverrideOfAgentEdits }] });
  });
});
