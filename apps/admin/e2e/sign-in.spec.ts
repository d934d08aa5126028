import { expect, test } from './support/console-test';
import { createUser, screenshot, signInThroughForm } from './support/api-helpers';
import { E2E } from './support/e2e-environment';

test.describe('sign in', () => {
  test('shows inline errors for an empty form, then signs the admin in and out', async ({ page, allowErrorResponses }) => {
    allowErrorResponses({ url: /\/api\/auth\/login$/, status: 401 });
    await page.goto('/fields');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ffields/);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, 'sign-in-validation');

    await page.getByLabel('Email').fill(E2E.adminEmail);
    await page.getByLabel('Password').fill('wrong-password-here');
    await page.getByLabel('Password').press('Enter');
    await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toContainText('do not match an active account');

    await signInThroughForm(page);
    await expect(page).toHaveURL(/\/fields$/);
    await expect(page.getByTestId('current-user')).toHaveText(E2E.adminEmail);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case fields for AI' })).toHaveAttribute('aria-current', 'page');
    await page.goto('/sign-in?next=%2Faudit');
    await expect(page).toHaveURL(/\/audit$/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/);
    await expect(page.getByText('You have been signed out.')).toBeVisible();
    await page.goto('/settings');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('refuses an agent with a clear message', async ({ page, request }) => {
    const agent = await createUser(request, 'agent');
    await signInThroughForm(page, agent.email, agent.password);
    const alert = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
    await expect(alert).toContainText('is an agent account');
    await expect(alert).toContainText('administrators only');
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await page.evaluate(() => window.localStorage.getItem('autocase.admin.session'))).toBeNull();
    await screenshot(page, 'sign-in-agent-refused');
  });
});
