import { expect, test } from '@playwright/test';
import { screenshot, signInWithStoredSession } from './support/api-helpers';

const EXAMPLES = [
  { text: 'I was charged twice, please refund the payment', fields: { category: 'billing' } },
  { text: 'My parcel has not arrived yet', fields: { category: 'shipping' } },
  { text: 'I want to send the shoes back', fields: { category: 'returns' } },
];

test('runs a backtest over uploaded examples and shows match rates and actual vs predicted', async ({ page, request }) => {
  await signInWithStoredSession(page, request);
  await page.goto('/backtest');
  await page.getByRole('radio', { name: /Upload examples/ }).check();
  await page.getByLabel('Examples file').setInputFiles({ name: 'examples.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(EXAMPLES)) });
  await page.getByRole('button', { name: 'Run backtest' }).click();

  const rates = page.getByRole('list', { name: 'Match rate per field' });
  await expect(rates).toContainText('category', { timeout: 60_000 });
  await expect(rates).toContainText('/3');
  const table = page.getByRole('table', { name: 'Actual vs predicted' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await table.getByRole('button', { name: 'Row 1' }).click();
  await expect(table).toContainText('by ');
  await screenshot(page, 'backtest');
});
