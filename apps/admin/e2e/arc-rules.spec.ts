import { expect, test } from './support/console-test';
import { apiCall, screenshot, screenshotAtBothSizes, signInWithStoredSession } from './support/api-helpers';

const email = (subject: string) => `From: Ann Customer <ann@example.com>
To: support@example.com
Subject: ${subject}
Message-ID: <${Date.now()}@example.com>
Date: Tue, 24 Nov 2026 09:00:00 +0000
Content-Type: text/plain; charset=utf-8

Hello, order 1182 arrived with a cracked lamp.
`;

test('creates an ARC rule with ordered items, shows an invalid regex inline, and dry-runs .eml files', async ({ page, request, allowErrorResponses }) => {
  allowErrorResponses({ url: /\/api\/admin\/arc-rules$/, status: 400 });
  const admin = await signInWithStoredSession(page, request);
  const mailbox = `arc-${Date.now()}@example.com`;
  await apiCall(request, admin.token, 'POST', '/admin/mailboxes', { address: mailbox });

  await page.goto(`/arc-rules/new?mailbox=${encodeURIComponent(mailbox)}`);
  await expect(page.getByRole('textbox', { name: 'Mailbox' })).toHaveValue(mailbox);
  await page.getByLabel('Name', { exact: true }).fill('Support triage');

  await page.getByRole('button', { name: '+ Add item' }).click();
  const second = page.getByRole('listitem', { name: /^Rule item 2:/ });
  await second.getByLabel('Item name').fill('Skip newsletters');
  await second.getByRole('button', { name: '+ Add condition' }).click();
  await second.getByLabel('Condition 1 operator').selectOption('regex');
  await second.getByLabel('Condition 1 value').fill('news(letter');
  await second.getByLabel('Then').selectOption('skip');
  await page.getByRole('button', { name: 'Move item 2 up' }).click();

  await page.getByRole('button', { name: 'Create rule' }).click();
  const first = page.getByRole('listitem', { name: /^Rule item 1:/ });
  await expect(first).toContainText('invalid regular expression');
  await expect(first.getByLabel('Condition 1 value')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Not saved: fix the highlighted problems.')).toBeVisible();
  await screenshot(page, 'arc-rule-validation-error');

  await first.getByLabel('Condition 1 value').fill('newsletter');
  await page.getByRole('button', { name: 'Create rule' }).click();
  await expect(page).toHaveURL(/\/arc-rules\/(?!new)[^/?]+\?created=1/);
  await expect(page.getByRole('status').filter({ hasText: 'Rule created.' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: /^Rule item 1: Skip newsletters/ })).toBeVisible();

  const raw = page.getByLabel('Raw email (.eml)');
  await raw.fill(email('Our November newsletter'));
  await page.getByRole('button', { name: 'Run dry run' }).click();
  const result = page.getByRole('region', { name: 'Dry run result' });
  await expect(result).toContainText('Skip newsletters');
  await expect(result).toContainText('Skip the email');

  await raw.fill(email('My lamp arrived broken'));
  await page.getByRole('button', { name: 'Run dry run' }).click();
  await expect(result).toContainText('Create a case for every email');
  await expect(result).toContainText('Create a case “My lamp arrived broken”');
  await screenshot(page, 'arc-rule-dry-run');

  await page.goto('/arc-rules');
  await expect(page.getByRole('list', { name: 'ARC rules' }).getByRole('link', { name: /Support triage/ })).toContainText(mailbox);
  await screenshot(page, 'arc-rules');
});

test('dry-runs an unsaved rule, maps the sender to customerEmail, and refuses a second rule or an unknown mailbox in plain words', async ({ page, request, allowErrorResponses }) => {
  allowErrorResponses({ url: /\/api\/admin\/arc-rules$/, status: 409 }, { url: /\/api\/admin\/arc-rules$/, status: 400 });
  const admin = await signInWithStoredSession(page, request);
  const mailbox = `arc-unsaved-${Date.now()}@example.com`;
  await apiCall(request, admin.token, 'POST', '/admin/mailboxes', { address: mailbox });

  await page.goto(`/arc-rules/new?mailbox=${encodeURIComponent(mailbox)}`);
  const first = page.getByRole('listitem', { name: /^Rule item 1:/ });
  await expect(first.getByLabel('Mapping 2 field')).toHaveValue('customerEmail');
  await expect(first.getByLabel('Mapping 2 source')).toHaveValue('sender-address');
  await expect(first.getByLabel('Mapping 3 source')).toHaveValue('constant');
  await expect(first.getByText('set to')).toBeVisible();

  // Nothing is saved yet: the dry run tries the rule as it is on screen.
  await page.getByLabel('Raw email (.eml)').fill(email('My lamp arrived broken'));
  await page.getByRole('button', { name: 'Run dry run' }).click();
  await expect(page.getByRole('region', { name: 'Dry run result' })).toContainText('Create a case “My lamp arrived broken”');
  await screenshotAtBothSizes(page, 'arc-rule-unsaved-dry-run');

  await page.getByRole('button', { name: 'Create rule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rule created.' })).toBeVisible();

  // A second rule for the same mailbox is refused, and says which rule to edit.
  await page.goto(`/arc-rules/new?mailbox=${encodeURIComponent(mailbox)}`);
  await page.getByLabel('Name', { exact: true }).fill('Duplicate');
  await page.getByRole('button', { name: 'Create rule' }).click();
  await expect(page.getByText(`mailbox ${mailbox} already has the ARC rule "Support inbox"`)).toBeVisible();

  // A misspelt mailbox is named.
  await page.getByRole('textbox', { name: 'Mailbox' }).fill('nobody-here@example.com');
  await page.getByRole('button', { name: 'Create rule' }).click();
  await expect(page.getByText('no mailbox nobody-here@example.com exists')).toBeVisible();
  await screenshotAtBothSizes(page, 'arc-rule-unknown-mailbox');
});
