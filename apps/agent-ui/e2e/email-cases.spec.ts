import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext } from '@playwright/test';
import nodemailer from 'nodemailer';
import { agentContext, apiCall, apiLogin, createAgent, screenshot, type SignedInUser } from './support/api-helpers';
import { E2E } from './support/e2e-environment';

const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const transport = nodemailer.createTransport({ host: '127.0.0.1', port: E2E.smtpPort, secure: false, ignoreTLS: true });

const CUSTOMER_MAILBOX = 'customer@autocase.test';
const ARC_RULE_NAME = 'Every email becomes a case';

let mailboxReady: Promise<void> | null = null;

/**
 * A support mailbox whose ARC rule turns every email into a case, plus the customer's mailbox that
 * replies are delivered to (set up over the admin API; idempotent, so a retried worker reuses them).
 */
function ensureMailbox(request: APIRequestContext): Promise<void> {
  mailboxReady ??= (async () => {
    const admin = await apiLogin(request);
    const mailboxes = await apiCall<{ address: string }[] | { items: { address: string }[] }>(request, admin.token, 'GET', '/admin/mailboxes');
    const existing = new Set((Array.isArray(mailboxes) ? mailboxes : mailboxes.items).map((mailbox) => mailbox.address));
    // Replies go out over SMTP to the API's own listener, where the customer's address is a second mailbox.
    if (!existing.has(E2E.mailbox)) await apiCall(request, admin.token, 'POST', '/admin/mailboxes', { address: E2E.mailbox, displayName: 'Support', smtp: { host: '127.0.0.1', port: E2E.smtpPort } });
    if (!existing.has(CUSTOMER_MAILBOX)) await apiCall(request, admin.token, 'POST', '/admin/mailboxes', { address: CUSTOMER_MAILBOX, displayName: 'Customer inbox' });
    const rules = await apiCall<{ name: string }[] | { items: { name: string }[] }>(request, admin.token, 'GET', '/admin/arc-rules');
    if (!(Array.isArray(rules) ? rules : rules.items).some((rule) => rule.name === ARC_RULE_NAME)) {
      await apiCall(request, admin.token, 'POST', '/admin/arc-rules', { mailbox: E2E.mailbox, name: ARC_RULE_NAME, items: [{ id: 'all', name: 'Everything', action: 'create-case' }] });
    }
  })();
  return mailboxReady;
}

async function waitForCase(request: APIRequestContext, agent: SignedInUser, subject: string): Promise<{ id: string; number: string }> {
  let found: { id: string; number: string } | undefined;
  await expect
    .poll(async () => {
      const page = await apiCall<{ items: { id: string; number: string; title: string }[] }>(request, agent.token, 'GET', `/cases?channel=email&q=${encodeURIComponent(subject)}`);
      found = page.items.find((item) => item.title.includes(subject));
      if (found) return 'case created';
      // Say what happened to the email while waiting, so a failure explains itself.
      const emails = await apiCall<{ items: { status: string; outcome: string | null; reason: string | null }[] }>(request, agent.token, 'GET', `/emails?q=${encodeURIComponent(subject)}`);
      const email = emails.items[0];
      return email ? `email ${email.status}, outcome ${email.outcome ?? 'none'}: ${email.reason ?? ''}` : 'email not stored yet';
    }, { timeout: 20_000 })
    .toBe('case created');
  return found!;
}

test('an email sent over SMTP becomes a case with its thread and attachment, found through the case list filters', async ({ browser, request }) => {
  await ensureMailbox(request);
  const agent = await createAgent(request);
  const subject = `Parcel damaged ${Date.now()}`;
  await transport.sendMail({
    from: '"Ben Carter" <ben.carter@example.net>',
    to: E2E.mailbox,
    subject,
    text: 'Hello, my parcel for order ORD-246810 arrived damaged. Photo attached.',
    html: '<p>Hello,</p><p>my parcel for order <b>ORD-246810</b> arrived <i>damaged</i>. Photo attached.</p><img src="cid:photo@acme" alt="Photo of the box" width="40" height="40"><img src="https://tracker.example.com/pixel.gif" alt="">',
    attachments: [
      { filename: 'damage-report.txt', content: 'Box crushed on one side.' },
      { filename: 'photo.png', content: PIXEL_PNG, cid: 'photo@acme', contentType: 'image/png' },
    ],
  });
  await waitForCase(request, agent, subject);

  const context = await agentContext(browser, agent);
  const page = await context.newPage();
  await page.goto('/cases');
  await page.getByLabel('Channel').selectOption('email');
  await page.getByLabel('Search cases').fill(subject);
  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toBeVisible();
  await screenshot(page, 'agent-case-list-email');
  await row.getByRole('link').click();

  const message = page.getByTestId('email-message');
  await expect(message).toHaveCount(1);
  await expect(message).toContainText('Ben Carter <ben.carter@example.net>');
  await expect(message).toContainText(subject);
  const body = page.frameLocator('[data-testid="email-html"]');
  await expect(body.getByText('arrived')).toBeVisible();
  await expect(page.getByText('1 remote image was blocked')).toBeVisible();
  // The inline photo is shown from the message itself (no network), the attachment downloads.
  await expect(body.getByRole('img', { name: 'Photo of the box' })).toHaveAttribute('src', /^data:image\/png;base64,/);
  const attachments = page.getByRole('list', { name: 'Attachments' });
  await expect(attachments).toContainText('damage-report.txt');
  await expect(attachments).not.toContainText('photo.png');
  const downloading = page.waitForEvent('download');
  await attachments.getByRole('button', { name: /damage-report\.txt/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('damage-report.txt');
  expect(await readFile(await download.path(), 'utf8')).toBe('Box crushed on one side.');
  await expect(page.getByTestId('case-field-orderNumber').getByLabel('Order number')).toHaveValue('ORD-246810');
  await screenshot(page, 'agent-email-case');
  await context.close();
});

test('an email whose HTML carries a script and an onerror handler is shown without running either', async ({ browser, request }) => {
  await ensureMailbox(request);
  const agent = await createAgent(request);
  const subject = `Invoice question ${Date.now()}`;
  await transport.sendMail({
    from: 'mallory@example.org',
    to: E2E.mailbox,
    subject,
    text: 'Please check my invoice.',
    html: [
      '<p id="visible">Please check my invoice, I was charged twice.</p>',
      '<script>window.parent.__emailScriptRan = true; alert("script")</script>',
      '<img src="x" onerror="window.parent.__emailScriptRan = true; alert(\'onerror\')">',
      '<a href="javascript:alert(1)">click me</a>',
    ].join(''),
  });
  const created = await waitForCase(request, agent, subject);

  const context = await agentContext(browser, agent);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/cases/${created.id}`);
  const frame = page.frameLocator('[data-testid="email-html"]');
  await expect(frame.getByText('I was charged twice')).toBeVisible();
  await expect(frame.locator('script')).toHaveCount(0);
  await expect(frame.locator('[onerror]')).toHaveCount(0);
  await expect(frame.getByText('click me')).not.toHaveAttribute('href', /javascript:/);
  await expect(page.locator('iframe[data-testid="email-html"]')).toHaveAttribute('sandbox', /^(?!.*allow-scripts).*$/);
  await page.waitForTimeout(1000);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __emailScriptRan?: boolean }).__emailScriptRan)).toBeUndefined();
  await screenshot(page, 'agent-email-hostile-html');
  await context.close();
});

test('the agent replies from the case; the reply is sent over SMTP with the case number in its subject', async ({ browser, request }) => {
  await ensureMailbox(request);
  const agent = await createAgent(request);
  const subject = `Where is my refund ${Date.now()}`;
  await transport.sendMail({ from: `"Chris Customer" <${CUSTOMER_MAILBOX}>`, to: E2E.mailbox, subject, text: 'I returned the shoes two weeks ago and the refund is still missing.' });
  const created = await waitForCase(request, agent, subject);

  const context = await agentContext(browser, agent);
  const page = await context.newPage();
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByTestId('email-message')).toContainText('I returned the shoes');
  await page.getByLabel(/^Reply/).fill('Hi Chris, the refund was issued today and reaches your account within 3 days.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Reply sent to ${CUSTOMER_MAILBOX}` })).toBeVisible();
  await screenshot(page, 'agent-email-reply-sent');

  // The reply really went out: it arrived in the customer's mailbox, threaded by the case number.
  await expect
    .poll(async () => {
      const emails = await apiCall<{ items: { mailbox: string; subject: string }[] }>(request, agent.token, 'GET', `/emails?q=${encodeURIComponent(subject)}`);
      return emails.items.some((email) => email.mailbox === CUSTOMER_MAILBOX && email.subject.includes(created.number));
    }, { timeout: 20_000 })
    .toBe(true);
  await context.close();
});
