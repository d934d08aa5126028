import { expect, test } from '@playwright/test';
import { signInWithStoredSession } from './support/api-helpers';
import { watchForCspViolations } from './support/csp-watch';

const PAGES = [
  { path: '/fields', heading: 'Case fields for AI' },
  { path: '/mailboxes', heading: 'Mailboxes' },
  { path: '/predictors', heading: 'Predictors' },
  { path: '/users', heading: 'Users' },
  { path: '/audit', heading: 'Audit log' },
];

test.describe('the admin console sends security headers and renders under its CSP', () => {
  test('the sign-in page has a nonce CSP, no framing, nosniff, a referrer and a permissions policy', async ({ page }) => {
    const watch = await watchForCspViolations(page);
    const first = await page.goto('/sign-in');
    const headers = first!.headers();
    const policy = headers['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    // The nonce is on Next's scripts and is new for every response.
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
    const second = await page.goto('/sign-in');
    expect(second!.headers()['content-security-policy']).not.toContain(nonce);
    expect(watch.problems).toEqual([]);
  });

  test('the policy is enforced (and the watcher sees it): an image from another origin is refused', async ({ page }) => {
    const watch = await watchForCspViolations(page);
    await page.goto('/sign-in');
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'https://tracker.example/pixel.png';
      document.body.append(image);
    });
    await expect.poll(() => watch.problems.some((problem) => problem.includes('img-src'))).toBe(true);
  });

  test('static files carry nosniff too', async ({ request }) => {
    const response = await request.get('/favicon.ico', { failOnStatusCode: false });
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('console pages render with no CSP violation and no page error', async ({ page, request }) => {
    const watch = await watchForCspViolations(page);
    await signInWithStoredSession(page, request);
    for (const entry of PAGES) {
      await page.goto(entry.path);
      await expect(page.getByRole('heading', { level: 1, name: entry.heading })).toBeVisible();
      await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
    }
    // Client-side navigation after hydration works as well.
    await page.getByRole('navigation').getByRole('link', { name: 'Mailboxes' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mailboxes' })).toBeVisible();
    expect(watch.problems).toEqual([]);
  });
});
