// The admin console as an admin uses it: people, API tokens, policies; and other roles kept out.
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Policy } from '../lib/registry';
import { pageFor, seedModel, seedPeople, seedProductionVersion, seedVersion, sessionFor, type People } from './fixtures';
import { SCREENSHOTS } from './helpers';

// The demo's fraud-detector policy: a whole-set AUC threshold first among the Production gates, one approval.
const POLICY: Policy = {
  staging: [
    { kind: 'required-metadata', fields: ['artifactDigest'] },
    { kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.9 },
  ],
  production: [
    { kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.9 },
    { kind: 'metric-threshold', metric: 'latency_p95_ms', op: '<=', value: 120 },
    { kind: 'no-regression', metrics: ['auc'], tolerance: 0.05, perSlice: false },
    { kind: 'required-metadata', fields: ['artifactDigest', 'trainingDataHash', 'codeCommit'] },
    { kind: 'model-card-complete', sections: ['Intended use', 'Limitations', 'Evaluation data', 'Ethical considerations'] },
    { kind: 'approvals', count: 1 },
  ],
};

// This spec's own people and model (v1 in Production, v2 in Staging at AUC 0.95, both with full metadata).
let people: People;
let MODEL = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  people = await seedPeople();
  const model = await seedModel({ policy: POLICY, description: 'Admin console, end to end' });
  MODEL = model.name;
  await seedProductionVersion(model);
  await seedVersion(model, { stage: 'staging', metrics: { auc: 0.95, latency_p95_ms: 80 } });
});

function adminPage(browser: Browser, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  return pageFor(browser, people.admin, { colorScheme });
}

test('admin creates a user with a one-time password, who can sign in, then changes their role', async ({ browser }) => {
  const page = await adminPage(browser);
  const email = `new.analyst.${Date.now()}@example.com`;
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('table', { name: 'Users' })).toContainText(people.admin.email);

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByText('Enter a valid email address.')).toBeVisible();
  await dialog.getByLabel('Email', { exact: true }).fill(email);
  await dialog.getByLabel('Name', { exact: true }).fill('Nia Analyst');
  await dialog.getByLabel('Role', { exact: true }).selectOption('viewer');
  await expect(dialog.getByLabel('Generate a one-time password')).toBeChecked();
  await dialog.getByRole('button', { name: 'Create user' }).click();

  const secret = dialog.getByTestId('shown-once-secret');
  await expect(secret).toBeVisible();
  await expect(dialog).toContainText('shown only once');
  const password = (await secret.textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await page.screenshot({ path: `${SCREENSHOTS}/admin-user-password.png` });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // The generated password works.
  const newcomer = await browser.newContext();
  const signIn = await newcomer.newPage();
  await signIn.goto('/signin');
  await signIn.getByLabel('Email').fill(email);
  await signIn.getByLabel('Password').fill(password);
  await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(signIn).toHaveURL(/\/models$/);
  await newcomer.close();

  const role = page.getByLabel(`Role of ${email}`, { exact: true });
  await expect(role).toHaveValue('viewer');
  await role.selectOption('scientist');
  await page.getByRole('button', { name: `Save role of ${email}` }).click();
  await expect(page.getByText(`${email} is now data scientist`)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`, { exact: true })).toHaveValue('scientist');

  // An admin cannot demote themselves (so Modelgate always keeps an admin): refused with the server's reason.
  await page.getByLabel(`Role of ${people.admin.email}`, { exact: true }).selectOption('viewer');
  await page.getByRole('button', { name: `Save role of ${people.admin.email}` }).click();
  await expect(page.getByText('You cannot disable or demote your own account')).toBeVisible();
  await expect(page.getByLabel(`Role of ${people.admin.email}`, { exact: true })).toHaveValue('admin');
  await page.screenshot({ path: `${SCREENSHOTS}/admin-users.png`, fullPage: true });
  await page.context().close();
});

test('admin creates a model-scoped token that authenticates API calls until it is revoked', async ({ browser, playwright, baseURL }) => {
  const page = await adminPage(browser);
  await page.goto('/admin/tokens');
  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill('e2e scoring pipeline');
  // A token is the admin's own (or a service account's): a colleague is not on offer.
  await expect(dialog.getByLabel('Owner')).toHaveValue('self');
  await expect(dialog.getByLabel('Owner').locator('option')).not.toContainText([people.approver.email]);
  await expect(dialog.getByLabel('Expires')).toHaveValue('90');
  await dialog.getByLabel('Role', { exact: true }).selectOption('viewer');
  await dialog.getByLabel('Model', { exact: true }).selectOption(MODEL);
  await dialog.getByLabel('Expires').selectOption('30');
  await dialog.getByRole('button', { name: 'Create token' }).click();

  const secret = (await dialog.getByTestId('shown-once-secret').textContent())!.trim();
  expect(secret).toMatch(/^mgt_/);
  await expect(dialog.getByText(`Authorization: Bearer ${secret}`)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/admin-token-secret.png` });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText(secret)).toHaveCount(0);

  const api = await playwright.request.newContext({ baseURL });
  const board = () => api.get(`/api/models/${MODEL}/board`, { headers: { authorization: `Bearer ${secret}` } });
  expect((await board()).status()).toBe(200);

  const row = page.getByTestId('token-row').filter({ hasText: 'e2e scoring pipeline' });
  await expect(row).toContainText(secret.slice(0, 10));
  await expect(row).toContainText(MODEL);
  await expect(row).toContainText('active');
  await page.reload();
  // Last used: no longer "never" (the expiry is set, so nothing else in the row says it).
  await expect(row).not.toContainText('never');
  await page.screenshot({ path: `${SCREENSHOTS}/admin-tokens.png`, fullPage: true });

  await row.getByRole('button', { name: 'Revoke' }).click();
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toContainText('revoked');
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
  const refused = await board();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe('UNAUTHENTICATED');
  await api.dispose();
  await page.context().close();
});

test('admin creates a serving token for a new service account: it resolves, and can do nothing else', async ({ browser, playwright, baseURL }) => {
  const page = await adminPage(browser);
  await page.goto('/admin/tokens');
  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill('fraud scorer (prod cluster)');
  // The kind is a pair of cards; a person clicks the card, the radio inside follows.
  await dialog.locator('label', { hasText: 'Serving' }).click();
  await expect(dialog.getByRole('radio', { name: /Serving/ })).toBeChecked();
  await expect(dialog.getByLabel('Role', { exact: true })).toHaveCount(0);
  await dialog.getByLabel('Owner').selectOption('new-service');
  await dialog.getByLabel('Service account name').fill('Fraud Serving');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect(dialog.getByText(/Service account names are/)).toBeVisible();
  await dialog.getByLabel('Service account name').fill('fraud-serving');
  await dialog.getByLabel('Model', { exact: true }).selectOption(MODEL);
  await page.screenshot({ path: `${SCREENSHOTS}/admin-token-serving-form.png` });
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const secret = (await dialog.getByTestId('shown-once-secret').textContent())!.trim();
  await expect(dialog.getByText('/resolve?stage=production')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  const row = page.getByTestId('token-row').filter({ hasText: 'fraud scorer (prod cluster)' });
  await expect(row).toContainText('fraud-serving');
  await expect(row).toContainText('service account');
  await expect(row).toContainText('Serving');
  await expect(row).toContainText(/in 3 months/);
  await page.screenshot({ path: `${SCREENSHOTS}/admin-tokens-serving.png`, fullPage: true });
  const dark = await adminPage(browser, 'dark');
  await dark.goto('/admin/tokens');
  await dark.getByRole('button', { name: 'New token' }).click();
  await dark.getByRole('dialog').locator('label', { hasText: 'Serving' }).click();
  await dark.screenshot({ path: `${SCREENSHOTS}/admin-token-form-dark.png` });
  await dark.context().close();

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await api.get(`/api/v1/models/${MODEL}/resolve?stage=production`)).status()).toBe(200);
  expect((await api.get(`/api/models/${MODEL}/board`)).status()).toBe(403);
  expect((await api.post('/api/v1/models', { data: { name: 'from-a-serving-token' } })).status()).toBe(403);
  await api.dispose();

  // The service account is listed with the users, never above approver.
  await page.goto('/admin/users');
  const account = page.getByTestId('user-row').filter({ hasText: 'fraud-serving' });
  await expect(account).toContainText('service account');
  await expect(account.getByRole('combobox').locator('option')).toHaveText(['Viewer', 'Data scientist', 'Approver']);
  await page.context().close();
});

test('admin edits a policy, previews what it would block, and saves it', async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto('/admin/policies');
  await page.getByRole('link', { name: MODEL, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Policy for ${MODEL}` })).toBeVisible();

  const threshold = page.getByRole('group', { name: /^Production gate 1: Metric threshold/ });
  const value = threshold.getByLabel('Value', { exact: true });
  await expect(threshold.getByLabel('Metric', { exact: true })).toHaveValue('auc');
  await expect(value).toHaveValue('0.9');

  // Invalid input is caught in the browser, beside the field.
  await value.fill('');
  await expect(threshold.getByText('Enter a number.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save policy' })).toBeDisabled();

  // A threshold no Staging version meets: the preview names the gate it would fail.
  await value.fill('0.99');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Preview' }).click();
  const staging = page.getByTestId('preview-row').filter({ hasText: /\(Staging\)/ });
  await expect(staging.first()).toContainText(/would fail \d+ gates?: .*auc >= 0\.99/);
  // The sticky header would be drawn mid-page in a full-page shot taken while scrolled.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/admin-policy-preview.png`, fullPage: true });

  // The change kept: a little looser than the model's, so its Staging version still passes.
  await value.fill('0.85');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(staging.first()).toContainText('would pass');
  await expect(staging.filter({ hasText: 'would fail' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText(`Policy saved for ${MODEL}`)).toBeVisible();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('group', { name: /^Production gate 1: Metric threshold/ }).getByLabel('Value', { exact: true })).toHaveValue('0.85');
  await expect(page.getByRole('group', { name: /^Production gate \d+: Approvals/ }).getByLabel('Approvals required')).toHaveValue('1');

  // Four eyes by default; letting authors approve is an explicit, saved choice.
  const authorMayApprove = page.getByLabel('Let the author of a version approve its promotion');
  await expect(authorMayApprove).not.toBeChecked();
  await authorMayApprove.check();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('region', { name: 'Who may approve' }).screenshot({ path: `${SCREENSHOTS}/admin-policy-approvers.png` });
  await authorMayApprove.uncheck();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await page.context().close();
});

test('admin verifies the audit log is intact', async ({ browser }) => {
  const page = await adminPage(browser, 'dark');
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(page.getByTestId('audit-verification')).toContainText(/Intact\. All [\d,]+ events/);
  await page.screenshot({ path: `${SCREENSHOTS}/admin-overview-dark.png`, fullPage: true });
  await page.goto(`/admin/policies/${MODEL}`);
  await expect(page.getByRole('heading', { name: `Policy for ${MODEL}` })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/admin-policy-dark.png`, fullPage: true });
  await page.context().close();
});

test('an approver cannot open the admin console or call its handlers', async ({ browser, playwright, baseURL }) => {
  const page = await pageFor(browser, people.approver);
  const context = page.context();
  await page.goto('/models');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByText('Admins only')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Users' })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/admin-forbidden.png` });

  const api = await playwright.request.newContext({ baseURL, storageState: await sessionFor(people.approver) });
  const create = await api.post('/api/admin/users', { data: { email: 'forged@example.com', name: 'Forged', role: 'admin' } });
  expect(create.status()).toBe(403);
  expect((await create.json()).error.code).toBe('FORBIDDEN');
  expect((await api.get('/api/admin/tokens')).status()).toBe(403);
  expect((await api.put(`/api/admin/policies/${MODEL}`, { data: { policy: { staging: [], production: [] } } })).status()).toBe(403);
  await api.dispose();
  await context.close();
});
