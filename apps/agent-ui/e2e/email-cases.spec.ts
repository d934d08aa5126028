import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import nodemailer from 'nodemailer';
import { agentContext, apiCall, createAgent, screenshot, type SignedInUser } from './support/api-helpers';
import { MAILBOXES } from './support/busy-workspace';
import { E2E } from './support/e2e-environment';

const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const transport = nodemailer.createTransport({ host: '127.0.0.1', port: E2E.smtpPort, secure: false, ignoreTLS: true });

const CUSTOMER_MAILBOX = MAILBOXES.customer;

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

  // The thread shows what was sent — the acknowledgement and the reply — each with its delivery state; so does the timeline.
  const sent = page.getByTestId('outbound-email');
  await expect(sent.filter({ hasText: 'the refund was issued today' })).toHaveAttribute('data-delivery', 'sent');
  await expect(sent.filter({ hasText: 'the refund was issued today' })).toContainText('Reply from Alex Agent');
  await expect(sent.filter({ hasText: 'Acknowledgement' })).toHaveAttribute('data-delivery', 'sent');
  await expect(page.getByTestId('timeline-sent-email')).toHaveCount(2);
  await expect(page.getByTestId('timeline-sent-email').first()).toContainText('Reply email');
  await screenshot(page, 'agent-email-reply-sent');

  // The reply really went out: it arrived in the customer's mailbox, threaded by the case number.
  await expect
    .poll(async () => {
      const emails = await apiCall<{ items: { mailbox: string; subject: string }[] }>(request, agent.token, 'GET', `/emails?q=${encodeURIComponent(subject)}`);
      return emails.items.some((email) => email.mailbox === CUSTOMER_MAILBOX && email.subject.includes(created.number));
    }, { timeout: 20_000 })
    .toBe(true);

  // The customer answers: the email lands on the same case and appears in the open thread by itself.
  await transport.sendMail({ from: `"Chris Customer" <${CUSTOMER_MAILBOX}>`, to: E2E.mailbox, subject: `Re: [${created.number}] ${subject}`, text: 'Thanks, the money has arrived.' });
  await expect(page.getByTestId('email-message')).toHaveCount(2);
  await expect(page.getByTestId('email-message').last()).toContainText('the money has arrived');
  const cases = await apiCall<{ total: number }>(request, agent.token, 'GET', `/cases?channel=email&q=${encodeURIComponent(subject)}`);
  expect(cases.total, 'the customer reply is on the same case').toBe(1);
  await screenshot(page, 'agent-email-customer-reply');
  await context.close();
});
