import { expect, test } from './support/console-test';
import { screenshot, screenshotAtBothSizes, signInWithStoredSession } from './support/api-helpers';

const CATEGORIES: Record<string, string[]> = {
  billing: ['I was charged twice for my order', 'Please refund the duplicate payment on my card', 'My invoice shows the wrong amount', 'Why was my credit card billed again', 'I need a copy of my invoice for the payment'],
  shipping: ['Where is my parcel, it has not arrived', 'The delivery is late by a week', 'Tracking says delivered but no package', 'My parcel went to the wrong address', 'When will my order be shipped'],
  returns: ['I want to return the shoes, they do not fit', 'How do I send this item back', 'I would like to exchange the jacket for a larger size', 'Can I return an opened item', 'Please send me a return label'],
};

function historicalCsv(): string {
  const rows = ['text,category'];
  for (const [category, texts] of Object.entries(CATEGORIES)) for (const text of texts) rows.push(`"${text}",${category}`);
  rows.push('"This row has a category that does not exist",teleportation');
  return `${rows.join('\n')}\n`;
}

test('LLM settings keep the key write-only, the rules config shows validation inline, test-on-this-text runs the predictors', async ({ page, request, allowErrorResponses }) => {
  allowErrorResponses({ url: /\/api\/admin\/predictors\/llm$/, status: 400 }, { url: /\/api\/admin\/predictors\/rules\/config$/, status: 400 });
  await signInWithStoredSession(page, request);
  await page.goto('/predictors');
  await expect(page.getByRole('table', { name: 'Installed plugins' })).toContainText('regex');

  const llm = page.getByRole('region', { name: 'LLM provider' }).or(page.locator('section').filter({ has: page.getByRole('heading', { name: 'LLM provider' }) }));
  await llm.getByLabel('Provider').selectOption('openai-compatible');
  await llm.getByLabel('Model').fill('');
  await llm.getByRole('button', { name: 'Save LLM settings' }).click();
  await expect(llm.getByText(/model is required/).first()).toBeVisible();
  await llm.getByLabel('Model').fill('llama3.1:8b');
  await llm.getByLabel('Base URL').fill('http://127.0.0.1:9/v1');
  await llm.getByLabel('API key').fill('sk-e2e-secret-key-0042');
  await llm.getByRole('button', { name: 'Test call' }).click();
  await expect(llm.getByRole('status')).toContainText(/^(Nothing answers at that address and port|The server did not answer in time)/, { timeout: 45_000 });
  await llm.getByRole('button', { name: 'Save LLM settings' }).click();
  await expect(llm.getByText('LLM settings saved.')).toBeVisible();
  await expect(llm.getByText('Key stored ···0042')).toBeVisible();
  await page.reload();
  await expect(llm.getByText('Key stored ···0042')).toBeVisible();
  await expect(llm.getByLabel('API key')).toHaveValue('');
  expect(await page.content()).not.toContain('sk-e2e-secret-key-0042');

  const rules = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Rules predictor' }) });
  const editor = rules.getByRole('textbox', { name: 'Rules predictor configuration (JSON)' });
  await expect(rules.getByText('Not configured yet')).toBeVisible();
  await editor.fill(JSON.stringify({ rules: [{ field: 'category', value: 'billing', conditions: [{ type: 'regex', pattern: 'refund(' }] }] }, null, 2));
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(rules.getByRole('alert')).toContainText('not a valid regular expression');
  await editor.fill(JSON.stringify({ rules: [{ field: 'category', value: 'billing', conditions: [{ type: 'containsAny', words: ['refund', 'charged twice'] }] }] }, null, 2));
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(rules.getByRole('status')).toContainText('Saved.');

  const tester = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Test on this text' }) });
  await tester.getByLabel('Customer text').fill('Hi, I was charged twice for order ORD-55120. Please refund me at ann@example.com');
  await tester.getByRole('button', { name: 'Run predictors' }).click();
  const results = tester.getByRole('region', { name: 'Predictor results' });
  await expect(results).toContainText('rules');
  await expect(results).toContainText('billing');
  await expect(results).toContainText('The engine would set');
  await screenshot(page, 'predictors');
});

test('imports historical cases with a per-row error report and retrains the learned model', async ({ page, request }) => {
  await signInWithStoredSession(page, request);
  await page.goto('/predictors');
  const learned = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Learned model' }) });
  await learned.getByLabel('Import cases (CSV or JSON)').setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(historicalCsv()) });
  const report = learned.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Imported 15 cases; 1 skipped.');
  await expect(report.getByRole('table', { name: 'Rows with errors' })).toContainText('teleportation');

  await learned.getByRole('button', { name: 'Retrain now' }).click();
  await expect(learned.getByRole('table', { name: 'Learned fields' })).toContainText('category', { timeout: 60_000 });
  await expect(learned.getByText('ready', { exact: true })).toBeVisible();
  // The threshold guide: per field and threshold, how often the model is right and how much it answers.
  const guide = learned.getByRole('table', { name: 'Threshold guide' });
  await expect(guide.getByRole('columnheader', { name: '≥ 0.70' })).toBeVisible();
  await expect(guide.getByRole('row').filter({ hasText: 'category' })).toContainText(/\d+% right · \d+% answered|answers none/);
  await screenshot(page, 'predictors-learned');

  // The same guide under the field's threshold slider, for the threshold it is set to.
  await page.goto('/fields');
  await page.getByRole('list', { name: 'Case fields' }).getByRole('button', { name: /Category/ }).first().click();
  await expect(page.getByRole('group', { name: 'Field editor' })).toContainText(/Learned model, held-out cases at ≥ \d+%: (\d+% right · \d+% answered|answers none)/);
});

test('the LLM predictor cannot be switched on without a key, and provider errors read in plain words', async ({ page, request, allowErrorResponses }) => {
  allowErrorResponses({ url: /\/api\/admin\/predictors\/llm$/, status: 400 });
  await signInWithStoredSession(page, request);
  await page.goto('/predictors');
  const llm = page.locator('section').filter({ has: page.getByRole('heading', { name: 'LLM provider' }) });
  await expect(llm.getByLabel('Provider')).toBeVisible();
  const removeKey = llm.getByLabel('Remove the stored key');
  if (await removeKey.isVisible()) await removeKey.check();
  await llm.getByLabel('Provider').selectOption('openai');
  await llm.getByLabel('Model').fill('gpt-4o-mini');
  await llm.getByLabel('Base URL').fill('');

  // A test call without a key says what to do, not "INTERNAL: … OPENAI_API_KEY environment variable".
  await llm.getByRole('button', { name: 'Test call' }).click();
  await expect(llm.getByRole('status')).toHaveText('The provider needs an API key: type the key, save, then try again.');

  await llm.getByRole('switch', { name: /Use an LLM for predictions/ }).click();
  await llm.getByRole('button', { name: 'Save LLM settings' }).click();
  await expect(llm.getByText('needs an API key: OpenAI refuses calls without one. Type the key, then switch the LLM predictor on')).toBeVisible();
  await expect(llm.getByRole('status')).toHaveText('Not saved: fix the highlighted settings.');
  await expect(llm.getByText('active', { exact: true })).toHaveCount(0);
  await screenshotAtBothSizes(page, 'predictors-llm-needs-key');
});
