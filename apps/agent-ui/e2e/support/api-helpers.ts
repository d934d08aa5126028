import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
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
  const response = await request.fetch(`${E2E.apiUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}` }, ...(data === undefined ? {} : { data }) });
  const text = await response.text();
  expect(response.ok(), `${method} ${path} → ${response.status()} ${text}`).toBe(true);
  return (text ? JSON.parse(text) : null) as T;
}

/** A fresh agent account (created by the bootstrap admin), signed in over the API. */
export async function createAgent(request: APIRequestContext): Promise<SignedInUser> {
  const admin = await apiLogin(request);
  const email = `agent-${Date.now()}-${Math.round(Math.random() * 1e6)}@example.com`;
  const password = 'agent-password-123';
  await apiCall(request, admin.token, 'POST', '/admin/users', { email, password, role: 'agent', displayName: 'Alex Agent' });
  return apiLogin(request, email, password);
}

/** An agent's browser context with the session already stored (the sign-in form has its own test in the foundation). */
export async function agentContext(browser: Browser, session: SignedInUser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript((value) => {
    if (window.location.protocol.startsWith('http')) window.localStorage.setItem('autocase.agent.session', value);
  }, JSON.stringify(session));
  return context;
}

/**
 * A full-page capture of the current screen. The committed ones under e2e/screenshots are only
 * rewritten with UPDATE_SCREENSHOTS=1, so a test run leaves the working tree clean; otherwise
 * they go to test-results/screenshots (ignored by git) for a look after the run.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.UPDATE_SCREENSHOTS === '1' ? 'e2e/screenshots' : 'test-results/screenshots';
  await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

/** Fills the pre-chat survey on /chat as a customer and waits until the chat is queued. */
export async function startCustomerChat(page: Page, survey: { name: string; email: string; question: string }): Promise<void> {
  await page.goto('/chat');
  await page.getByLabel('Your name').fill(survey.name);
  await page.getByLabel('Email').fill(survey.email);
  await page.getByLabel('How can we help?').fill(survey.question);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByTestId('chat-status')).toHaveAttribute('data-state', 'waiting');
}

/** Sends a chat message from the composer (customer or agent). */
export async function sendChatMessage(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
  await expect(page.getByRole('log', { name: 'Messages' }).getByText(text)).toBeVisible();
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
