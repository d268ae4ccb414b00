// A viewer finds their way around the registry: model list, a board, a version's record.
// Deliberately on the demo seed, as a newcomer sees it (read only: no spec changes the demo models).
import { expect, test } from '@playwright/test';
import { SCREENSHOTS, storageFor } from './helpers';

test.use({ storageState: storageFor('viewer') });

test('a viewer browses models, a board and a version', async ({ page }) => {
  await page.goto('/models');
  await expect(page.getByRole('heading', { name: 'Models' })).toBeVisible();
  for (const name of ['fraud-detector', 'churn-predictor', 'property-valuation']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: `${SCREENSHOTS}/models.png`, fullPage: true });

  await page.getByRole('link', { name: 'fraud-detector', exact: true }).click();
  await expect(page).toHaveURL(/\/models\/fraud-detector$/);
  const column = (stage: string) => page.getByRole('region', { name: stage, exact: true });
  await expect(column('Testing').getByTestId('version-card')).toHaveCount(3);
  await expect(column('Staging').getByTestId('version-card')).toHaveCount(2);
  await expect(column('Production').getByTestId('version-card')).toHaveCount(1);
  await expect(column('Production')).toContainText('v5');
  await expect(page.getByText(/Archived \(6\)/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/board.png`, fullPage: true });

  // The rolled-back version shows as failed once the archive is opened.
  await page.getByText(/Archived \(6\)/).click();
  const failed = page.getByTestId('version-card').filter({ hasText: 'v6' }).filter({ hasText: 'failed' });
  await expect(failed).toBeVisible();

  await column('Production').getByTestId('version-card').first().click();
  await expect(page).toHaveURL(/\/models\/fraud-detector\/versions\/5$/);
  await expect(page.getByText('2.0.0').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Intended use' })).toBeVisible();
  await expect(page.getByText(/sha256:[0-9a-f]{64}/).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/version.png`, fullPage: true });
});

test('an unknown model shows a 404 page', async ({ page }) => {
  const response = await page.goto('/models/no-such-model');
  expect(response?.status()).toBe(404);
  await expect(page.getByText(/No model named/)).toBeVisible();
});

test('a signed-out visitor is sent to sign in, and a wrong password gets a generic message', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/models');
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel('Email').fill('viewer@example.com');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText(/Email or password is incorrect/)).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await context.close();
});
