// A crafted sign-in link cannot send a person to another site: `/\t/evil.example` is `//evil.example` to a
// browser, whichever way the app follows the callback (the form after signing in, or the server's redirect).
import { expect, test, type BrowserContext } from '@playwright/test';
import { contextFor, seedUser, type SeededUser } from './fixtures';

// This spec's own person, who signs in through the form.
let viewer: SeededUser;
test.beforeAll(async () => {
  viewer = await seedUser({ role: 'viewer' });
});

const CRAFTED = ['/%09/evil.example/phish', '/%0A/evil.example/phish', '/%5C/evil.example/phish', '//evil.example/phish'];

/** Records (and blocks) any request that leaves for the attacker's host. */
async function watchForEscape(context: BrowserContext): Promise<string[]> {
  const escaped: string[] = [];
  await context.route((url) => url.hostname.endsWith('evil.example'), (route) => {
    escaped.push(route.request().url());
    return route.abort();
  });
  return escaped;
}

for (const callback of CRAFTED) {
  test(`signing in from a link with callbackUrl=${callback} stays on Modelgate`, async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const escaped = await watchForEscape(context);
    const page = await context.newPage();
    await page.goto(`/signin?callbackUrl=${callback}`);
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Password').fill(viewer.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(`${baseURL}/models`);
    expect(escaped).toEqual([]);
    await context.close();
  });
}

test('a signed-in person opening the crafted link is sent to the models page, not away', async ({ browser, baseURL }) => {
  const context = await contextFor(browser, viewer);
  const escaped = await watchForEscape(context);
  const page = await context.newPage();
  await page.goto(`/signin?callbackUrl=${CRAFTED[0]}`);
  await expect(page).toHaveURL(`${baseURL}/models`);
  expect(escaped).toEqual([]);
  await context.close();
});
