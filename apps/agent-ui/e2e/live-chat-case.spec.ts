import { expect, test } from './support/test';
import { agentContext, createAgent, screenshot, sendChatMessage, startCustomerChat } from './support/api-helpers';

test('enough context: the agent accepts, the case tab opens with AI fields highlighted; messages, typing and updates flow live', async ({ browser, request }) => {
  const agent = await createAgent(request);
  const agentBrowser = await agentContext(browser, agent);
  const customerBrowser = await browser.newContext();
  const agentPage = await agentBrowser.newPage();
  const customer = await customerBrowser.newPage();

  await agentPage.goto('/inbox');
  await expect(agentPage.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await startCustomerChat(customer, { name: 'Jane Doe', email: 'jane.doe@example.com', question: 'My parcel has not arrived yet. The order is ORD-123456.' });
  await screenshot(customer, 'customer-waiting');

  // The waiting chat appears without a reload, with a title badge and a toast.
  const row = agentPage.getByRole('listitem', { name: 'Chat with Jane Doe' });
  await expect(row).toBeVisible();
  await expect(agentPage).toHaveTitle(/^\(\d+\) /);
  // On the inbox the row itself is the notification: no toast over its Accept button.
  await expect(row.getByText('Newest')).toBeVisible();
  await expect(agentPage.getByRole('status').filter({ hasText: 'New chat from Jane Doe' })).toHaveCount(0);
  await screenshot(agentPage, 'agent-inbox');
  await row.getByRole('button', { name: 'Accept' }).click();

  // The case was created on accept and opens by itself in a tab, its AI fields highlighted.
  await expect(agentPage).toHaveURL(/\/conversations\//);
  const caseTab = agentPage.getByRole('tab', { name: /^Case CAS-\d+/ });
  await expect(caseTab).toHaveAttribute('aria-selected', 'true');
  await expect(agentPage.getByTestId('ai-banner')).toContainText('These fields were modified using AI');
  const category = agentPage.getByTestId('case-field-category');
  await expect(category).toHaveAttribute('data-highlighted', 'ai');
  await expect(category.getByLabel('Category')).toHaveValue('shipping');
  await expect(agentPage.getByTestId('case-field-orderNumber').getByLabel('Order number')).toHaveValue('ORD-123456');
  await expect(customer.getByTestId('chat-status')).toHaveAttribute('data-state', 'active');

  // Focusing an AI field explains it: confidence, the quote and which message it came from.
  await category.getByLabel('Category').focus();
  const explanation = category.getByRole('tooltip');
  await expect(explanation).toBeVisible();
  await expect(explanation).toContainText('Confidence 90%');
  await expect(explanation).toContainText('Customer message 1');
  await screenshot(agentPage, 'agent-case-opened-on-accept');

  // Messages both ways, and the customer's typing state.
  await agentPage.getByRole('textbox', { name: 'Message', exact: true }).fill('Hi Jane');
  await expect(customer.getByTestId('typing-indicator')).toContainText('Alex Agent is typing');
  await sendChatMessage(agentPage, 'Hi Jane, I am looking into your parcel right now.');
  await expect(customer.getByRole('log', { name: 'Messages' }).getByText('I am looking into your parcel')).toBeVisible();
  await expect(customer.getByTestId('chat-status')).toContainText('Connected with Alex Agent');
  await customer.getByRole('textbox', { name: 'Message', exact: true }).fill('Thank');
  await expect(agentPage.getByTestId('typing-indicator')).toContainText('Jane Doe is typing');
  await customer.getByRole('textbox', { name: 'Message', exact: true }).fill('');
  await sendChatMessage(customer, 'Please hurry, this is urgent: I need it before the weekend.');
  await expect(agentPage.getByRole('log', { name: 'Messages' }).getByText('this is urgent')).toBeVisible();
  await screenshot(customer, 'customer-connected');

  // Update from conversation: the newly predicted field is highlighted and the banner says so.
  await agentPage.getByRole('button', { name: 'Update from conversation' }).click();
  const priority = agentPage.getByTestId('case-field-priority');
  await expect(priority).toHaveAttribute('data-highlighted', 'updated');
  await expect(priority.getByLabel('Priority')).toHaveValue('high');
  await expect(agentPage.getByTestId('ai-banner')).toContainText(/Just updated from the conversation: .*Priority/);
  await screenshot(agentPage, 'agent-update-from-conversation');

  // A message naming another email address does not replace the one the customer gave in the survey: it is proposed.
  await sendChatMessage(customer, 'You can also write to jane.work@example.org if that is easier.');
  await expect(agentPage.getByRole('log', { name: 'Messages' }).getByText('jane.work@example.org')).toBeVisible();
  await agentPage.getByRole('button', { name: 'Update from conversation' }).click();
  const email = agentPage.getByTestId('case-field-customerEmail');
  await expect(email.getByTestId('proposal-customerEmail')).toContainText('The conversation mentions jane.work@example.org');
  await expect(email.getByLabel('Customer email')).toHaveValue('jane.doe@example.com');
  await expect(email).toHaveAttribute('data-source', 'channel');
  await screenshot(agentPage, 'agent-contact-proposal');

  // Nothing new to learn: the agent is told that no changes were made.
  await agentPage.getByRole('button', { name: 'Update from conversation' }).click();
  await expect(agentPage.getByRole('status').filter({ hasText: 'No changes were made' })).toBeVisible();
  await screenshot(agentPage, 'agent-no-changes');

  // Wrap-up: the customer sees that the agent is finishing, the agent gets the outcome of the queued case work.
  await agentPage.getByRole('button', { name: 'Wrap up' }).click();
  await expect(customer.getByTestId('chat-status')).toHaveAttribute('data-state', 'wrap-up');
  await expect(agentPage.getByRole('status').filter({ hasText: /^Wrap-up: / })).toBeVisible();
  await expect(agentPage.getByRole('button', { name: 'Wrap up' })).toHaveCount(0);

  await agentBrowser.close();
  await customerBrowser.close();
});

test('a manual edit survives an update, and the summary note appears after the chat ends', async ({ browser, request }) => {
  const agent = await createAgent(request);
  const agentBrowser = await agentContext(browser, agent);
  const customerBrowser = await browser.newContext();
  const agentPage = await agentBrowser.newPage();
  const customer = await customerBrowser.newPage();

  await startCustomerChat(customer, { name: 'Omar Haddad', email: 'omar@example.com', question: 'I was charged twice on my invoice for order ORD-654321.' });
  await agentPage.goto('/inbox');
  await agentPage.getByRole('listitem', { name: 'Chat with Omar Haddad' }).getByRole('button', { name: 'Accept' }).click();
  const category = agentPage.getByTestId('case-field-category');
  await expect(category.getByLabel('Category')).toHaveValue('billing');

  // The agent corrects the category by hand; it is saved with provenance agent.
  await category.getByLabel('Category').selectOption('returns');
  await expect(category).toContainText('Unsaved');
  await agentPage.getByRole('button', { name: 'Save case' }).click();
  await expect(agentPage.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(category).toHaveAttribute('data-source', 'agent');

  // The conversation still says "invoice", but the update keeps the agent's value.
  await sendChatMessage(customer, 'Also the refund for the invoice has not arrived, it is urgent.');
  await expect(agentPage.getByRole('log', { name: 'Messages' }).getByText('refund for the invoice')).toBeVisible();
  await agentPage.getByRole('button', { name: 'Update from conversation' }).click();
  await expect(agentPage.getByTestId('case-field-priority').getByLabel('Priority')).toHaveValue('high');
  // The result names what changed and what was kept because the agent set it, and why. The customer's message
  // may already have updated the case by itself (cases follow the conversation), then nothing is left to change.
  await expect(
    agentPage.getByRole('status').filter({ hasText: /^Changed priority \(.* → high\)\. Kept category: an agent set this field by hand|^No changes were made\..*fields set by an agent are kept \(category\)/ }),
  ).toBeVisible();
  await expect(category.getByLabel('Category')).toHaveValue('returns');
  await expect(category).toHaveAttribute('data-source', 'agent');

  // The history lists each change with who made it.
  await agentPage.getByRole('tab', { name: 'History' }).click();
  const history = agentPage.getByRole('list', { name: 'Audit history' });
  await expect(history.getByTestId('audit-entry').filter({ hasText: 'Category' }).filter({ hasText: 'agent' }).first()).toContainText('Returns');
  await expect(history.getByTestId('audit-entry').filter({ hasText: 'Priority' }).first()).toContainText('ai');
  await history.scrollIntoViewIfNeeded();
  await screenshot(agentPage, 'agent-audit-history');

  // The AI log shows each run: what it set, with which predictor and confidence, and why it kept the agent's category.
  await agentPage.getByRole('tab', { name: 'AI log' }).click();
  const aiLog = agentPage.getByRole('list', { name: 'AI prediction log' });
  const updateRun = aiLog.getByTestId('prediction-run').filter({ hasText: 'Case update' }).first();
  await expect(updateRun.getByTestId('prediction-field').filter({ hasText: 'Category' })).toContainText('Kept: an agent set this value');
  await expect(updateRun.getByTestId('prediction-field').filter({ hasText: 'Priority' })).toContainText(/High.*rules.*confidence 90%/);
  const creationRun = aiLog.getByTestId('prediction-run').filter({ hasText: 'Case creation from a chat' });
  await expect(creationRun.getByTestId('prediction-field').filter({ hasText: 'Category' })).toContainText(/Billing.*rules.*confidence 90%/);
  await updateRun.scrollIntoViewIfNeeded();
  await screenshot(agentPage, 'agent-ai-log');

  // The case page has the same AI log.
  const caseNumber = ((await agentPage.getByRole('tab', { name: /^Case CAS-/ }).textContent()) ?? '').replace('Case', '').trim();
  const casePage = await agentBrowser.newPage();
  await casePage.goto(`/cases/${caseNumber}`);
  await casePage.getByRole('tab', { name: 'AI log' }).click();
  await expect(casePage.getByRole('list', { name: 'AI prediction log' }).getByTestId('prediction-run').first()).toContainText('Kept: an agent set this value');
  await casePage.close();

  // End: the customer sees the ended state, the summary note lands on the timeline.
  await agentPage.getByRole('button', { name: 'End chat' }).click();
  await expect(customer.getByTestId('chat-status')).toHaveAttribute('data-state', 'closed');
  await agentPage.getByRole('tab', { name: 'Timeline' }).click();
  await expect(agentPage.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await expect(agentPage.getByTestId('note-summary')).toBeVisible();
  await agentPage.getByTestId('note-summary').scrollIntoViewIfNeeded();
  await agentPage.mouse.move(5, 5);
  await expect(agentPage.getByTestId('note-summary')).toContainText(/invoice|charged|refund/i);
  await screenshot(agentPage, 'agent-summary-note');
  await screenshot(customer, 'customer-ended');

  await agentBrowser.close();
  await customerBrowser.close();
});

test('not enough context: no case on accept, the case appears when the chat ends', async ({ browser, request }) => {
  const agent = await createAgent(request);
  const agentBrowser = await agentContext(browser, agent);
  const customerBrowser = await browser.newContext();
  const agentPage = await agentBrowser.newPage();
  const customer = await customerBrowser.newPage();

  await startCustomerChat(customer, { name: 'Lea Martin', email: 'lea@example.com', question: 'Hello, can somebody help me?' });
  await agentPage.goto('/inbox');
  await agentPage.getByRole('listitem', { name: 'Chat with Lea Martin' }).getByRole('button', { name: 'Accept' }).click();
  await expect(agentPage).toHaveURL(/\/conversations\//);
  await expect(agentPage.getByRole('heading', { name: 'Lea Martin' })).toBeVisible();
  await expect(agentPage.getByText('No case yet')).toBeVisible();
  await expect(agentPage.getByRole('tab', { name: /^Case/ })).toHaveCount(0);
  await expect(agentPage.getByRole('button', { name: 'New case' })).toBeVisible();
  await screenshot(agentPage, 'agent-no-case-on-accept');

  await sendChatMessage(customer, 'My parcel never arrived, order ORD-777888.');
  await expect(agentPage.getByRole('log', { name: 'Messages' }).getByText('My parcel never arrived')).toBeVisible();
  await agentPage.getByRole('button', { name: 'End chat' }).click();

  const caseTab = agentPage.getByRole('tab', { name: /^Case/ });
  await expect(caseTab).toBeVisible();
  await expect(caseTab).toHaveAttribute('aria-selected', 'true');
  await expect(agentPage.getByTestId('case-field-category').getByLabel('Category')).toHaveValue('shipping');
  await expect(agentPage.getByTestId('case-field-category')).toHaveAttribute('data-highlighted', 'ai');
  await screenshot(agentPage, 'agent-case-on-end');

  await agentBrowser.close();
  await customerBrowser.close();
});

test('New case: the agent creates the case by hand when the chat has too little context', async ({ browser, request }) => {
  const agent = await createAgent(request);
  const agentBrowser = await agentContext(browser, agent);
  const customerBrowser = await browser.newContext();
  const agentPage = await agentBrowser.newPage();
  const customer = await customerBrowser.newPage();

  await startCustomerChat(customer, { name: 'Kim Lee', email: 'kim@example.com', question: 'Hi there, quick question' });
  await agentPage.goto('/inbox');
  await agentPage.getByRole('listitem', { name: 'Chat with Kim Lee' }).getByRole('button', { name: 'Accept' }).click();
  await expect(agentPage.getByText('No case yet')).toBeVisible();
  await agentPage.getByRole('button', { name: 'New case' }).click();

  const caseTab = agentPage.getByRole('tab', { name: /^Case CAS-\d+/ });
  await expect(caseTab).toHaveAttribute('aria-selected', 'true');
  await expect(agentPage.getByLabel('Case title')).toHaveValue(/quick question/);
  await expect(agentPage.getByRole('button', { name: 'New case' })).toHaveCount(0);
  await expect(agentPage.getByTestId('ai-banner')).toHaveCount(0);

  // Keyboard: the tabs move with the arrow keys.
  await caseTab.focus();
  await agentPage.keyboard.press('ArrowLeft');
  await expect(agentPage.getByRole('tab', { name: 'Customer' })).toHaveAttribute('aria-selected', 'true');
  await expect(agentPage.getByRole('tab', { name: 'Customer' })).toBeFocused();

  await agentBrowser.close();
  await customerBrowser.close();
});
