import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { seedBusyWorkspace, type BusyWorkspace } from './busy-workspace';

export { expect };

interface PageHealth {
  /** Responses matching this (method + URL, e.g. `POST /api/auth/login`) with this status are expected: the test provokes them. */
  allowFailedResponse(pattern: RegExp, status: number): void;
}

interface Problem {
  kind: 'page error' | 'failed response' | 'failed request';
  detail: string;
}

function watchPage(page: Page, problems: Problem[], allowed: { pattern: RegExp; status: number }[]): void {
  page.on('pageerror', (error) => problems.push({ kind: 'page error', detail: `${page.url()}: ${error.stack ?? error.message}` }));
  page.on('response', (response) => {
    const status = response.status();
    if (status < 400) return;
    const line = `${response.request().method()} ${response.url()}`;
    if (status < 500 && allowed.some((entry) => entry.status === status && entry.pattern.test(line))) return;
    problems.push({ kind: 'failed response', detail: `${line} → ${status}` });
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? 'unknown';
    // A request the page itself cancelled (navigation, an aborted fetch, a prefetch) is not a failure, nor one
    // its Content Security Policy refused (the sandboxed email frame blocks remote and script content on purpose).
    if (/ERR_ABORTED|NS_BINDING_ABORTED|^csp$|ERR_BLOCKED_BY_CSP/.test(error)) return;
    problems.push({ kind: 'failed request', detail: `${request.method()} ${request.url()}: ${error}` });
  });
}

function watchContext(context: BrowserContext, problems: Problem[], allowed: { pattern: RegExp; status: number }[]): void {
  for (const page of context.pages()) watchPage(page, problems, allowed);
  context.on('page', (page) => watchPage(page, problems, allowed));
}

/**
 * Every agent-UI spec imports `test` from here: each page the test opens (the default `page` and
 * any context made with `browser.newContext()`) is watched, and the test fails on an uncaught page
 * error, a response ≥ 500, a response ≥ 400 the test did not declare with `pageHealth.allowFailedResponse`,
 * or a request that failed on the network. The busy workspace is seeded once per worker.
 */
export const test = base.extend<{ pageHealth: PageHealth }, { busyWorkspace: BusyWorkspace }>({
  busyWorkspace: [
    async ({ playwright }, provide) => {
      const request = await playwright.request.newContext();
      const workspace = await seedBusyWorkspace(request);
      await request.dispose();
      await provide(workspace);
    },
    { scope: 'worker', auto: true, timeout: 180_000 },
  ],
  pageHealth: [
    async ({ browser, context }, provide) => {
      const problems: Problem[] = [];
      const allowed: { pattern: RegExp; status: number }[] = [];
      watchContext(context, problems, allowed);
      const original = browser.newContext.bind(browser);
      const patched: Browser['newContext'] = async (options) => {
        const created = await original(options);
        watchContext(created, problems, allowed);
        return created;
      };
      browser.newContext = patched;
      try {
        await provide({ allowFailedResponse: (pattern, status) => allowed.push({ pattern, status }) });
      } finally {
        browser.newContext = original;
      }
      expect(problems.map((problem) => `${problem.kind}: ${problem.detail}`), 'page errors and failed requests during the test').toEqual([]);
    },
    { auto: true },
  ],
});
