import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E } from './e2e-environment';

export interface SignedInUser {
  token: string;
  user: { id: string; email: string; role: 'admin' | 'agent' };
}

/** Signs in over the API directly (test setup, not the behaviour under test). */
export async function apiLogin(request: APIRequestContext, email = E2E.adminEmail, password = E2E.adminPassword): Promise<SignedInUser> {
  const response = await request.post(`${E2E.apiUrl}/api/auth/login`, { data: { email, password } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as SignedInUser;
}

export async function apiCall<T>(request: APIRequestContext, token: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, data?: unknown): Promise<T> {
  const response = await request.fetch(`${E2E.apiUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
    ...(data === undefined ? {} : { data }),
  });
  const text = await response.text();
  expect(response.ok(), `${method} ${path} → ${response.status()} ${text}`).toBe(true);
  return (text ? JSON.parse(text) : null) as T;
}

/** Creates a user with the API as the bootstrap admin; emails are made unique per call. */
export async function createUser(request: APIRequestContext, role: 'admin' | 'agent', password = 'agent-password-123'): Promise<{ email: string; password: string }> {
  const admin = await apiLogin(request);
  const email = `${role}-${Date.now()}-${Math.round(Math.random() * 1e6)}@example.com`;
  await apiCall(request, admin.token, 'POST', '/admin/users', { email, password, role, displayName: `E2E ${role}` });
  return { email, password };
}

/** Signs in through the real sign-in form. */
export async function signInThroughForm(page: Page, email = E2E.adminEmail, password = E2E.adminPassword): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * A full-page capture of the current screen. The committed ones under e2e/screenshots are only
 * rewritten with UPDATE_SCREENSHOTS=1, so a test run leaves the working tree clean; otherwise
 * they go to test-results/screenshots (ignored by git) for a look after the run.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  // Sticky headers are drawn where the page is scrolled to; a full-page capture must start at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  const folder = process.env.UPDATE_SCREENSHOTS === '1' ? 'e2e/screenshots' : 'test-results/screenshots';
  await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

/** Puts an API session into localStorage before any page script runs (faster than the form for non-sign-in tests). */
export async function signInWithStoredSession(page: Page, request: APIRequestContext): Promise<SignedInUser> {
  const session = await apiLogin(request);
  await page.addInitScript((value) => {
    window.localStorage.setItem('autocase.admin.session', value);
  }, JSON.stringify(session));
  return session;
}

/** Fails when the page, or (with `tables`) any table's scroll container, is wider than what it shows (a sideways scroll). */
export async function expectNoHorizontalOverflow(page: Page, options: { tables: boolean } = { tables: true }): Promise<void> {
  const overflowing = await page.evaluate((tables) => {
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) wide.push(`page ${document.documentElement.scrollWidth}px > ${document.documentElement.clientWidth}px`);
    if (!tables) return wide;
    for (const table of Array.from(document.querySelectorAll('table'))) {
      const container = table.parentElement!;
      if (container.scrollWidth > container.clientWidth + 1) wide.push(`table "${table.getAttribute('aria-label') ?? ''}" ${container.scrollWidth}px > ${container.clientWidth}px`);
    }
    return wide;
  }, options.tables);
  expect(overflowing).toEqual([]);
}

/** The screen at 1440×900 (`name`) and at 390×844 (`name-390`), then back to 1440×900. */
export async function screenshotAtBothSizes(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await expectNoHorizontalOverflow(page, { tables: false });
  await page.setViewportSize({ width: 1440, height: 900 });
}
