import { expect, test } from './support/console-test';
import { screenshot, signInWithStoredSession } from './support/api-helpers';

/**
 * Every console page loads without a crash and shows either its content, its empty state or a clear
 * "not available on this server" state — never a blank page or a raw error.
 */
const PAGES = [
  { path: '/arc-rules', heading: 'ARC rules', shot: 'arc-rules' },
  { path: '/arc-rules/new', heading: 'New ARC rule', shot: 'arc-rule-new' },
  { path: '/mailboxes', heading: 'Mailboxes', shot: 'mailboxes' },
  { path: '/predictors', heading: 'Predictors', shot: 'predictors' },
  { path: '/emails', heading: 'Email activity', shot: 'email-activity' },
  { path: '/backtest', heading: 'Backtest', shot: 'backtest' },
];

for (const entry of PAGES) {
  test(`${entry.path} renders a finished state`, async ({ page, request }) => {
    await signInWithStoredSession(page, request);
    await page.goto(entry.path);
    await expect(page.getByRole('heading', { level: 1, name: entry.heading })).toBeVisible();
    await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await screenshot(page, `tour-${entry.shot}`);
  });
}
