// Single sign-on through a real OpenID Connect provider on loopback (e2e/oidc/provider.ts), in the browser:
// accounts are bound to the provider's (issuer, subject), and an e-mail claims an account only when verified.
// On the demo users, deliberately: the provider's accounts (e2e/oidc/settings.ts) carry their e-mail addresses.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { SCREENSHOTS, storageFor } from './helpers';
import { OIDC_ACCOUNTS, oidcE2eSettings } from './oidc/settings';

const { name: SSO_NAME, issuer } = oidcE2eSettings();

test.describe.configure({ mode: 'serial' });

/** From Modelgate's sign-in page through the provider's login page and back; returns the page where it lands. */
async function signInWithSso(browser: Browser, username: keyof typeof OIDC_ACCOUNTS): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/signin');
  await page.getByRole('button', { name: `Sign in with ${SSO_NAME}` }).click();
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.port !== new URL(issuer).port && !url.pathname.startsWith('/api/auth'));
  return page;
}

async function signedInAs(page: Page): Promise<string | null> {
  const session = await page.request.get('/api/auth/session');
  return ((await session.json()) as { user?: { id?: string } }).user?.id ?? null;
}

async function userId(browser: Browser, email: string): Promise<string> {
  const admin = await (await browser.newContext({ storageState: storageFor('admin') })).newPage();
  const users = (await (await admin.request.get('/api/admin/users?limit=200')).json()) as { users: { id: string; email: string }[] };
  await admin.context().close();
  return users.users.find((u) => u.email === email)!.id;
}

test('a verified e-mail links the existing account on first sign-in', async ({ browser }) => {
  const page = await signInWithSso(browser, 'vera');
  await expect(page).toHaveURL(/\/models$/);
  expect(await signedInAs(page)).toBe(await userId(browser, 'viewer@example.com'));
  await page.screenshot({ path: `${SCREENSHOTS}/sso-signed-in.png` });
  await page.context().close();
});

test('the binding follows the subject, not the e-mail: a changed address is the same person, a reused one is not', async ({ browser, playwright }) => {
  const idp = await playwright.request.newContext();
  expect((await idp.post(`${issuer}/test/accounts/vera?email=vera.new%40example.com`)).status()).toBe(204);
  await idp.dispose();
  const renamed = await signInWithSso(browser, 'vera');
  await expect(renamed).toHaveURL(/\/models$/);
  expect(await signedInAs(renamed)).toBe(await userId(browser, 'viewer@example.com'));
  await renamed.context().close();

  const holder = await signInWithSso(browser, 'new-holder');
  await expect(holder).toHaveURL(/\/signin\?error=SsoEmailTaken/);
  await expect(holder.getByText('already linked to a different identity')).toBeVisible();
  expect(await signedInAs(holder)).toBeNull();
  await holder.context().close();
});

test('an unverified e-mail cannot claim an account, not even the admin\'s', async ({ browser }) => {
  const page = await signInWithSso(browser, 'mallory');
  await expect(page).toHaveURL(/\/signin\?error=SsoUnverifiedEmail/);
  await expect(page.getByText('has not verified your e-mail address')).toBeVisible();
  expect(await signedInAs(page)).toBeNull();
  await page.screenshot({ path: `${SCREENSHOTS}/sso-refused-unverified.png` });
  await page.context().close();
});

test('a verified newcomer gets a viewer account, and the admin sees how it came', async ({ browser }) => {
  const page = await signInWithSso(browser, 'newcomer');
  await expect(page).toHaveURL(/\/models$/);
  expect(await signedInAs(page)).toBe(await userId(browser, 'newcomer@example.com'));
  await page.context().close();

  const admin = await (await browser.newContext({ storageState: storageFor('admin') })).newPage();
  await admin.goto('/admin/users');
  const row = admin.getByTestId('user-row').filter({ hasText: 'newcomer@example.com' });
  await expect(row.getByLabel('Role of newcomer@example.com', { exact: true })).toHaveValue('viewer');
  const events = (await (await admin.request.get('/api/v1/audit?action=user.sso_linked')).json()) as { events: { data?: unknown }[] };
  expect(JSON.stringify(events)).toContain('viewer@example.com');
  await admin.context().close();
});
