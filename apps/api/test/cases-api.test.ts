import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface CaseBody {
  id: string;
  number: string;
  version: number;
  status: string;
  fields: Record<string, { value: unknown; source: string; confidence: number | null; evidence: unknown[]; updatedAt: string }>;
}

describeEachDatabase('configuration and case endpoints over HTTP', (databaseId) => {
  let app: TestApp;
  let admin: string;
  let agent: string;
  beforeAll(async () => {
    app = await startTestApp(databaseId, { AUTOCASE_DEMO: '1' });
    admin = await app.login();
    await app.api('/admin/users', { method: 'POST', token: admin, json: { email: 'agent@example.com', password: 'agent-password' } });
    agent = await app.login('agent@example.com', 'agent-password');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves the demo fields and round-trips an edited field list', async () => {
    const fields = (await (await app.api('/admin/fields', { token: admin })).json()) as { key: string }[];
    expect(fields.map((field) => field.key)).toEqual(['category', 'priority', 'customerEmail', 'orderNumber', 'product']);
    const edited = [...fields, { key: 'refundAmount', label: 'Refund amount', type: 'currency' }];
    const saved = await app.api('/admin/fields', { method: 'PUT', token: admin, json: edited });
    expect(saved.status).toBe(200);
    const reread = (await (await app.api('/admin/fields', { token: admin })).json()) as { key: string; threshold: number }[];
    expect(reread.map((field) => field.key)).toContain('refundAmount');
    expect(reread.find((field) => field.key === 'refundAmount')?.threshold).toBe(0.7);
  });

  it('names the bad field path when a field list is invalid', async () => {
    const response = await app.api('/admin/fields', { method: 'PUT', token: admin, json: [{ key: 'Bad Key', label: 'x', type: 'text' }, { key: 'choice', label: 'Choice', type: 'choice', options: [] }] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { path: string; message: string }[] };
    expect(body.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['0.key', '1.options']));
    expect(body.issues.find((issue) => issue.path === '0.key')?.message).toContain('lowercase');
  });

  it('round-trips settings and rejects a bad threshold naming it', async () => {
    const current = (await (await app.api('/admin/settings', { token: admin })).json()) as Record<string, unknown>;
    expect(current.allowAiOverrideOfAgentEdits).toBe(false);
    const saved = await app.api('/admin/settings', { method: 'PUT', token: admin, json: { ...current, summaryNoteOnChatEnd: false, defaultThreshold: 0.8 } });
    expect(saved.status).toBe(200);
    expect(await (await app.api('/admin/settings', { token: admin })).json()).toMatchObject({ summaryNoteOnChatEnd: false, defaultThreshold: 0.8 });
    const bad = await app.api('/admin/settings', { method: 'PUT', token: admin, json: { defaultThreshold: 3 } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('defaultThreshold');
    expect((await app.api('/admin/settings', { method: 'PUT', token: agent, json: {} })).status).toBe(403);
  });

  it('creates a case by hand, edits it (agent provenance) and audits every change', async () => {
    const created = await app.api('/cases', { method: 'POST', token: agent, json: { title: 'Parcel never arrived', fields: { category: 'shipping', orderNumber: 'ORD-123456' } } });
    expect(created.status).toBe(201);
    const caseBody = (await created.json()) as CaseBody;
    expect(caseBody.number).toMatch(/^CAS-\d{5}$/);
    expect(caseBody.fields.category).toMatchObject({ value: 'shipping', source: 'agent', confidence: null, evidence: [] });

    const patched = await app.api(`/cases/${caseBody.id}`, { method: 'PATCH', token: agent, json: { fields: { priority: 'high', category: 'returns' }, status: 'active', expectedVersion: caseBody.version } });
    expect(patched.status).toBe(200);
    const result = (await patched.json()) as { case: CaseBody; changed: string[] };
    expect(result.changed.sort()).toEqual(['category', 'priority', 'status']);
    expect(result.case.fields.priority).toMatchObject({ value: 'high', source: 'agent' });

    const stale = await app.api(`/cases/${caseBody.id}`, { method: 'PATCH', token: agent, json: { title: 'late edit', expectedVersion: caseBody.version } });
    expect(stale.status).toBe(409);

    const fetched = (await (await app.api(`/cases/${caseBody.id}`, { token: agent })).json()) as CaseBody;
    expect(fetched).toMatchObject({ status: 'active', fields: { category: { value: 'returns', source: 'agent' } } });
    expect((await app.api(`/cases/${caseBody.number}`, { token: agent })).status).toBe(200);

    const audit = (await (await app.api(`/cases/${caseBody.id}/audit`, { token: agent })).json()) as { items: { action: string; field?: string; oldValue?: unknown; newValue?: unknown; source: string }[] };
    expect(audit.items.map((entry) => entry.action)).toContain('case-created');
    expect(audit.items.find((entry) => entry.field === 'category' && entry.newValue === 'returns')).toMatchObject({ oldValue: 'shipping', source: 'agent' });

    const adminAudit = (await (await app.api(`/admin/audit?caseId=${caseBody.id}&field=priority`, { token: admin })).json()) as { items: { field: string }[]; total: number };
    expect(adminAudit.total).toBe(1);
    expect(adminAudit.items[0]?.field).toBe('priority');
    expect((await app.api('/admin/audit', { token: agent })).status).toBe(403);
    expect((await app.api('/admin/audit?since=yesterday', { token: admin })).status).toBe(400);
  });

  it('answers 400 naming the bad field of a manual edit, and 404 for unknown cases', async () => {
    const caseBody = (await (await app.api('/cases', { method: 'POST', token: agent, json: { title: 'Validation' } })).json()) as CaseBody;
    const bad = await app.api(`/cases/${caseBody.id}`, { method: 'PATCH', token: agent, json: { fields: { priority: 'urgent', customerEmail: 'not-an-email' } } });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { issues: { path: string; message: string }[] };
    expect(body.issues.map((issue) => issue.path).sort()).toEqual(['fields.customerEmail', 'fields.priority']);
    const wrongType = await app.api(`/cases/${caseBody.id}`, { method: 'PATCH', token: agent, json: { status: 'nonsense' } });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('status');
    expect((await app.api('/cases/00000000-0000-4000-8000-000000000000', { token: agent })).status).toBe(404);
    expect((await app.api('/cases/00000000-0000-4000-8000-000000000000', { method: 'PATCH', token: agent, json: { title: 'x' } })).status).toBe(404);
    expect((await app.api('/cases/CAS-99999', { token: agent })).status).toBe(404);
    expect((await app.api('/cases', { method: 'POST', token: agent, json: { fields: {} } })).status).toBe(400);
  });

  it('adds and lists notes, audited as note-added', async () => {
    const caseBody = (await (await app.api('/cases', { method: 'POST', token: agent, json: { title: 'Notes' } })).json()) as CaseBody;
    const added = await app.api(`/cases/${caseBody.id}/notes`, { method: 'POST', token: agent, json: { body: 'Called the customer back.' } });
    expect(added.status).toBe(201);
    const notes = (await (await app.api(`/cases/${caseBody.id}/notes`, { token: agent })).json()) as { items: { body: string; kind: string }[] };
    expect(notes.items).toEqual([expect.objectContaining({ body: 'Called the customer back.', kind: 'manual' })]);
    expect((await app.api(`/cases/${caseBody.id}/notes`, { method: 'POST', token: agent, json: { body: '   ' } })).status).toBe(400);
    const audit = (await (await app.api(`/cases/${caseBody.id}/audit`, { token: agent })).json()) as { items: { action: string }[] };
    expect(audit.items.map((entry) => entry.action)).toContain('note-added');
  });

  it('lists cases filtered by channel, status and text, with paging', async () => {
    const marker = `zebra${Date.now()}`;
    for (const [index, status] of ['new', 'resolved', 'new'].entries()) {
      await app.api('/cases', { method: 'POST', token: agent, json: { title: `${marker} case ${index}`, status } });
    }
    const all = (await (await app.api(`/cases?q=${marker}`, { token: agent })).json()) as { items: { title: string }[]; total: number };
    expect(all.total).toBe(3);
    expect(all.items.map((item) => item.title)).toEqual([`${marker} case 2`, `${marker} case 1`, `${marker} case 0`]);
    const resolved = (await (await app.api(`/cases?q=${marker}&status=resolved&channel=manual`, { token: agent })).json()) as { total: number };
    expect(resolved.total).toBe(1);
    expect(((await (await app.api(`/cases?q=${marker}&channel=email`, { token: agent })).json()) as { total: number }).total).toBe(0);
    const paged = (await (await app.api(`/cases?q=${marker}&page=2&pageSize=2`, { token: agent })).json()) as { items: { title: string }[]; total: number };
    expect(paged).toMatchObject({ total: 3, items: [{ title: `${marker} case 0` }] });
    const badQuery = await app.api('/cases?status=unknown&page=0', { token: agent });
    expect(badQuery.status).toBe(400);
    expect(((await badQuery.json()) as { issues: { path: string }[] }).issues.map((issue) => issue.path).sort()).toEqual(['query.page', 'query.status']);
  });
});
