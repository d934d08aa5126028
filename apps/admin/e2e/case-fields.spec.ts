import { expect, test } from './support/console-test';
import { screenshot, signInWithStoredSession } from './support/api-helpers';

test('configures a case field: inline validation from the API, save, reorder, persist', async ({ page, request, allowErrorResponses }) => {
  allowErrorResponses({ url: /\/api\/admin\/fields$/, status: 400 });
  await signInWithStoredSession(page, request);
  await page.goto('/fields');
  await expect(page.getByRole('heading', { name: 'Case fields for AI' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Case fields' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const initialCount = await list.getByRole('listitem').count();
  await screenshot(page, 'case-fields');

  await page.getByRole('button', { name: '+ Add field' }).click();
  const editor = page.getByRole('group', { name: 'Field editor' });
  await editor.getByLabel('Label').fill('Refund reason');
  await expect(editor.getByLabel('Key')).toHaveValue('refundReason');
  await editor.getByLabel('Type').selectOption('choice');
  await editor.getByLabel('Description for the AI').fill('Why the customer wants their money back.');

  // The browser catches an empty label before saving.
  await editor.getByLabel('Label').fill('');
  await page.getByRole('button', { name: 'Save fields' }).click();
  await expect(editor.getByText('label is required')).toBeVisible();
  await expect(editor.getByText('needs at least one option')).toBeVisible();
  await editor.getByLabel('Label').fill('Refund reason');

  // Duplicate option values are only rejected by the API; its 400 lands next to the option.
  await editor.getByRole('button', { name: '+ Add option' }).click();
  await editor.getByLabel('Option 1 value').fill('damaged');
  await editor.getByLabel('Option 1 description').fill('Use when the item arrived broken.');
  await editor.getByRole('button', { name: '+ Add option' }).click();
  await editor.getByLabel('Option 2 value').fill('damaged');
  await page.getByRole('button', { name: 'Save fields' }).click();
  await expect(editor.getByText('duplicate option "damaged"')).toBeVisible();
  await expect(editor.getByLabel('Option 2 value')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The server rejected the fields')).toBeVisible();
  await screenshot(page, 'case-fields-validation-error');

  await editor.getByLabel('Option 2 value').fill('late');
  await editor.getByLabel('Option 2 description').fill('Use when delivery took too long. Not for lost parcels.');
  await editor.getByRole('checkbox', { name: /Required for autonomous creation/ }).check();
  await editor.getByRole('checkbox', { name: /Updates/ }).uncheck();
  await editor.getByRole('button', { name: 'regex' }).click();
  await page.getByRole('button', { name: 'Move Refund reason up' }).click();
  await page.getByRole('button', { name: 'Save fields' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Fields saved' })).toBeVisible();

  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(initialCount + 1);
  const secondToLast = list.getByRole('listitem').nth(initialCount - 1);
  await expect(secondToLast).toContainText('Refund reason');
  await expect(secondToLast).toContainText('refundReason');
  await secondToLast.getByRole('button').first().click();
  await expect(editor.getByLabel('Option 2 value')).toHaveValue('late');
  await expect(editor.getByRole('checkbox', { name: /Required for autonomous creation/ })).toBeChecked();
  await expect(editor.getByRole('checkbox', { name: /Updates/ })).not.toBeChecked();
  await expect(editor.getByRole('button', { name: 'regex' })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'case-fields-saved');
});
