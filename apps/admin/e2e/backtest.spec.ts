import { expect, test } from './support/console-test';
import { apiCall, screenshot, screenshotAtBothSizes, signInWithStoredSession } from './support/api-helpers';

const EXAMPLES = [
  { text: 'I was charged twice, please refund the payment. Reach me at ann@example.com', fields: { category: 'billing', customerEmail: 'ann@example.com' } },
  { text: 'My parcel has not arrived yet, my email is bob@example.org', fields: { category: 'shipping', customerEmail: 'bob@example.org' } },
  { text: 'I want to send the shoes back', fields: { category: 'returns', customerEmail: 'carol@example.net' } },
];

test('runs a backtest over uploaded examples and shows match rates and actual vs predicted', async ({ page, request }) => {
  await signInWithStoredSession(page, request);
  await page.goto('/backtest');
  await page.getByRole('radio', { name: /Upload examples/ }).check();
  await page.getByLabel('Examples file').setInputFiles({ name: 'examples.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(EXAMPLES)) });
  await page.getByRole('button', { name: 'Run backtest' }).click();

  const rates = page.getByRole('list', { name: 'Match rate per field' });
  await expect(rates).toContainText('category', { timeout: 60_000 });
  // The regex predictor finds the two addresses written in the text; the third example has none.
  await expect(rates.getByRole('listitem').filter({ hasText: 'customerEmail' })).toContainText('2/3');
  const table = page.getByRole('table', { name: 'Actual vs predicted' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await table.getByRole('button', { name: 'Row 1' }).click();
  await expect(table).toContainText('by regex');
  await expect(table).toContainText('“ann@example.com”');
  await page.getByRole('checkbox', { name: 'Mismatches only' }).check();
  await expect(table.getByRole('button', { name: /^Row / })).not.toHaveCount(0);
  await screenshot(page, 'backtest');
});

test('a backtest of stored cases says which examples it scored', async ({ page, request }) => {
  const admin = await signInWithStoredSession(page, request);
  await apiCall(request, admin.token, 'POST', '/cases', { title: 'I was charged twice for my order', status: 'resolved', fields: { category: 'billing' } });
  await page.goto('/backtest');
  await page.getByRole('radio', { name: /Stored cases/ }).check();
  await page.getByRole('button', { name: 'Run backtest' }).click();
  const scored = page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'What was scored' });
  await expect(scored).toContainText(/No learned model is trained yet|Only examples the learned model never saw are scored/, { timeout: 60_000 });
  await screenshotAtBothSizes(page, 'backtest-stored');
});
