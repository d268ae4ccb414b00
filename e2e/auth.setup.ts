// Signs in once per demo role through the real form and saves the session for the specs.
import { expect, test as setup } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '../lib/demo/users';

for (const user of DEMO_USERS) {
  const role = user.email.split('@')[0]!;
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/models$/);
    await page.context().storageState({ path: `test-results/.auth/${role}.json` });
  });
}
