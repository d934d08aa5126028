import { expect, test, type Page } from '@playwright/test';
import { E2E } from './support/e2e-environment';

async function signInWithNext(page: Page, next: string): Promise<void> {
  await page.goto(`/sign-in?next=${next}`);
  await page.getByLabel('Email').fill(E2E.adminEmail);
  await page.getByLabel('Password').fill(E2E.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('after sign-in the workspace only goes to its own pages', () => {
  for (const next of ['/%5C127.0.0.2/phish', '/%09/127.0.0.2/phish', '//127.0.0.2/phish', encodeURIComponent('/\\127.0.0.2/phish')]) {
    test(`next=${next} stays on this origin`, async ({ page }) => {
      await signInWithNext(page, next);
      await expect(page).toHaveURL(`${E2E.appUrl}/inbox`);
    });
  }

  test('a same-origin next is followed', async ({ page }) => {
    await signInWithNext(page, encodeURIComponent('/cases?status=open'));
    await expect(page).toHaveURL(`${E2E.appUrl}/cases?status=open`);
  });
});
