import { expect, test } from './support/console-test';
import { screenshot, signInWithStoredSession } from './support/api-helpers';
import { E2E } from './support/e2e-environment';

test('creates an agent, shows a validation error inline, resets a password and disables the user', async ({ page, request, allowErrorResponses }) => {
  allowErrorResponses({ url: /\/api\/admin\/users$/, status: 400 });
  await signInWithStoredSession(page, request);
  await page.goto('/users');
  await expect(page.getByRole('row', { name: E2E.adminEmail })).toBeVisible();

  const email = `new-agent-${Date.now()}@example.com`;
  await page.getByRole('button', { name: '+ Add user' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Display name').fill('Dana Agent');
  await dialog.getByLabel('Initial password').fill('short');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByText('password must be at least 10 characters')).toBeVisible();
  await screenshot(page, 'users-create-validation');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: email });
  await expect(row).toContainText('Dana Agent');
  await expect(row).toContainText('Agent');
  await expect(row).toContainText('Active');

  await row.getByRole('button', { name: 'Reset password' }).click();
  const reset = page.getByRole('dialog', { name: 'Reset password' });
  await reset.getByLabel('New password').fill('a-brand-new-password');
  await reset.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText(`Password for ${email} was reset`)).toBeVisible();
  const login = await request.post(`${E2E.apiUrl}/api/auth/login`, { data: { email, password: 'a-brand-new-password' } });
  expect(login.status()).toBe(200);

  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('Disabled');
  await expect(page.getByRole('row', { name: E2E.adminEmail }).getByRole('button', { name: 'Disable' })).toBeDisabled();
  const refused = await request.post(`${E2E.apiUrl}/api/auth/login`, { data: { email, password: 'a-brand-new-password' } });
  expect(refused.status()).toBeGreaterThanOrEqual(400);
  await screenshot(page, 'users');
});
