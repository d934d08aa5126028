import { expect, test } from './support/console-test';
import { apiCall, screenshot, signInWithStoredSession } from './support/api-helpers';
import { E2E } from './support/e2e-environment';

test('shows queue and database health and the jobs that ran', async ({ page, request }) => {
  const admin = await signInWithStoredSession(page, request);
  const mailbox = `jobs-${Date.now()}@example.com`;
  const secret = `secret-${Date.now()}-queues-test`;
  await apiCall(request, admin.token, 'POST', '/admin/mailboxes', { address: mailbox, webhookSecret: secret });
  const raw = `From: Dee <dee@example.org>\r\nTo: ${mailbox}\r\nSubject: Jobs check\r\nMessage-ID: <jobs-${Date.now()}@example.org>\r\n\r\nHello\r\n`;
  const delivered = await request.post(`${E2E.apiUrl}/api/channels/email/inbound`, { headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': secret }, data: Buffer.from(raw) });
  expect(delivered.status()).toBe(202);

  await page.goto('/queues');
  const components = page.getByRole('table', { name: 'Components' });
  await expect(components.getByRole('row', { name: /Queue/ })).toContainText('Healthy');
  await expect(components.getByRole('row', { name: /Database/ })).toContainText('sqlite');
  await expect(page.getByText('Pending jobs')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Jobs' }).getByRole('row', { name: /email\.process/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'bull-board' })).toBeVisible();
  await expect(page.getByText('bull-board, for inspecting and retrying individual jobs, is available with Redis')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open bull-board' })).toHaveCount(0);
  await screenshot(page, 'queues');
});
