import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseEngineDeps } from '@autocase/core';
import { createApp } from '../src/create-app.js';
import { EMAIL_PROCESSING } from '../src/email/email-tokens.js';
import { createLogger } from '../src/infrastructure/app-logger.js';
import type { SerializedLearnedModel } from '@autocase/predictors/learned';
import { LearnedModelStore } from '../src/predictor-admin/learned-model-store.js';
import { LearnedModelEntity } from '../src/predictor-admin/predictor-admin-entities.js';
import type { PredictorAdmin } from '../src/predictor-admin/predictor-admin.js';
import { PREDICTOR_ADMIN } from '../src/predictor-admin/predictor-admin.tokens.js';
import { CASE_ENGINE, PREDICTOR_RUNTIME } from '../src/tokens.js';
import { BITEXT_FIELDS, bitextSlice, pollUntil, toCsv } from './predictor-admin-fixtures.js';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface LearnedView {
  status: string;
  progress: number;
  stage: string | null;
  examples: number;
  storedCases: number;
  runningVersion: string | null;
  fields: { field: string; version: number; modelId: string; classes: number; accuracy: number | null; thresholds: { threshold: number; precision: number | null; coverage: number }[] | null; sources: { imported: number; resolvedCases: number } }[];
  versions: { field: string; version: number; active: boolean }[];
  message: string | null;
}

describeEachDatabase('historical case import and the learned model', (databaseId) => {
  let app: TestApp;
  let admin: string;
  let agent: string;
  const training = bitextSlice(0, 4, 1200);
  beforeAll(async () => {
    app = await startTestApp(databaseId);
    admin = await app.login();
    await app.api('/admin/users', { method: 'POST', token: admin, json: { email: 'agent@example.com', password: 'agent-password' } });
    agent = await app.login('agent@example.com', 'agent-password');
    expect((await app.api('/admin/fields', { method: 'PUT', token: admin, json: BITEXT_FIELDS })).status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports a CSV, keeps the good rows and reports each bad row by line and field', async () => {
    const csv = toCsv(training).replace(/\n$/, '') + '\n"Where is my parcel?",PARCELS,track_order\n,ORDER,cancel_order\n';
    const response = await app.api('/admin/cases/import', { method: 'POST', token: admin, body: csv, headers: { 'content-type': 'text/csv' } });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { imported: number; skipped: number; total: number; errors: { row: number; field?: string; message: string }[] };
    expect(answer).toMatchObject({ imported: 1200, skipped: 2, total: 1202 });
    expect(answer.errors).toEqual([
      { row: 1202, field: 'category', message: expect.stringContaining('category:') },
      { row: 1203, field: 'text', message: expect.stringContaining('missing text') },
    ]);
    const counts = (await (await app.api('/admin/cases/import', { token: admin })).json()) as { total: number; fields: { field: string; examples: number; labels: { value: string; count: number }[] }[] };
    expect(counts.total).toBe(1200);
    const category = counts.fields.find((field) => field.field === 'category')!;
    expect(category.examples).toBe(1200);
    expect(category.labels.reduce((sum, label) => sum + label.count, 0)).toBe(1200);
  });

  it('refuses unreadable uploads with a 400 naming the problem, and agents with 403', async () => {
    const unknownColumn = await app.api('/admin/cases/import', { method: 'POST', token: admin, body: 'text,colour\nhello,red\n', headers: { 'content-type': 'text/csv' } });
    expect(unknownColumn.status).toBe(400);
    expect(((await unknownColumn.json()) as { message: string }).message).toContain('"colour"');
    const allBad = await app.api('/admin/cases/import', { method: 'POST', token: admin, json: [{ text: 'hello', fields: { category: 'NOPE' } }] });
    expect(allBad.status).toBe(400);
    expect(((await allBad.json()) as { errors: { row: number }[] }).errors[0]?.row).toBe(1);
    expect((await app.api('/admin/cases/import', { method: 'POST', token: agent, json: [] })).status).toBe(403);
  });

  it('deletes one import by its batch id and keeps the others, with the counts following', async () => {
    const first = (await (await app.api('/admin/cases/import', { method: 'POST', token: admin, json: [{ text: 'batch one a', fields: { intent: 'one' } }, { text: 'batch one b', fields: { intent: 'one' } }] })).json()) as { batchId: string };
    const second = (await (await app.api('/admin/cases/import', { method: 'POST', token: admin, json: [{ text: 'batch two', fields: { intent: 'two' } }] })).json()) as { batchId: string };
    const before = (await (await app.api('/admin/cases/import', { token: admin })).json()) as { total: number; batches: { batchId: string; examples: number }[] };
    expect(before.total).toBe(1203);
    expect(before.batches.slice(0, 2)).toEqual([expect.objectContaining({ batchId: second.batchId, examples: 1 }), expect.objectContaining({ batchId: first.batchId, examples: 2 })]);
    expect(await (await app.api(`/admin/cases/import/${first.batchId}`, { method: 'DELETE', token: admin })).json()).toEqual({ deleted: 2, batchId: first.batchId });
    const after = (await (await app.api('/admin/cases/import', { token: admin })).json()) as { total: number; fields: { field: string; labels: { value: string }[] }[]; batches: { batchId: string }[] };
    expect(after.total).toBe(1201);
    expect(after.batches.map((batch) => batch.batchId)).not.toContain(first.batchId);
    expect(after.fields.find((field) => field.field === 'intent')!.labels.map((label) => label.value)).not.toContain('one');
    expect((await app.api(`/admin/cases/import/${first.batchId}`, { method: 'DELETE', token: admin })).status).toBe(404);
    expect(((await (await app.api(`/admin/cases/import/${second.batchId}`, { method: 'DELETE', token: admin })).json()) as { deleted: number }).deleted).toBe(1);
  });

  it('accepts a large JSON upload (beyond the default JSON body limit)', async () => {
    const big = Array.from({ length: 3000 }, (_, index) => ({ text: `filler example number ${index} ${'x'.repeat(200)}`, fields: { intent: 'filler' } }));
    const response = await app.api('/admin/cases/import', { method: 'POST', token: admin, json: big });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { imported: number }).imported).toBe(3000);
    const refused = await app.api('/admin/cases/import', { method: 'DELETE', token: admin });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toContain('needs ?all=true');
    expect(((await (await app.api('/admin/cases/import?all=true', { method: 'DELETE', token: admin })).json()) as { deleted: number }).deleted).toBe(4200);
    const again = await app.api('/admin/cases/import', { method: 'POST', token: admin, body: toCsv(training), headers: { 'content-type': 'text/csv' } });
    expect(((await again.json()) as { imported: number }).imported).toBe(1200);
  });

  it('trains in a job with progress, stores a versioned model and the engine predicts with it', async () => {
    const resolved = await app.api('/cases', { method: 'POST', token: agent, json: { title: 'I need a refund for my last order', status: 'resolved', fields: { category: 'REFUND', intent: 'get_refund' } } });
    expect(resolved.status).toBe(201);
    const queued = await app.api('/admin/predictors/learned/train', { method: 'POST', token: admin });
    expect(queued.status).toBe(202);
    expect(((await queued.json()) as LearnedView).status).toBe('training');
    const ready = await pollUntil<LearnedView>(app, admin, '/admin/predictors/learned', (body) => body.status !== 'training');
    expect(ready).toMatchObject({ status: 'ready', progress: 1, stage: 'done', examples: 1200, storedCases: 1 });
    const category = ready.fields.find((field) => field.field === 'category')!;
    expect(category).toMatchObject({ version: 1, classes: 11, sources: { resolvedCases: 1 } });
    // 1 in 10 stored examples (by text) is kept out of training for backtests; the rest is trained on.
    expect(category.sources.imported + category.sources.resolvedCases + (ready as LearnedView & { heldOutExamples: number }).heldOutExamples).toBe(1201);
    expect((ready as LearnedView & { heldOutExamples: number }).heldOutExamples).toBeGreaterThan(60);
    expect(category.accuracy).toBeGreaterThan(0.85);
    // The threshold guide from the held-out split: at 0.5 most cases are answered, and mostly right.
    expect(category.thresholds?.map((entry) => entry.threshold)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 0.95]);
    expect(category.thresholds![0]).toMatchObject({ coverage: expect.any(Number), precision: expect.any(Number) });
    expect(category.thresholds![0]!.coverage).toBeGreaterThan(0.8);
    expect(category.thresholds![0]!.precision).toBeGreaterThan(0.85);
    expect(ready.fields.map((field) => field.field).sort()).toEqual(['category', 'intent']);
    expect(ready.runningVersion).toContain(`category@${category.modelId}`);

    const engine = app.running.app.get<CaseEngineDeps>(CASE_ENGINE);
    // One runtime from boot on: the engine's predictors are the object the admin swapped the model into.
    expect(engine.predictors).toBe(app.running.app.get(PREDICTOR_RUNTIME));
    expect(app.running.app.get<PredictorAdmin>(PREDICTOR_ADMIN).runtime).toBe(engine.predictors);
    const fields = (await (await app.api('/admin/fields', { token: admin })).json()) as never[];
    const report = await engine.predictors.run({ fields, messages: [{ id: 'm1', author: 'customer', text: 'I want to cancel the order I placed yesterday' }], context: {}, channel: 'chat' });
    const predicted = report.predictions.find((prediction) => prediction.field === 'category');
    expect(predicted).toMatchObject({ value: 'ORDER', predictor: { id: 'learned', version: category.modelId } });
    const email = app.running.app.get<{ classifyCategory: (input: { messages: unknown[]; context: Record<string, string> }) => Promise<string | null> }>(EMAIL_PROCESSING);
    expect(await email.classifyCategory({ messages: [{ id: 'e1', author: 'customer', text: 'Please cancel the order I placed yesterday' }], context: {} })).toBe('ORDER');

    const tried = (await (await app.api('/admin/predictors/test', { method: 'POST', token: admin, json: { text: 'I want to cancel the order I placed yesterday' } })).json()) as {
      results: { predictor: { id: string }; predictions: { field: string; value: string; clearsThreshold: boolean; evidence: { quote: string }[] }[] }[];
      merged: { fields: Record<string, { value: string; predictor: string }> };
    };
    const learned = tried.results.find((result) => result.predictor.id === 'learned')!;
    expect(learned.predictions.find((prediction) => prediction.field === 'category')).toMatchObject({ value: 'ORDER', clearsThreshold: true });
    expect(learned.predictions[0]?.evidence[0]?.quote).toContain('cancel');
    expect(tried.merged.fields.category).toMatchObject({ value: 'ORDER', predictor: 'learned' });
    const listed = (await (await app.api('/admin/predictors', { token: admin })).json()) as { items: { id: string; status: string; version: string }[] };
    expect(listed.items.find((item) => item.id === 'learned')).toMatchObject({ status: 'active', version: ready.runningVersion });

    // The model trained on the resolved case: a backtest of stored cases leaves it out and says so.
    const seenOnly = (await (await app.api('/admin/backtest?wait=60', { method: 'POST', token: admin, json: { source: 'cases' } })).json()) as { status: string; examples: number; evaluation: { split: string; skippedSeen: number } };
    expect(seenOnly).toMatchObject({ status: 'done', examples: 0, evaluation: { split: 'unseen', skippedSeen: 1 } });
    // A case resolved after the training is unseen: it is scored.
    const later = await app.api('/cases', { method: 'POST', token: agent, json: { title: 'Please give me my money back for the order', status: 'resolved', fields: { category: 'REFUND', intent: 'get_refund' } } });
    expect(later.status).toBe(201);
    const backtest = await app.api('/admin/backtest?wait=60', { method: 'POST', token: admin, json: { source: 'cases' } });
    const run = (await backtest.json()) as { status: string; examples: number; evaluation: { skippedSeen: number }; cases: { title: string; fields: Record<string, { actual: unknown }> }[] };
    expect(run).toMatchObject({ status: 'done', examples: 1, evaluation: { skippedSeen: 1 } });
    expect(run.cases[0]).toMatchObject({ title: ((await later.json()) as { number: string }).number, fields: { category: { actual: 'REFUND' }, intent: { actual: 'get_refund' } } });
    expect(resolved.status).toBe(201);
  });

  it('retrains on the schedule into a new active version', async () => {
    const schedule = await app.api('/admin/predictors/learned/schedule', { method: 'PUT', token: admin, json: { intervalMinutes: 1 } });
    expect(schedule.status).toBe(200);
    expect(((await schedule.json()) as { intervalMinutes: number; nextRunAt: string }).intervalMinutes).toBe(1);
    const predictorAdmin = app.running.app.get<PredictorAdmin>(PREDICTOR_ADMIN);
    expect(await predictorAdmin.scheduler.runDue(new Date())).toBe(false);
    expect(await predictorAdmin.scheduler.runDue(new Date(Date.now() + 61_000))).toBe(true);
    const ready = await pollUntil<LearnedView>(app, admin, '/admin/predictors/learned', (body) => body.status !== 'training' && body.fields.some((field) => field.version === 2));
    expect(ready.status).toBe('ready');
    expect(ready.versions.filter((version) => version.field === 'category').map((version) => [version.version, version.active])).toEqual([[2, true], [1, false]]);
    const bad = await app.api('/admin/predictors/learned/schedule', { method: 'PUT', token: admin, json: { intervalMinutes: -5 } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('intervalMinutes');
  });

  it('keeps the newest few versions of a field, the active one included, and deletes older ones', async () => {
    const store = new LearnedModelStore(app.running.orm, 3);
    const body = { format: 'autocase.learned.tfidf-svm' } as unknown as SerializedLearnedModel;
    const metrics = { trainingExamples: 1, validationExamples: 0, validationAccuracy: null, labels: 2, sources: { imported: 1, resolvedCases: 0 } };
    for (let round = 1; round <= 5; round += 1) await store.saveAndActivate('pruned-field', { ...body, id: `m${round}` }, metrics, new Date(Date.UTC(2026, 0, round)).toISOString());
    const kept = (await store.versions()).filter((version) => version.field === 'pruned-field');
    expect(kept.map((version) => [version.version, version.modelId, version.active])).toEqual([[5, 'm5', true], [4, 'm4', false], [3, 'm3', false]]);
    expect((await store.activeModels())['pruned-field']).toMatchObject({ id: 'm5' });
    expect(() => new LearnedModelStore(app.running.orm, 0)).toThrow('keepVersions must be a whole number ≥ 1');
    // The placeholder bodies are not loadable models: take them out before the next test boots an app on this database.
    await app.running.orm.em.fork().nativeDelete(LearnedModelEntity, { field: 'pruned-field' });
  });

  it('loads the active model at boot', async () => {
    const before = (await (await app.api('/admin/predictors/learned', { token: admin })).json()) as LearnedView;
    await app.running.close();
    const restarted = await createApp({ config: app.running.runtime.config, port: 0, logger: createLogger('silent') });
    try {
      const admin2 = (await (await fetch(`${restarted.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: 'admin-password-1' }) })).json()) as { token: string };
      const after = (await (await fetch(`${restarted.url}/api/admin/predictors/learned`, { headers: { authorization: `Bearer ${admin2.token}` } })).json()) as LearnedView;
      expect(after.runningVersion).toBe(before.runningVersion);
      expect(after.runningVersion).not.toBeNull();
    } finally {
      await restarted.close();
    }
  });
});
