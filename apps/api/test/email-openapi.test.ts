import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses?: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }>;
}
type Paths = Record<string, Record<string, Operation>>;

describe('the OpenAPI document describes every email endpoint', () => {
  let app: TestApp;
  let paths: Paths;

  beforeAll(async () => {
    app = await startTestApp('sqlite', { SMTP_PORT: '0' });
    paths = ((await (await app.api('/docs-json')).json()) as { paths: Paths }).paths;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists each email route with its method', () => {
    const routes: [string, string][] = [
      ['/api/channels/email/inbound', 'post'],
      ['/api/emails', 'get'],
      ['/api/emails/{id}', 'get'],
      ['/api/emails/{id}/raw', 'get'],
      ['/api/emails/{id}/attachments/{ref}', 'get'],
      ['/api/emails/{id}/reprocess', 'post'],
      ['/api/cases/{id}/emails', 'get'],
      ['/api/cases/{id}/email-replies', 'post'],
      ['/api/admin/mailboxes', 'get'],
      ['/api/admin/mailboxes', 'post'],
      ['/api/admin/mailboxes/{id}', 'get'],
      ['/api/admin/mailboxes/{id}', 'put'],
      ['/api/admin/mailboxes/{id}', 'delete'],
      ['/api/admin/mailboxes/test-connection', 'post'],
      ['/api/admin/arc-rules', 'get'],
      ['/api/admin/arc-rules', 'post'],
      ['/api/admin/arc-rules/{id}', 'get'],
      ['/api/admin/arc-rules/{id}', 'put'],
      ['/api/admin/arc-rules/{id}', 'delete'],
      ['/api/admin/arc-rules/dry-run', 'post'],
    ];
    const missing = routes.filter(([route, method]) => !paths[route]?.[method]).map(([route, method]) => `${method.toUpperCase()} ${route}`);
    expect(missing).toEqual([]);
  });

  it('documents the inbound webhook: secret header, raw body, rate limit', () => {
    const inbound = paths['/api/channels/email/inbound']!.post!;
    expect(inbound.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'X-Autocase-Secret', in: 'header' }), expect.objectContaining({ name: 'X-Autocase-Mailbox', in: 'header' }), expect.objectContaining({ name: 'secret', in: 'query' })]));
    expect(Object.keys(inbound.requestBody!.content)).toEqual(['message/rfc822']);
    expect(Object.keys(inbound.responses!)).toEqual(expect.arrayContaining(['202', '401', '429', '503']));
    expect(inbound.responses!['429']!.headers).toHaveProperty('Retry-After');
  });

  it('documents attachments, raw download, email replies and mailbox bodies', () => {
    const attachment = paths['/api/emails/{id}/attachments/{ref}']!.get!;
    expect(attachment.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'ref', in: 'path' })]));
    expect(attachment.responses!['200']!.content).toBeDefined();
    expect(paths['/api/emails/{id}/raw']!.get!.responses!['200']!.content).toHaveProperty('message/rfc822');
    expect(paths['/api/cases/{id}/email-replies']!.post!.requestBody!.content['application/json']!.schema.properties).toHaveProperty('text');
    expect(paths['/api/admin/mailboxes']!.post!.requestBody!.content['application/json']!.schema.properties).toHaveProperty('webhookSecret');
    expect(paths['/api/admin/arc-rules/dry-run']!.post!.requestBody!.content).toHaveProperty('message/rfc822');
  });
});
