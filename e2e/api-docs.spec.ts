// The API reference page and the description it shows are built from the route contracts.
import { expect, test } from '@playwright/test';
import { SCREENSHOTS, storageFor } from './helpers';

test('the API page lists each v1 operation with the permission and scope it declares', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageFor('viewer') });
  const page = await context.newPage();
  await page.goto('/api-docs');
  const promote = page.getByRole('listitem').filter({ hasText: '/api/v1/models/{name}/versions/{number}/promote' });
  await expect(promote).toContainText('Needs version.promote (scientist, approver, admin) on the model');
  const users = page.getByRole('listitem').filter({ hasText: '/api/admin/users' }).first();
  await expect(users).toContainText('registry-wide');
  await page.screenshot({ path: `${SCREENSHOTS}/api-docs.png` });
  await context.close();
});

test('the old UI duplicates of v1 mutations are gone', async ({ playwright, baseURL }) => {
  // On a demo model that exists, so the 404 is the route's, not the model's (nothing is changed).
  const api = await playwright.request.newContext({ baseURL, storageState: storageFor('approver') });
  for (const url of ['/api/models/property-valuation/versions/8/promote', '/api/models/property-valuation/rollback', '/api/requests/x/approve']) {
    expect((await api.post(url, { data: {} })).status(), url).toBe(404);
  }
  await api.dispose();
});
