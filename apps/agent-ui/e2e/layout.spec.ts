import nodemailer from 'nodemailer';
import { agentContext, apiCall, createAgent, startCustomerChat } from './support/api-helpers';
import { MAILBOXES } from './support/busy-workspace';
import { E2E } from './support/e2e-environment';
import { expectActionInView, VIEWPORTS, viewportScreenshot } from './support/layout';
import { expect, test } from './support/test';

const transport = nodemailer.createTransport({ host: '127.0.0.1', port: E2E.smtpPort, secure: false, ignoreTLS: true });

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  const onPhone = device === 'phone';

  test(`${device} ${viewport.width}×${viewport.height}: inbox, conversation with its case and email case keep every primary action in view`, async ({ browser, request }) => {
    const agent = await createAgent(request);
    const agentBrowser = await agentContext(browser, agent, { viewport });
    const customerBrowser = await browser.newContext();
    const page = await agentBrowser.newPage();
    const customer = await customerBrowser.newPage();

    // Inbox, busy: the newest chat's Accept is reachable and nothing covers it (no toast on the inbox itself).
    await page.goto('/inbox');
    const name = `Layout ${device} ${Date.now()}`;
    await startCustomerChat(customer, { name, email: `layout-${device}@example.com`, question: `My parcel has not arrived, order ORD-${viewport.width}00. Since last Monday the tracking page says it is waiting at the depot.` });
    const row = page.getByRole('listitem', { name: `Chat with ${name}` });
    await expect(row).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to inbox' })).toHaveCount(0);
    await expectActionInView(row.getByRole('button', { name: 'Accept' }), 'Accept of the newest chat', { scroll: true });
    await viewportScreenshot(page, `layout-${device}-inbox`);

    // Conversation with its case: Update from conversation, Save and Send are in view as the page opens (on a phone: once scrolled to).
    await row.getByRole('button', { name: 'Accept' }).click();
    await expect(page.getByRole('tab', { name: /^Case CAS-\d+/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('case-field-category')).toHaveAttribute('data-highlighted', 'ai');
    const caseNumber = page.getByTestId('case-number');
    const numberBox = await caseNumber.boundingBox();
    expect(numberBox?.height ?? 0, 'the case number stays on one line').toBeLessThan(24);
    const title = page.getByLabel('Case title');
    await expect(title).toHaveValue(/^My parcel has not arrived/);
    expect(await title.evaluate((element) => element.scrollHeight <= element.clientHeight + 1), 'the whole case title is visible').toBe(true);
    if (!onPhone) {
      // The chat and the case scroll in their own panels; the page itself fits the screen.
      const overflow = await page.evaluate(() => {
        const lowest = [...document.body.querySelectorAll('*')]
          .map((element) => ({ element, bottom: element.getBoundingClientRect().bottom + window.scrollY }))
          .filter((entry) => entry.bottom > window.innerHeight + 1 && entry.element.checkVisibility())
          .sort((left, right) => right.bottom - left.bottom)
          .slice(0, 3)
          .map((entry) => `<${entry.element.tagName.toLowerCase()} class="${String(entry.element.getAttribute('class')).slice(0, 100)}"> bottom ${Math.round(entry.bottom)}`);
        return { by: document.scrollingElement!.scrollHeight - window.innerHeight, lowest };
      });
      expect(overflow.by, `the conversation page does not scroll as a whole (lowest elements: ${overflow.lowest.join('; ')})`).toBeLessThanOrEqual(1);
    }
    await expectActionInView(page.getByRole('button', { name: 'Send' }), 'Send', { scroll: onPhone });
    await viewportScreenshot(page, `layout-${device}-conversation`);
    await expectActionInView(page.getByRole('button', { name: 'Update from conversation' }), 'Update from conversation', { scroll: onPhone });
    await expectActionInView(page.getByRole('button', { name: 'Save case' }), 'Save case', { scroll: onPhone });
    await viewportScreenshot(page, `layout-${device}-conversation-case`);

    // Email case: Save and Send reply.
    const subject = `Layout check ${device} ${Date.now()}`;
    await transport.sendMail({ from: `"Lia Layout" <${MAILBOXES.customer}>`, to: E2E.mailbox, subject, text: 'Hello, I was charged twice for my invoice. Please refund one of the payments.' });
    let caseId = '';
    await expect
      .poll(async () => {
        const found = await apiCall<{ items: { id: string; title: string }[] }>(request, agent.token, 'GET', `/cases?channel=email&q=${encodeURIComponent(subject)}`);
        caseId = found.items.find((item) => item.title.includes(subject))?.id ?? '';
        return caseId !== '';
      }, { timeout: 20_000 })
      .toBe(true);
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByTestId('email-message')).toContainText('charged twice');
    await expectActionInView(page.getByRole('button', { name: 'Save case' }), 'Save case on the email case', { scroll: onPhone });
    await viewportScreenshot(page, `layout-${device}-email-case`);
    await expectActionInView(page.getByRole('button', { name: 'Send reply' }), 'Send reply', { scroll: true });
    await viewportScreenshot(page, `layout-${device}-email-reply`);

    await agentBrowser.close();
    await customerBrowser.close();
  });
}
