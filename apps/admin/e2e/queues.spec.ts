import { expect, test } from '@playwright/test';
import { screenshot, signInWithStoredSession } from './support/api-helpers';

test('shows queue and database health from the running API', async ({ page, request }) => {
  await signInWithStoredSession(page, request);
  await page.goto('/queues');
  const components = page.getByRole('table', { name: 'Components' });
  await expect(components.getByRole('row', { name: /Queue/ })).toContainText('Healthy');
  await expect(components.getByRole('row', { name: /Database/ })).toContainText('sqlite');
  await expect(page.getByText('Pending jobs')).toBeVisible();
  await screenshot(page, 'queues');
});
