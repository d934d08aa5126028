import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseEngineDeps } from '@autocase/core';
import type { PredictorAdmin } from '../src/predictor-admin/predictor-admin.js';
import { PredictorDocumentEntity } from '../src/predictor-admin/predictor-admin-entities.js';
import { PREDICTOR_ADMIN } from '../src/predictor-admin/predictor-admin.tokens.js';
import { CASE_ENGINE } from '../src/tokens.js';
import { BITEXT_FIELDS, bitextSlice, pollUntil, toCsv } from './predictor-admin-fixtures.js';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const API_KEY = 'sk-local-secret-98765';

interface FieldFigures { field: string; evaluated: number; predicted: number; correct: number; abstained: number; matchRate: number; coverage: number; precision: number; threshold: number }
interface CaseRow { id: string; title: string; fields: Record<string, { actual: unknown; predicted: unknown; proposed?: unknown; match: boolean; confidence: number | null; predictor: { id: string } | null; evidence: { quote: string }[] }> }
interface RunView { id: string; status: string; progress: number; examples: number; fields: FieldFigures[]; uploadErrors: { row: number }[]; cases?: CaseRow[]; casesPage?: { total: number; page: number; pageSize: number } }

/** A local OpenAI-compatible chat completions server: answers the test call, or 401 for a wrong key. */
function startLocalLlm(requests: { path: string; authorization?: string }[]): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', authorization: request.headers.authorization });
      if (request.headers.authorization !== `Bearer ${API_KEY}`) {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } }));
        return;
      }
      const answer = { fields: { topic: { value: 'greeting', confidence: 0.9, quote: 'Hello there!' } } };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'local-model', choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(answer) }, finish_reason: 'stop' }], usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describeEachDatabase('LLM provider settings and backtests', (databaseId) => {
  let app: TestApp;
  let admin: string;
  let server: Server;
  let baseURL: string;
  const requests: { path: string; authorization?: string }[] = [];
  beforeAll(async () => {
    server = await startLocalLlm(requests);
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    app = await startTestApp(databaseId);
    admin = await app.login();
    expect((await app.api('/admin/fields', { method: 'PUT', token: admin, json: BITEXT_FIELDS })).status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('stores the LLM settings server-side and never returns the key', async () => {
    const saved = await app.api('/admin/predictors/llm', { method: 'PUT', token: admin, json: { enabled: true, provider: 'openai-compatible', model: 'local-model', baseURL, apiKey: API_KEY, redact: { emails: true, phones: true, cardNumbers: true }, timeoutMs: 5000 } });
    expect(saved.status).toBe(200);
    const savedText = await saved.text();
    expect(savedText).not.toContain('sk-local-secret');
    expect(JSON.parse(savedText)).toMatchObject({ enabled: true, provider: 'openai-compatible', model: 'local-model', baseURL, apiKeySet: true, apiKeyLast4: '8765', status: 'active', redact: { emails: true } });
    const read = await (await app.api('/admin/predictors/llm', { token: admin })).text();
    expect(read).not.toContain('sk-local-secret');
    // Encrypted at rest: the database row holds no trace of the key.
    const stored = await app.running.orm.em.fork().findOneOrFail(PredictorDocumentEntity, { key: 'llm' });
    expect(JSON.stringify(stored.value)).not.toContain('sk-local-secret');
    expect((stored.value as { apiKey: string }).apiKey).toMatch(/^enc:v1:/);
    const listed = (await (await app.api('/admin/predictors', { token: admin })).json()) as { items: { kind: string; id: string; status: string }[] };
    expect(listed.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'predictor', id: 'llm', status: 'active' }), expect.objectContaining({ kind: 'summarizer', id: 'llm', status: 'active' })]));
    const summary = await app.running.app.get<CaseEngineDeps>(CASE_ENGINE).summarizer!.doSummarize({ messages: [{ id: 'm1', author: 'customer', text: 'Hello there!' }], format: 'paragraph' });
    expect(summary.summarizer.id).toBe('llm');
    expect(summary.text).toContain('greeting');
    const kept = await app.api('/admin/predictors/llm', { method: 'PUT', token: admin, json: { enabled: true, provider: 'openai-compatible', model: 'local-model-2', baseURL } });
    expect(((await kept.json()) as { apiKeySet: boolean; model: string })).toMatchObject({ apiKeySet: true, model: 'local-model-2' });
  });

  it('makes a real test call and reports the error code of a failing one', async () => {
    requests.length = 0;
    const ok = (await (await app.api('/admin/predictors/llm/test', { method: 'POST', token: admin })).json()) as { ok: boolean; message: string; latencyMs: number };
    expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true });
    expect(ok.message).toContain('greeting');
    expect(requests[0]).toMatchObject({ path: '/v1/chat/completions', authorization: `Bearer ${API_KEY}` });
    const wrongKey = (await (await app.api('/admin/predictors/llm/test', { method: 'POST', token: admin, json: { provider: 'openai-compatible', model: 'local-model', baseURL, apiKey: 'sk-wrong-key-000000' } })).json()) as { ok: boolean; code: string; message: string };
    expect(wrongKey).toMatchObject({ ok: false, code: 'AUTH' });
    expect(wrongKey.message).toMatch(/API key/i);
    const stillStored = (await (await app.api('/admin/predictors/llm', { token: admin })).json()) as { apiKeyLast4: string };
    expect(stillStored.apiKeyLast4).toBe('8765');
  });

  it('names the bad field of invalid settings and switches the predictor off when disabled', async () => {
    const bad = await app.api('/admin/predictors/llm', { method: 'PUT', token: admin, json: { enabled: true, provider: 'openai-compatible', model: 'local-model' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toContain('baseURL');
    const off = await app.api('/admin/predictors/llm', { method: 'PUT', token: admin, json: { enabled: false, provider: 'openai-compatible', model: 'local-model', baseURL } });
    expect(((await off.json()) as { status: string; apiKeySet: boolean })).toMatchObject({ status: 'inactive', apiKeySet: true });
    const listed = (await (await app.api('/admin/predictors', { token: admin })).json()) as { items: { kind: string; id: string; status: string }[] };
    expect(listed.items.find((item) => item.kind === 'predictor' && item.id === 'llm')?.status).toBe('inactive');
    expect(app.running.app.get<CaseEngineDeps>(CASE_ENGINE).summarizer).toBeUndefined();
  });

  it('refuses to switch OpenAI or Anthropic on without a key, and never shows keyless settings as active', async () => {
    for (const provider of ['openai', 'anthropic']) {
      const refused = await app.api('/admin/predictors/llm', { method: 'PUT', token: admin, json: { enabled: true, provider, model: 'gpt-4o-mini', clearApiKey: true } });
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as { issues: { path: string; message: string }[] };
      expect(body.issues).toEqual([{ path: 'apiKey', message: expect.stringMatching(/^needs an API key: (OpenAI|Anthropic) refuses calls without one/) }]);
    }
    const view = (await (await app.api('/admin/predictors/llm', { token: admin })).json()) as { enabled: boolean; status: string; apiKeySet: boolean };
    expect(view).toMatchObject({ enabled: false, apiKeySet: true });

    // Keyless settings written by an older version (or a key that can no longer be opened): not started, shown as needing a key.
    const predictorAdmin = app.running.app.get<PredictorAdmin>(PREDICTOR_ADMIN);
    const stored = await predictorAdmin.configurator.llmSettings();
    await predictorAdmin.documents.put('llm', { ...stored, enabled: true, provider: 'openai', apiKey: null });
    await predictorAdmin.configurator.applyAll();
    expect(await (await app.api('/admin/predictors/llm', { token: admin })).json()).toMatchObject({ enabled: true, status: 'failed', detail: expect.stringContaining('needs an API key') });
    const listed = (await (await app.api('/admin/predictors', { token: admin })).json()) as { items: { kind: string; id: string; status: string }[] };
    expect(listed.items.find((item) => item.kind === 'predictor' && item.id === 'llm')?.status).not.toBe('active');
    await predictorAdmin.documents.put('llm', stored);
    await predictorAdmin.configurator.applyAll();
  });

  it('follows predictor settings changed by another API process', async () => {
    const predictorAdmin = app.running.app.get<PredictorAdmin>(PREDICTOR_ADMIN);
    await predictorAdmin.sync.markApplied();
    expect(await predictorAdmin.sync.check()).toBe(false);
    const stored = await predictorAdmin.configurator.llmSettings();
    await predictorAdmin.documents.put('llm', { ...stored, enabled: true });
    expect(await predictorAdmin.sync.check()).toBe(true);
    const listed = (await (await app.api('/admin/predictors', { token: admin })).json()) as { items: { kind: string; id: string; status: string }[] };
    expect(listed.items.find((item) => item.kind === 'predictor' && item.id === 'llm')?.status).toBe('active');
    await app.api('/admin/predictors/llm', { method: 'PUT', token: admin, json: { enabled: false, provider: 'openai-compatible', model: 'local-model', baseURL } });
  });

  it('stores rules predictor configuration validated by the plugin schema and runs it at once', async () => {
    const bad = await app.api('/admin/predictors/rules/config', { method: 'PUT', token: admin, json: { config: { rules: [{ field: 'category', value: 'REFUND', conditions: [{ type: 'containsAny' }] }] } } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]?.path).toMatch(/^config\.rules\.0\.conditions\.0/);
    const rules = { rules: [{ field: 'category', value: 'REFUND', confidence: 0.95, conditions: [{ type: 'containsAny', words: ['money back'] }] }] };
    expect((await app.api('/admin/predictors/rules/config', { method: 'PUT', token: admin, json: { config: rules } })).status).toBe(200);
    expect(((await (await app.api('/admin/predictors/rules/config', { token: admin })).json()) as { config: unknown }).config).toEqual(rules);
    const tried = (await (await app.api('/admin/predictors/test', { method: 'POST', token: admin, json: { text: 'I want my money back', fields: ['category'] } })).json()) as { results: { predictor: { id: string }; predictions: { value: string; clearsThreshold: boolean }[] }[] };
    expect(tried.results.find((result) => result.predictor.id === 'rules')?.predictions[0]).toMatchObject({ value: 'REFUND', clearsThreshold: true });
    expect((await app.api('/admin/predictors/llm/config', { token: admin })).status).toBe(400);
  });

  it('backtests uploaded labelled examples with the trained model: per-field figures and a paged per-case table', async () => {
    const imported = await app.api('/admin/cases/import', { method: 'POST', token: admin, body: toCsv(bitextSlice(0, 5, 1000)), headers: { 'content-type': 'text/csv' } });
    expect(((await imported.json()) as { imported: number }).imported).toBe(1000);
    await app.api('/admin/predictors/learned/train', { method: 'POST', token: admin });
    await pollUntil<{ status: string }>(app, admin, '/admin/predictors/learned', (body) => body.status !== 'training');

    const heldOut = bitextSlice(2, 25, 120);
    const started = await app.api('/admin/backtest', { method: 'POST', token: admin, json: { source: 'uploaded', format: 'csv', content: `${toCsv(heldOut)}"no label here",,\n` } });
    expect(started.status).toBe(202);
    const run = (await started.json()) as RunView;
    expect(run).toMatchObject({ status: 'queued', progress: 0 });
    expect(run.uploadErrors.map((error) => error.row)).toEqual([122]);
    const done = await pollUntil<RunView>(app, admin, `/admin/backtest/${run.id}?pageSize=50`, (body) => body.status === 'done' || body.status === 'failed');
    expect(done).toMatchObject({ status: 'done', progress: 1, examples: 120 });
    const category = done.fields.find((field) => field.field === 'category')!;
    expect(category.evaluated).toBe(120);
    expect(category.matchRate).toBeGreaterThan(0.85);
    expect(category.precision).toBeGreaterThanOrEqual(category.matchRate);
    expect(category.coverage).toBeCloseTo(category.predicted / 120, 10);
    expect(category.abstained).toBe(120 - category.predicted);
    expect(done.casesPage).toEqual({ page: 1, pageSize: 50, total: 120 });

    let matched = 0;
    for (let page = 1; page <= 3; page += 1) {
      const view = (await (await app.api(`/admin/backtest/${run.id}?page=${page}&pageSize=50`, { token: admin })).json()) as RunView;
      for (const row of view.cases!) if (row.fields.category?.match) matched += 1;
    }
    expect(matched).toBe(category.correct);
    const first = done.cases![0]!;
    expect(first).toMatchObject({ id: 'row-2', title: 'Row 2', fields: { category: { actual: heldOut[0]!.category } } });
    const filled = done.cases!.find((row) => row.fields.category?.predicted !== null)!;
    expect(filled.fields.category).toMatchObject({ predictor: { id: 'learned' } });
    expect(filled.fields.category!.evidence[0]?.quote.length).toBeGreaterThan(0);
    const wrongOnly = (await (await app.api(`/admin/backtest/${run.id}?mismatchesOnly=true`, { token: admin })).json()) as RunView;
    expect(wrongOnly.casesPage!.total).toBeGreaterThanOrEqual(120 - category.correct);
  });

  it('backtests stored examples, and names bad requests', async () => {
    const waited = await app.api('/admin/backtest?wait=60', { method: 'POST', token: admin, json: { source: 'imported', limit: 40, fields: ['category'] } });
    expect(waited.status).toBe(200);
    const done = (await waited.json()) as RunView;
    expect(done).toMatchObject({ status: 'done', examples: 40, casesPage: { total: 40 } });
    expect(done.fields.map((field) => field.field)).toEqual(['category']);
    expect(Object.keys(done.cases![0]!.fields)).toEqual(['category']);
    expect((await app.api('/admin/backtest?wait=500', { method: 'POST', token: admin, json: { source: 'imported' } })).status).toBe(400);
    const unknownField = await app.api('/admin/backtest', { method: 'POST', token: admin, json: { source: 'stored', fields: ['colour'] } });
    expect(unknownField.status).toBe(400);
    expect(((await unknownField.json()) as { message: string }).message).toContain('"colour"');
    const noContent = await app.api('/admin/backtest', { method: 'POST', token: admin, json: { source: 'uploaded' } });
    expect(((await noContent.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe('content');
    expect((await app.api('/admin/backtest/does-not-exist', { token: admin })).status).toBe(404);
  });

  it('scores only stored examples the learned model did not train on, and says which', async () => {
    const waited = await app.api('/admin/backtest?wait=60', { method: 'POST', token: admin, json: { source: 'imported', fields: ['category'] } });
    const done = (await waited.json()) as RunView & { evaluation: { split: string; skippedSeen: number; modelTrainedAt: string | null; description: string } };
    expect(done.status).toBe('done');
    const learned = (await (await app.api('/admin/predictors/learned', { token: admin })).json()) as { trainedAt: string; heldOutExamples: number; fields: { field: string; sources: { imported: number } }[] };
    // Every one of the 1000 imports is either scored (kept out of training) or skipped (trained on), never both.
    expect(done.examples + done.evaluation.skippedSeen).toBe(1000);
    expect(done.examples).toBe(learned.heldOutExamples);
    expect(learned.fields.find((field) => field.field === 'category')!.sources.imported).toBe(done.evaluation.skippedSeen);
    expect(done.examples).toBeGreaterThan(50);
    expect(done.evaluation).toMatchObject({ split: 'unseen', modelTrainedAt: learned.trainedAt, description: expect.stringContaining('Only examples the learned model never saw are scored') });
    expect(done.fields.find((field) => field.field === 'category')!.evaluated).toBe(done.examples);
  });

  it('shows a predictor that fails on every example as failed with its error, and keeps proposals of abstained rows', async () => {
    expect((await app.api('/admin/predictors/llm', { method: 'PUT', token: admin, json: { enabled: true, provider: 'openai-compatible', model: 'local-model', baseURL, apiKey: 'sk-wrong-key-000000' } })).status).toBe(200);
    try {
      const waited = await app.api('/admin/backtest?wait=60', { method: 'POST', token: admin, json: { source: 'uploaded', format: 'csv', content: toCsv(bitextSlice(2, 25, 20)) } });
      const done = (await waited.json()) as RunView & { failed: number; predictorFailures: { predictorId: string; failedExamples: number; failedEverywhere: boolean; code: string; message: string }[]; cases: (CaseRow & { error?: string; fields: Record<string, { proposed?: unknown; confidence: number | null; predicted: unknown }> })[] };
      expect(done).toMatchObject({ status: 'done', examples: 20, failed: 20 });
      expect(done.predictorFailures).toEqual([expect.objectContaining({ predictorId: 'llm', failedExamples: 20, failedEverywhere: true, code: 'AUTH' })]);
      expect(done.cases[0]!.error).toContain('llm:');
      const abstained = done.cases.flatMap((row) => Object.values(row.fields)).find((field) => field.predicted === null && field.proposed !== undefined);
      if (abstained) expect(abstained.confidence).toEqual(expect.any(Number));
    } finally {
      await app.api('/admin/predictors/llm', { method: 'PUT', token: admin, json: { enabled: false, provider: 'openai-compatible', model: 'local-model', baseURL } });
    }
  });
});
