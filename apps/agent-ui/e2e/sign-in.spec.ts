import { expect, test } from './support/test';
import { apiCall, apiLogin, createUser, screenshot, signInThroughForm } from './support/api-helpers';
import { E2E } from './support/e2e-environment';

test.describe('agent workspace sign in', () => {
  test('an agent signs in, sees the inbox and the case list, and signs out', async ({ page, request }) => {
    const agent = await createUser(request, 'agent');
    const admin = await apiLogin(request);
    const title = `Refund for order ORD-${Date.now()}`;
    await apiCall(request, admin.token, 'POST', '/cases', { title, fields: { priority: 'high' } });
    await page.goto('/cases');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcases/);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address.')).toBeVisible();
    await screenshot(page, 'sign-in-validation');

    await signInThroughForm(page, agent.email, agent.password);
    await expect(page).toHaveURL(/\/inbox$/);
    await expect(page.getByTestId('current-user')).toHaveText(agent.email);
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    await screenshot(page, 'inbox');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
    await screenshot(page, 'cases');
    await page.getByLabel('Status').selectOption('closed');
    await expect(page.getByText('No cases match these filters')).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/);
  });

  test('an admin may use the workspace too; a wrong password is refused inline', async ({ page, pageHealth }) => {
    pageHealth.allowFailedResponse(/^POST .*\/api\/auth\/login$/, 401);
    await signInThroughForm(page, E2E.adminEmail, 'not-the-password');
    await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toContainText('do not match an active account');
    await signInThroughForm(page);
    await expect(page.getByTestId('current-user')).toHaveText(E2E.adminEmail);
  });
});
