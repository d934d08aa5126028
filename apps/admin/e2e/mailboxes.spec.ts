import { expect, test } from './support/console-test';
import { screenshotAtBothSizes, signInWithStoredSession } from './support/api-helpers';

test('creates a mailbox with an acknowledgement preview, a failing SMTP connection test and an inline validation error', async ({ page, request, allowErrorResponses }) => {
  allowErrorResponses({ url: /\/api\/admin\/mailboxes$/, status: 400 });
  await signInWithStoredSession(page, request);
  await page.goto('/mailboxes');
  await expect(page.getByRole('heading', { level: 1, name: 'Mailboxes' })).toBeVisible();
  await page.getByRole('button', { name: '+ New mailbox' }).click();

  await page.getByLabel('Inbound address').fill('not-an-address');
  await page.getByRole('button', { name: 'Create mailbox' }).click();
  await expect(page.getByText('must be an email address such as support@example.com')).toBeVisible();
  await expect(page.getByLabel('Inbound address')).toHaveAttribute('aria-invalid', 'true');

  const address = `help-${Date.now()}@example.com`;
  await page.getByLabel('Inbound address').fill(address);
  await page.getByLabel('Display name').fill('Acme Help');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByLabel('Webhook secret')).toHaveValue(/^[A-Za-z0-9]{32}$/);

  // Without its own SMTP, the editor says where replies really go: the e2e server runs with the default outbox.
  await expect(page.getByTestId('reply-transport')).toHaveText(/^Off\. Replies and acknowledgements go through the server's outbox: messages are kept with the case and not delivered .*Customers do not receive them\.$/);
  await page.getByRole('switch', { name: 'Send over SMTP' }).click();
  await page.getByLabel('SMTP host').fill('127.0.0.1');
  await page.getByRole('spinbutton', { name: 'Port' }).fill('1');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: '✕' })).toBeVisible({ timeout: 20_000 });

  await page.getByLabel('Body').fill('Dear {{customerName}}, your reference is ');
  await page.getByRole('button', { name: '{{caseNumber}}' }).click();
  const preview = page.getByRole('region', { name: 'Acknowledgement preview' });
  await expect(preview).toContainText('Dear Ann Customer, your reference is CAS-00042');
  await page.getByLabel('Subject').fill('Re: {{subject}} {{ticket}}');
  await expect(page.getByText('Unknown placeholder: {{ticket}}')).toBeVisible();
  await page.getByLabel('Subject').fill('We got it: {{subject}}');
  await expect(preview).toContainText('We got it: My order arrived damaged');
  await screenshotAtBothSizes(page, 'mailbox-editor');

  await page.getByRole('button', { name: 'Create mailbox' }).click();
  await expect(page.getByText(`${address} saved.`)).toBeVisible();
  const listEntry = page.getByRole('list', { name: 'Mailboxes' }).getByRole('button', { name: new RegExp(address) });
  await expect(listEntry).toContainText('SMTP out');
  await page.reload();
  await page.getByRole('list', { name: 'Mailboxes' }).getByRole('button', { name: new RegExp(address) }).click();
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  // The webhook secret is write-only: shown when typed or generated, never sent back; it can be rotated.
  await expect(page.getByLabel('Webhook secret')).toHaveValue('');
  await expect(page.getByLabel('Webhook secret')).toHaveAttribute('placeholder', /Set \(hidden\)/);
  await expect(page.getByRole('button', { name: 'Rotate' })).toBeVisible();
  await expect(preview).toContainText('Dear Ann Customer, your reference is CAS-00042');
});
