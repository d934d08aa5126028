import type { CaseEngineDeps } from '@autocase/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CASE_ENGINE } from '../src/tokens.js';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const FIELDS = ['reference', 'product', 'note'].map((key) => ({ key, label: key, type: 'text', fillOn: ['updates'] }));

describeEachDatabase('agent edits racing other saves', (databaseId) => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp(databaseId, { SMTP_ENABLED: 'false' });
    token = await app.login();
    const saved = await app.api('/admin/fields', { method: 'PUT', token, json: FIELDS });
    expect(saved.status, await saved.clone().text()).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function newCase(): Promise<{ id: string; version: number }> {
    const response = await app.api('/cases', { method: 'POST', token, json: { title: 'Racing edits' } });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; version: number };
  }

  const patch = (id: string, json: unknown) => app.api(`/cases/${id}`, { method: 'PATCH', token, json });

  it('merges concurrent PATCHes of different fields without expectedVersion: every edit lands, none gets 409', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { id } = await newCase();
      const responses = await Promise.all(FIELDS.map((field) => patch(id, { fields: { [field.key]: `${field.key}-${round}` } })));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
      const stored = (await (await app.api(`/cases/${id}`, { token })).json()) as { fields: Record<string, { value: unknown; source: string }> };
      for (const field of FIELDS) expect(stored.fields[field.key]).toMatchObject({ value: `${field.key}-${round}`, source: 'agent' });
    }
  });

  it('still answers 409 when expectedVersion is stale, and keeps an AI value of another field saved before the edit', async () => {
    const { id, version } = await newCase();
    expect((await patch(id, { fields: { reference: 'R-1' } })).status).toBe(200);
    const stale = await patch(id, { expectedVersion: version, fields: { product: 'Printer' } });
    expect(stale.status).toBe(409);
    // An AI value saved through the engine's own save path stays when the agent edits another field.
    const engine = app.running.app.get<CaseEngineDeps>(CASE_ENGINE);
    const current = (await engine.cases.get(id))!;
    await engine.cases.save({ ...current, fields: { ...current.fields, note: { value: 'from the AI', source: 'ai', updatedAt: current.updatedAt } } });
    const merged = await patch(id, { fields: { product: 'Printer' } });
    expect(merged.status).toBe(200);
    const body = (await merged.json()) as { case: { fields: Record<string, { value: unknown; source: string }> } };
    expect(body.case.fields.note).toMatchObject({ value: 'from the AI', source: 'ai' });
    expect(body.case.fields.product).toMatchObject({ value: 'Printer', source: 'agent' });
  });
});
