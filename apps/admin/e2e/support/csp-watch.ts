import type { Page } from '@playwright/test';

/** Records CSP violations and page errors of `page` from its first script on. */
export async function watchForCspViolations(page: Page): Promise<{ problems: string[] }> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(text)) problems.push(`console: ${text}`);
  });
  await page.exposeFunction('__reportCspViolation', (description: string) => problems.push(`violation: ${description}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { __reportCspViolation(description: string): Promise<void> }).__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return { problems };
}
