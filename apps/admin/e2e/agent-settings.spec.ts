import { expect, test } from './support/console-test';
import { screenshot, screenshotAtBothSizes, signInWithStoredSession } from './support/api-helpers';

const SUMMARY_LABEL = 'Automatically create a note at the end of a live chat using conversation summary';

test('toggles the summary note and the summary format, and the change persists', async ({ page, request, allowErrorResponses }) => {
  allowErrorResponses({ url: /\/api\/admin\/settings$/, status: 400 });
  await signInWithStoredSession(page, request);
  await page.goto('/settings');
  const summarySwitch = page.getByRole('switch', { name: SUMMARY_LABEL });
  await expect(summarySwitch).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Allow AI to override agent edits' })).toHaveAttribute('aria-checked', 'false');
  await screenshot(page, 'agent-settings');

  const before = await summarySwitch.getAttribute('aria-checked');
  const after = before === 'true' ? 'false' : 'true';
  await summarySwitch.focus();
  await page.keyboard.press('Space');
  await expect(summarySwitch).toHaveAttribute('aria-checked', after);
  await page.getByRole('radio', { name: 'Structured' }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('switch', { name: SUMMARY_LABEL })).toHaveAttribute('aria-checked', after);
  await expect(page.getByRole('radio', { name: 'Structured' })).toBeChecked();

  await page.getByLabel('Case number prefix').fill('x');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('prefix must be 2-10 uppercase letters or digits', { exact: true })).toBeVisible();
  await expect(page.getByText('Not saved: fix the highlighted setting.')).toBeVisible();
  await expect(page.getByLabel('Case number prefix')).toHaveAttribute('aria-invalid', 'true');
});

test('an out-of-range threshold gets an inline message, not only the browser bubble', async ({ page, request }) => {
  await signInWithStoredSession(page, request);
  await page.goto('/settings');
  const threshold = page.getByLabel('Default confidence threshold');
  await expect(threshold).toBeVisible();
  const saved = await threshold.inputValue();
  let requests = 0;
  page.on('request', (sent) => {
    if (sent.method() === 'PUT' && sent.url().endsWith('/api/admin/settings')) requests += 1;
  });
  await threshold.fill('1.5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Enter a number between 0 and 1, e.g. 0.7')).toBeVisible();
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await screenshotAtBothSizes(page, 'agent-settings-out-of-range');
  expect(requests).toBe(0);
  await threshold.fill(saved);
});
