import { expect, test } from './support/console-test';
import { apiCall, expectNoHorizontalOverflow, screenshot, signInWithStoredSession } from './support/api-helpers';
import { E2E } from './support/e2e-environment';

test('lists an inbound email with its outcome and reason, filters by outcome and reprocesses', async ({ page, request }) => {
  const admin = await signInWithStoredSession(page, request);
  const mailbox = `inbox-${Date.now()}@example.com`;
  const secret = `secret-${Date.now()}-abcdefghijkl`;
  await apiCall(request, admin.token, 'POST', '/admin/mailboxes', { address: mailbox, webhookSecret: secret });
  await apiCall(request, admin.token, 'POST', '/admin/arc-rules', { mailbox, name: 'Everything', items: [{ id: 'all', name: 'All mail' }] });
  const subject = `Invoice question ${Date.now()}`;
  const raw = `From: Bob Buyer <bob@example.org>\r\nTo: ${mailbox}\r\nSubject: ${subject}\r\nMessage-ID: <${Date.now()}@example.org>\r\nDate: Tue, 24 Nov 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nI was charged twice for order 5512.\r\n`;
  const delivered = await request.post(`${E2E.apiUrl}/api/channels/email/inbound`, { headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': secret, 'x-autocase-mailbox': mailbox }, data: Buffer.from(raw) });
  expect(delivered.status(), await delivered.text()).toBe(202);

  await page.goto('/emails');
  const row = page.getByRole('table', { name: 'Inbound emails' }).getByRole('row').filter({ hasText: subject });
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText('case-created', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toContainText('Bob Buyer');
  await expectNoHorizontalOverflow(page);
  await screenshot(page, 'email-activity');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByText(subject).first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await screenshot(page, 'email-activity-390');
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByLabel('Outcome').selectOption('skipped');
  await expect(row).toHaveCount(0);
  await page.getByLabel('Outcome').selectOption('case-created');
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: subject }).click();
  await expect(page.getByText('I was charged twice for order 5512.')).toBeVisible();
  await row.getByRole('button', { name: 'Reprocess' }).click();
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: /reprocess/i }).first()).toBeVisible();
});
