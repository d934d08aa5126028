import { parse } from 'content-disposition';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database-targets.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MAILBOX = 'support@autocase.test';
const SECRET = 'inbound-webhook-secret-names';

function savedName(header: string | null): string {
  const { parameters } = parse(header ?? '');
  const extended = parameters['filename*'];
  return extended ? decodeURIComponent(extended.replace(/^UTF-8''/i, '')) : (parameters.filename ?? '');
}

describeEachDatabase('attachments download under their own names, whatever the script', (databaseId) => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp(databaseId, { SMTP_ENABLED: 'false' });
    token = await app.login();
    const mailbox = await app.api('/admin/mailboxes', { method: 'POST', token, json: { address: MAILBOX, displayName: 'Support', webhookSecret: SECRET } });
    expect(mailbox.status, await mailbox.clone().text()).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves 報告.pdf, café.pdf and a plain name with RFC 6266 headers', async () => {
    const raw = [
      'From: jane@customer.example',
      `To: ${MAILBOX}`,
      'Subject: Documents',
      'Message-ID: <names-1@customer.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="mix"',
      '',
      '--mix',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please find the documents attached.',
      '--mix',
      'Content-Type: application/pdf',
      "Content-Disposition: attachment; filename*=UTF-8''%E5%A0%B1%E5%91%8A.pdf",
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('%PDF-1.4 report').toString('base64'),
      '--mix',
      'Content-Type: application/pdf',
      "Content-Disposition: attachment; filename*=UTF-8''caf%C3%A9.pdf",
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('%PDF-1.4 menu').toString('base64'),
      '--mix',
      'Content-Type: text/plain',
      'Content-Disposition: attachment; filename="notes.txt"',
      '',
      'plain notes',
      '--mix--',
      '',
    ].join('\r\n');
    const accepted = await app.api('/channels/email/inbound', { method: 'POST', headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': SECRET }, body: raw });
    expect(accepted.status, await accepted.clone().text()).toBe(202);
    const { id } = (await accepted.json()) as { id: string };

    const expected = [
      { name: '報告.pdf', body: '%PDF-1.4 report' },
      { name: 'café.pdf', body: '%PDF-1.4 menu' },
      { name: 'notes.txt', body: 'plain notes' },
    ];
    for (const [index, attachment] of expected.entries()) {
      const response = await app.api(`/emails/${id}/attachments/${index}`, { token });
      expect(response.status, await response.clone().text()).toBe(200);
      expect(savedName(response.headers.get('content-disposition'))).toBe(attachment.name);
      expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe(attachment.body);
    }
    const rawDownload = await app.api(`/emails/${id}/raw`, { token });
    expect(savedName(rawDownload.headers.get('content-disposition'))).toBe(`${id}.eml`);
  });
});
