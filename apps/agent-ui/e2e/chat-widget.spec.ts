import { expect, test } from './support/test';
import { screenshot } from './support/api-helpers';
import { E2E } from './support/e2e-environment';

test('the widget script adds a floating button that opens the chat in an iframe, and Escape closes it', async ({ page }) => {
  // A shop page that embeds the widget with one script tag (served by the test; Chromium forbids a
  // routed page from loading scripts from the loopback address, so it lives on the app's own origin).
  const shopUrl = `${E2E.appUrl}/acme-shop-demo`;
  await page.route(shopUrl, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><body><h1>Acme shop</h1><script src="${E2E.appUrl}/widget.js" data-label="Chat with Acme"></script></body></html>` }),
  );
  await page.goto(shopUrl);
  const button = page.getByRole('button', { name: 'Chat with Acme' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  const frame = page.frameLocator('iframe[title="Chat with Acme"]');
  await expect(frame.getByRole('heading', { name: 'Chat with us' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Start chat' })).toBeVisible();

  // The survey explains what is missing before anything is sent.
  await frame.getByRole('button', { name: 'Start chat' }).click();
  await expect(frame.getByText('Please tell us your name.')).toBeVisible();
  await screenshot(page, 'widget-open');

  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Chat with Acme' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('iframe[title="Chat with Acme"]')).toBeHidden();
});
