import { agentContext, createAgent, screenshot, startCustomerChat } from './support/api-helpers';
import { WAITING_CHATS } from './support/busy-workspace';
import { expectActionInView } from './support/layout';
import { expect, test } from './support/test';

test('accept with ten other chats waiting: the case tab opens with its AI fields highlighted, fast', async ({ browser, request, busyWorkspace }) => {
  const agent = await createAgent(request);
  const agentBrowser = await agentContext(browser, agent);
  const customerBrowser = await browser.newContext();
  const agentPage = await agentBrowser.newPage();
  const customer = await customerBrowser.newPage();

  await agentPage.goto('/inbox');
  const waitingList = agentPage.getByRole('list', { name: 'Waiting conversations' });
  expect(busyWorkspace.waitingCustomers).toHaveLength(WAITING_CHATS);
  await expect(waitingList.getByRole('listitem').nth(WAITING_CHATS - 1)).toBeVisible();
  const othersWaiting = await waitingList.getByRole('listitem').count();

  await startCustomerChat(customer, { name: 'Nora Quick', email: 'nora.quick@example.com', question: 'My parcel has not arrived yet. The order is ORD-424242.' });
  const row = waitingList.getByRole('listitem', { name: 'Chat with Nora Quick' });
  await expect(row).toBeVisible();
  await expect(agentPage).toHaveTitle(new RegExp(`^\\(${othersWaiting + 1}\\) Inbox`));

  const started = Date.now();
  const accepted = agentPage.waitForResponse((response) => /\/api\/conversations\/[^/]+\/accept$/.test(response.url()));
  await row.getByRole('button', { name: 'Accept' }).click();
  const caseTab = agentPage.getByRole('tab', { name: /^Case CAS-\d+/ });
  await expect(caseTab).toHaveAttribute('aria-selected', 'true', { timeout: 20_000 });
  await expect(agentPage.getByTestId('case-field-category')).toHaveAttribute('data-highlighted', 'ai', { timeout: 20_000 });
  await expect(agentPage.getByTestId('case-field-orderNumber').getByLabel('Order number')).toHaveValue('ORD-424242', { timeout: 20_000 });
  const acceptToCaseMs = Date.now() - started;
  const timing = (await accepted).request().timing();
  const apiMs = Math.round(timing.responseEnd);
  test.info().annotations.push({ type: 'accept-to-case-ms', description: `${acceptToCaseMs} (accept request ${apiMs})` });
  console.log(`accept → case tab with AI fields, ${othersWaiting} other chats waiting: ${acceptToCaseMs} ms (of which the accept request, case creation included: ${apiMs} ms)`);
  // Generous: the CI machine is two shared cores (the accept request itself takes ~0.1 s); the target is under 1.5 s.
  // Before the title-badge fix the tab never showed the case at all.
  expect(acceptToCaseMs).toBeLessThan(10_000);

  // The page stays responsive: the title keeps its badge for the chats still waiting, and typing works.
  await expect(agentPage).toHaveTitle(new RegExp(`^\\(${othersWaiting}\\) Conversation`));
  const composer = agentPage.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('Hello Nora');
  await expect(composer).toHaveValue('Hello Nora');
  await screenshot(agentPage, 'busy-accept-case');

  await agentBrowser.close();
  await customerBrowser.close();
});

test('a new chat is a few keys away on the busy inbox; elsewhere its toast offers the inbox without covering any action', async ({ browser, request }) => {
  const agent = await createAgent(request);
  const agentBrowser = await agentContext(browser, agent);
  const customerBrowser = await browser.newContext();
  const agentPage = await agentBrowser.newPage();
  const customer = await customerBrowser.newPage();

  await agentPage.goto('/inbox');
  const waitingList = agentPage.getByRole('list', { name: 'Waiting conversations' });
  await expect(waitingList.getByRole('listitem').nth(WAITING_CHATS - 1)).toBeVisible();
  await startCustomerChat(customer, { name: 'Kai Keys', email: 'kai.keys@example.com', question: 'I was charged twice for my invoice, please refund one payment.' });
  const row = waitingList.getByRole('listitem', { name: 'Chat with Kai Keys' });
  await expect(row).toBeVisible();
  await expect(row.getByText('Newest')).toBeVisible();
  await expect(agentPage.getByRole('status').filter({ hasText: 'New chat from Kai Keys' })).toHaveCount(0);

  // Keyboard: Tab reaches the list (one stop for all its rows), End jumps to the newest chat, Enter accepts it.
  let presses = 0;
  const inList = () => waitingList.evaluate((list) => list.contains(document.activeElement));
  while (!(await inList()) && presses < 10) {
    await agentPage.keyboard.press('Tab');
    presses += 1;
  }
  expect(await inList(), 'Tab reaches the waiting list').toBe(true);
  await agentPage.keyboard.press('End');
  await expect(row.getByRole('button', { name: 'Accept' })).toBeFocused();
  console.log(`keys from page load to the newest chat's Accept: ${presses} × Tab + End`);
  expect(presses + 1).toBeLessThanOrEqual(8);
  await agentPage.keyboard.press('ArrowUp');
  await expect(row.getByRole('button', { name: 'Accept' })).not.toBeFocused();
  await agentPage.keyboard.press('ArrowDown');
  await expect(row.getByRole('button', { name: 'Accept' })).toBeFocused();
  await agentPage.keyboard.press('Enter');
  await expect(agentPage.getByRole('tab', { name: /^Case CAS-\d+/ })).toHaveAttribute('aria-selected', 'true');

  // Away from the inbox a new chat gets a toast with "Go to inbox"; it covers none of the case actions.
  const other = await customerBrowser.newPage();
  await startCustomerChat(other, { name: 'Toni Toast', email: 'toni@example.com', question: 'Where is my parcel? It has not arrived.' });
  const toast = agentPage.getByRole('status').filter({ hasText: 'New chat from Toni Toast' });
  await expect(toast).toBeVisible();
  await expect(toast.getByRole('link', { name: 'Go to inbox' })).toBeVisible();
  for (const name of ['Update from conversation', 'Save case', 'Send', 'Wrap up', 'End chat']) {
    await expectActionInView(agentPage.getByRole('button', { name, exact: true }), name);
  }
  await screenshot(agentPage, 'busy-new-chat-toast');
  await toast.getByRole('link', { name: 'Go to inbox' }).click();
  await expect(agentPage.getByRole('listitem', { name: 'Chat with Toni Toast' })).toBeVisible();

  await agentBrowser.close();
  await customerBrowser.close();
});
