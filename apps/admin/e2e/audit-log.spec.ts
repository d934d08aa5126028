import { expect, test } from './support/console-test';
import { apiCall, screenshot, signInWithStoredSession } from './support/api-helpers';

test('lists case changes and filters them by source', async ({ page, request }) => {
  const admin = await signInWithStoredSession(page, request);
  const created = await apiCall<{ id: string; version: number }>(request, admin.token, 'POST', '/cases', { title: 'Parcel arrived damaged', fields: { priority: 'high' } });
  await apiCall(request, admin.token, 'PATCH', `/cases/${created.id}`, { fields: { orderNumber: 'ORD-55120' } });

  await page.goto('/audit');
  const table = page.getByRole('table', { name: 'Audit entries' });
  await expect(table.getByRole('row').filter({ hasText: 'ORD-55120' })).toBeVisible();
  await screenshot(page, 'audit-log');

  await page.getByLabel('Case id').fill(created.id);
  await expect(table.getByRole('row').filter({ hasText: 'ORD-55120' })).toBeVisible();
  await page.getByLabel('Source').selectOption('ai');
  await expect(page.getByText('No changes match these filters')).toBeVisible();
  await page.getByLabel('Source').selectOption('agent');
  await expect(table.getByRole('row').filter({ hasText: 'ORD-55120' })).toBeVisible();
});
