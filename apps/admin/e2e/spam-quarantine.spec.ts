import { expect, test } from '@playwright/test';
import { apiCall, screenshot, signInWithStoredSession } from './support/api-helpers';
import { E2E } from './support/e2e-environment';

test('shows quarantined spam in the email activity, searchable, and releases it as "not spam" into a case', async ({ page, request }) => {
  const admin = await signInWithStoredSession(page, request);
  const stamp = Date.now();
  const mailbox = `spam-${stamp}@example.com`;
  const secret = `secret-${stamp}-abcdefghijkl`;
  await apiCall(request, admin.token, 'POST', '/admin/mailboxes', { address: mailbox, webhookSecret: secret });
  await apiCall(request, admin.token, 'POST', '/admin/arc-rules', { mailbox, name: 'Everything', items: [{ id: 'all', name: 'All mail', acknowledge: true }] });
  const deliver = async (raw: string) => {
    const delivered = await request.post(`${E2E.apiUrl}/api/channels/email/inbound`, { headers: { 'content-type': 'message/rfc822', 'x-autocase-secret': secret, 'x-autocase-mailbox': mailbox }, data: Buffer.from(raw) });
    expect(delivered.status(), await delivered.text()).toBe(202);
  };
  const flaggedSubject = `Order status ${stamp}`;
  await deliver(`From: Carla Customer <carla@example.org>\r\nTo: ${mailbox}\r\nSubject: ${flaggedSubject}\r\nMessage-ID: <flagged-${stamp}@example.org>\r\nDate: Tue, 24 Nov 2026 09:00:00 +0000\r\nX-Spam-Flag: YES\r\nX-Spam-Status: Yes, score=6.1 required=5.0\r\n\r\nWhere is my order 7781? It was due last week.\r\n`);
  const pitchSubject = `EARN $5000 A WEEK FROM HOME!!! ${stamp}`;
  await deliver(
    `From: Income Team <income7731@cash-offers.example>\r\nTo: ${mailbox}\r\nSubject: ${pitchSubject}\r\nMessage-ID: <pitch-${stamp}@cash-offers.example>\r\nContent-Type: text/html; charset="iso-8859-1"\r\n\r\n<html><body><font color="red" size="5">Dear Friend, you have been selected!</font><br>Earn $5000 a week from home. <a href="http://198.51.100.7/join">CLICK HERE</a> to claim your FREE money now! Limited time offer. To be removed from our mailing list reply with REMOVE.</body></html>\r\n`,
  );

  await page.goto('/emails');
  await page.getByLabel('Outcome').selectOption('spam');
  const table = page.getByRole('table', { name: 'Inbound emails' });
  const flagged = table.getByRole('row').filter({ hasText: flaggedSubject });
  const pitch = table.getByRole('row').filter({ hasText: pitchSubject });
  await expect(async () => {
    await page.reload();
    await page.getByLabel('Outcome').selectOption('spam');
    await expect(flagged).toContainText('spam', { timeout: 1000 });
    await expect(pitch).toContainText('spam', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(flagged).toContainText('the upstream mail server flagged it as spam (score 6.1)');
  await expect(pitch).toContainText(/spam classifier \(base\)/);
  await page.getByLabel('Search emails').fill(String(stamp));
  await expect(table.getByRole('row')).toHaveCount(3);
  await screenshot(page, 'spam-quarantine');
  await page.setViewportSize({ width: 390, height: 844 });
  const card = page.getByRole('list', { name: 'Inbound emails' }).getByRole('listitem').filter({ hasText: flaggedSubject });
  await expect(card.getByRole('button', { name: 'Not spam' })).toBeVisible();
  await expect(card).toContainText('spam');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, 'spam-quarantine-mobile');
  await page.setViewportSize({ width: 1440, height: 900 });

  await flagged.getByRole('button', { name: 'Not spam' }).click();
  await expect(page.getByText(`“${flaggedSubject}” was released from the spam quarantine: case-created.`)).toBeVisible();
  await expect(flagged).toHaveCount(0);
  await page.getByLabel('Outcome').selectOption('case-created');
  await expect(table.getByRole('row').filter({ hasText: flaggedSubject })).toContainText('released from the spam quarantine');
  await expect(pitch).toHaveCount(0);
});

test('sets a mailbox\'s spam policy in the mailbox editor, kept through a save', async ({ page, request }) => {
  const admin = await signInWithStoredSession(page, request);
  const mailbox = `policy-${Date.now()}@example.com`;
  await apiCall(request, admin.token, 'POST', '/admin/mailboxes', { address: mailbox });
  await page.goto('/mailboxes');
  await page.getByRole('list', { name: 'Mailboxes' }).getByRole('button', { name: new RegExp(mailbox) }).click();
  await expect(page.getByRole('switch', { name: 'Spam handling' })).toBeChecked();
  await page.getByLabel('Classifier threshold').fill('0.9');
  await page.getByLabel('Quarantine SPF and DKIM failures').check();
  await screenshot(page, 'mailbox-spam-policy');
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByText(`${mailbox} saved.`)).toBeVisible();
  const stored = (await apiCall(request, admin.token, 'GET', '/admin/mailboxes')) as { items: { address: string; spam?: Record<string, unknown> }[] };
  expect(stored.items.find((item) => item.address === mailbox)?.spam).toMatchObject({ enabled: true, classifierThreshold: 0.9, quarantineOnSpfAndDkimFail: true, quarantineOnDmarcFail: true });
  await page.getByLabel('Classifier threshold').fill('7');
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByText('Not saved: fix the highlighted settings.')).toBeVisible();
  await expect(page.getByLabel('Classifier threshold')).toHaveAttribute('aria-invalid', 'true');
});
