import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'support@autocase.test';
const RULE = { mailbox: MAILBOX, name: 'Support inbox', items: [{ id: 'all', name: 'Everything', fieldMappings: [{ field: 'title', source: 'subject' }] }] };
const EML = 'From: Ann Customer <ann@example.com>\r\nTo: support@autocase.test\r\nSubject: Newsletter: our spring sale\r\nMessage-ID: <dry-1@example.com>\r\n\r\nBig savings inside.\r\n';

describeEachDatabase('ARC rules: one rule per existing mailbox, dry runs of unsaved rules', (databaseId) => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp(databaseId, { SMTP_ENABLED: 'false' });
    token = await app.login();
    expect((await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX } })).status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a rule for a mailbox that does not exist, naming it', async () => {
    const misspelt = await app.api('/admin/arc-rules', { method: 'POST', token, json: { ...RULE, mailbox: 'suport@autocase.test' } });
    expect(misspelt.status).toBe(400);
    expect(((await misspelt.json()) as { issues: unknown[] }).issues).toEqual([{ path: 'mailbox', message: 'no mailbox suport@autocase.test exists; create it under Mailboxes first, or pick one of the existing mailboxes' }]);
  });

  it('refuses a second rule for the same mailbox with 409, and still lets the first be edited', async () => {
    const first = await app.api('/admin/arc-rules', { method: 'POST', token, json: RULE });
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };
    const second = await app.api('/admin/arc-rules', { method: 'POST', token, json: { ...RULE, name: 'Another' } });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { message: string }).message).toBe(`mailbox ${MAILBOX} already has the ARC rule "Support inbox"; a mailbox has one rule: add items to that rule instead`);
    const edited = await app.api(`/admin/arc-rules/${id}`, { method: 'PUT', token, json: { ...RULE, name: 'Support inbox (edited)' } });
    expect(edited.status).toBe(200);
    expect(((await (await app.api('/admin/arc-rules', { token })).json()) as { total: number }).total).toBe(1);
    expect((await app.api('/admin/arc-rules/does-not-exist', { method: 'PUT', token, json: RULE })).status).toBe(404);
  });

  it('dry-runs a rule that is not saved, without storing it', async () => {
    const unsaved = { ...RULE, items: [{ id: 'newsletters', name: 'Newsletters', conditions: [{ type: 'text', target: 'subject', operator: 'contains', value: 'newsletter' }], action: 'skip' }, ...RULE.items] };
    const response = await app.api('/admin/arc-rules/dry-run', { method: 'POST', token, json: { rule: unsaved, eml: EML } });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, evaluation: { ruleId: 'unsaved', item: { id: 'newsletters' } } });
    const saved = (await (await app.api('/admin/arc-rules', { token })).json()) as { items: { items: { id: string }[] }[] };
    expect(saved.items[0]!.items.map((item) => item.id)).toEqual(['all']);
    const invalid = await app.api('/admin/arc-rules/dry-run', { method: 'POST', token, json: { rule: { ...RULE, name: '' }, eml: '' } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { issues: { path: string }[] }).issues.map((issue) => issue.path).sort()).toEqual(['eml', 'rule.name']);
  });
});
