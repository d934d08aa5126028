import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const BANKING77 = new URL('../../../../shared/eval/intents/banking77-train.csv', import.meta.url);

describeEachDatabase('a 10k-row historical import', (databaseId) => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp(databaseId);
    admin = await app.login();
    await app.api('/admin/fields', { method: 'PUT', token: admin, json: [{ key: 'category', label: 'Intent', type: 'lookup' }] });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports BANKING77 (10,003 rows, 840 KB) in one CSV upload and counts it per label', async () => {
    const response = await app.api('/admin/cases/import', { method: 'POST', token: admin, body: readFileSync(BANKING77), headers: { 'content-type': 'text/csv' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ imported: 10_003, skipped: 0, errors: [], storedExamples: 10_003 });
    const counts = (await (await app.api('/admin/cases/import', { token: admin })).json()) as { total: number; fields: { field: string; examples: number; labels: { value: string; count: number }[] }[] };
    expect(counts.total).toBe(10_003);
    expect(counts.fields[0]).toMatchObject({ field: 'category', examples: 10_003 });
    expect(counts.fields[0]!.labels).toHaveLength(77);
  });

  it('answers the import and learned-model status from kept counts, without reading every example', async () => {
    // A second import takes the store to 16.7k examples (the size of the report); status calls must not grow with it.
    const second = await app.api('/admin/cases/import', { method: 'POST', token: admin, body: readFileSync(BANKING77).toString('utf8').split('\n').slice(0, 6_700).join('\n'), headers: { 'content-type': 'text/csv' } });
    expect(((await second.json()) as { storedExamples: number }).storedExamples).toBe(16_692);
    const timed = async (path: string) => {
      const started = performance.now();
      for (let call = 0; call < 5; call += 1) expect((await app.api(path, { token: admin })).status).toBe(200);
      return (performance.now() - started) / 5;
    };
    const importStatus = await timed('/admin/cases/import');
    const learnedStatus = await timed('/admin/predictors/learned');
    console.info(`[${databaseId}] 16,692 examples: GET /admin/cases/import ${importStatus.toFixed(1)} ms, GET /admin/predictors/learned ${learnedStatus.toFixed(1)} ms`);
    const counts = (await (await app.api('/admin/cases/import', { token: admin })).json()) as { total: number; fields: { examples: number }[] };
    expect(counts).toMatchObject({ total: 16_692, fields: [{ examples: 16_692 }] });
    expect(importStatus).toBeLessThan(60);
    expect(learnedStatus).toBeLessThan(60);
  });
});
