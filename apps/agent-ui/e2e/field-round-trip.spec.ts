import type { Locator } from '@playwright/test';
import { agentContext, apiCall, createAgent, screenshot } from './support/api-helpers';
import { expect, test } from './support/test';

type Value = string | number | boolean;

/** One row per field type: the value the API stores, and the text its input shows. */
const ROUND_TRIP: { key: string; label: string; type: string; stored: Value; shown: string; control: 'input' | 'select' | 'textarea' }[] = [
  { key: 'orderNumber', label: 'Order number', type: 'text', stored: 'ORD-000777', shown: 'ORD-000777', control: 'input' },
  { key: 'description', label: 'Description', type: 'long text', stored: 'The box was crushed.\nThe charger inside is broken.', shown: 'The box was crushed.\nThe charger inside is broken.', control: 'textarea' },
  { key: 'quantity', label: 'Quantity', type: 'number', stored: 3, shown: '3', control: 'input' },
  { key: 'amount', label: 'Amount', type: 'currency', stored: 'EUR 49.99', shown: 'EUR 49.99', control: 'input' },
  { key: 'orderDate', label: 'Order date', type: 'date', stored: '2026-11-30', shown: '2026-11-30', control: 'input' },
  { key: 'category', label: 'Category', type: 'choice', stored: 'billing', shown: 'billing', control: 'select' },
  { key: 'country', label: 'Country', type: 'lookup', stored: 'FR', shown: 'FR', control: 'input' },
  { key: 'customerEmail', label: 'Customer email', type: 'email', stored: 'round.trip@example.com', shown: 'round.trip@example.com', control: 'input' },
  { key: 'customerPhone', label: 'Customer phone', type: 'phone', stored: '+44 20 7946 0958', shown: '+44 20 7946 0958', control: 'input' },
  { key: 'refundRequested', label: 'Refund requested', type: 'boolean', stored: true, shown: 'true', control: 'select' },
];

async function retype(control: Locator, row: (typeof ROUND_TRIP)[number]): Promise<void> {
  if (row.control === 'select') {
    await control.selectOption('');
    await control.selectOption(row.shown);
  } else {
    await control.fill('');
    await control.fill(row.shown);
  }
}

test('every field type round-trips API → UI → API unchanged', async ({ browser, request }) => {
  const agent = await createAgent(request);
  const values = Object.fromEntries(ROUND_TRIP.map((row) => [row.key, row.stored]));
  const created = await apiCall<{ id: string; fields: Record<string, { value: Value }> }>(request, agent.token, 'POST', '/cases', { title: 'Round trip of every field type', fields: values });
  for (const row of ROUND_TRIP) expect(created.fields[row.key]?.value, `${row.type} as stored`).toEqual(row.stored);

  const context = await agentContext(browser, agent);
  const page = await context.newPage();
  await page.goto(`/cases/${created.id}`);
  // API → UI: every input shows the stored value.
  for (const row of ROUND_TRIP) {
    await expect(page.getByTestId(`case-field-${row.key}`).getByLabel(row.label, { exact: true }), `${row.type} shown`).toHaveValue(row.shown);
  }
  await screenshot(page, 'agent-field-types');

  // UI → API: the agent types every value again and saves; the API holds exactly what it held.
  for (const row of ROUND_TRIP) await retype(page.getByTestId(`case-field-${row.key}`).getByLabel(row.label, { exact: true }), row);
  await page.getByLabel('Case title').fill('Round trip of every field type, saved from the form');
  await page.getByRole('button', { name: 'Save case' }).click();
  await expect(page.getByText('Not saved: fix the highlighted fields.')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const saved = await apiCall<{ title: string; fields: Record<string, { value: Value; source: string }> }>(request, agent.token, 'GET', `/cases/${created.id}`);
  expect(saved.title).toBe('Round trip of every field type, saved from the form');
  for (const row of ROUND_TRIP) expect(saved.fields[row.key]?.value, `${row.type} after the UI saved`).toEqual(row.stored);
  await context.close();
});
