import { expect, test } from './support/console-test';
import { apiCall, expectNoHorizontalOverflow, screenshot, signInWithStoredSession } from './support/api-helpers';

test('lists case changes and filters them by source', async ({ page, request }) => {
  const admin = await signInWithStoredSession(page, request);
  const created = await apiCall<{ id: string; number: string; version: number }>(request, admin.token, 'POST', '/cases', { title: 'Parcel arrived damaged', fields: { priority: 'high' } });
  await apiCall(request, admin.token, 'PATCH', `/cases/${created.id}`, { fields: { orderNumber: 'ORD-55120' } });
  await apiCall(request, admin.token, 'POST', '/cases', { title: 'Another case', fields: { priority: 'low' } });

  await page.goto('/audit');
  const table = page.getByRole('table', { name: 'Audit entries' });
  await expect(table.getByRole('row').filter({ hasText: 'ORD-55120' })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await screenshot(page, 'audit-log');

  // The case number an agent sees is enough to filter by (the internal id works too).
  await page.getByLabel('Case number or id').fill(created.number);
  await expect(table.getByRole('row').filter({ hasText: 'ORD-55120' })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(page);
  await screenshot(page, 'audit-log-390');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel('Case number or id').fill(created.id);
  await expect(table.getByRole('row').filter({ hasText: 'ORD-55120' })).toBeVisible();
  await page.getByLabel('Source').selectOption('ai');
  await expect(page.getByText('No changes match these filters')).toBeVisible();
  await page.getByLabel('Source').selectOption('agent');
  await expect(table.getByRole('row').filter({ hasText: 'ORD-55120' })).toBeVisible();
});
