import { expect, test } from '@playwright/test';
import { agentContext, createAgent } from './support/api-helpers';
import { watchForCspViolations } from './support/csp-watch';
import { E2E } from './support/e2e-environment';

function expectBaseHeaders(headers: Record<string, string>): void {
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('microphone=()');
}

test.describe('the agent workspace sends security headers and renders under its CSP', () => {
  test('workspace pages forbid framing; the sign-in page renders without violations', async ({ page }) => {
    const watch = await watchForCspViolations(page);
    const response = await page.goto('/sign-in');
    const headers = response!.headers();
    expectBaseHeaders(headers);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(await page.locator('script[nonce]').count()).toBeGreaterThan(0);
    expect(watch.problems).toEqual([]);
  });

  test('the widget page may be framed by other sites (CHAT_WIDGET_FRAME_ANCESTORS, default any)', async ({ page }) => {
    const watch = await watchForCspViolations(page);
    const response = await page.goto('/chat?embed=1');
    const headers = response!.headers();
    expectBaseHeaders(headers);
    expect(headers['content-security-policy']).toContain('frame-ancestors *');
    expect(headers['x-frame-options']).toBeUndefined();
    await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
    expect(watch.problems).toEqual([]);
  });

  test('a page that frames the workspace gets nothing, while the widget frame loads', async ({ page }) => {
    const watch = await watchForCspViolations(page);
    const framingUrl = `${E2E.appUrl}/framing-test-demo`;
    await page.route(framingUrl, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><body><iframe title="workspace" src="/sign-in"></iframe><iframe title="widget" src="/chat?embed=1"></iframe></body></html>` }),
    );
    await page.goto(framingUrl);
    await expect(page.frameLocator('iframe[title="widget"]').getByRole('button', { name: 'Start chat' })).toBeVisible();
    await expect.poll(() => watch.problems.some((problem) => problem.includes('frame-ancestors'))).toBe(true);
    await expect(page.frameLocator('iframe[title="workspace"]').getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  });

  test('an agent goes through the inbox and the cases (socket.io connected) with no CSP violation or page error', async ({ browser, request }) => {
    const agent = await createAgent(request);
    const context = await agentContext(browser, agent);
    const page = await context.newPage();
    const watch = await watchForCspViolations(page);
    await page.goto('/inbox');
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    // The socket.io connection (same origin, through the proxy) is allowed by connect-src.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
    await page.goto('/cases');
    await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
    await page.waitForTimeout(500);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
