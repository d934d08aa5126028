import { expect, test as base, type Page, type Response } from '@playwright/test';

export { expect };

/** A ≥ 400 answer a test provokes on purpose (a validation error, a wrong password): URL pattern and status. */
export interface ExpectedErrorResponse {
  url: RegExp;
  status: number;
}

interface ConsoleFixtures {
  /** The ≥ 400 answers this test declared. */
  expectedErrorResponses: ExpectedErrorResponse[];
  /**
   * Declares the ≥ 400 answers this test provokes. Any other ≥ 400 answer to the page, and any
   * uncaught page error, fails the test after it ran.
   */
  allowErrorResponses: (...expected: ExpectedErrorResponse[]) => void;
  pageProblemGuard: void;
}

function describeResponse(response: Response): string {
  return `${response.request().method()} ${response.url()} → ${response.status()}`;
}

function watch(page: Page, allowed: ExpectedErrorResponse[], problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() < 400) return;
    if (allowed.some((entry) => entry.status === response.status() && entry.url.test(response.url()))) return;
    problems.push(`unprovoked ${describeResponse(response)}`);
  });
}

/**
 * Every admin console test: fails on uncaught page errors and on ≥ 400 answers it did not declare
 * with `allowErrorResponses` (every page of the test's browser context is watched).
 */
export const test = base.extend<ConsoleFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as the first argument
  expectedErrorResponses: async ({}, provide) => {
    await provide([]);
  },
  allowErrorResponses: async ({ expectedErrorResponses }, provide) => {
    await provide((...expected) => {
      expectedErrorResponses.push(...expected);
    });
  },
  pageProblemGuard: [
    async ({ context, expectedErrorResponses }, provide) => {
      const problems: string[] = [];
      for (const page of context.pages()) watch(page, expectedErrorResponses, problems);
      context.on('page', (page) => watch(page, expectedErrorResponses, problems));
      await provide();
      expect(problems, 'page errors and unprovoked ≥ 400 answers').toEqual([]);
    },
    { auto: true },
  ],
});
