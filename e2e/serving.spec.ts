// Who receives traffic, in the browser: a canary share is requested on the board, approved in Approvals
// by someone else, and only then served; a served model renamed keeps answering to its old name.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { contextFor, pageFor, seedModel, seedPeople, seedProductionVersion, seedVersion, type People, type SeededUser } from './fixtures';
import { SCREENSHOTS } from './helpers';

// This spec's own model under the default policy: v1 in Production, v2 in Staging passing its gates, the
// candidate for a canary share (the tests run in order on it).
let MODEL = '';
let people: People;
let production = 0;
let candidate = 0;
const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
const card = (page: Page, stage: string, number: number) => column(page, stage).getByTestId('version-card').filter({ has: page.getByRole('link', { name: new RegExp(`^v${number}\\b`) }) });
const basic = (user: SeededUser) => `Basic ${Buffer.from(`${user.email}:${user.password}`).toString('base64')}`;

function as(browser: Browser, role: keyof People, colorScheme: 'light' | 'dark' = 'light') {
  return pageFor(browser, people[role], { colorScheme });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  people = await seedPeople();
  const model = await seedModel({ description: 'Serving, end to end' });
  MODEL = model.name;
  production = (await seedProductionVersion(model)).number;
  candidate = (await seedVersion(model, { stage: 'staging' })).number;
});

test('an admin names the aliases that serve traffic in the policy', async ({ browser }) => {
  const page = await as(browser, 'admin');
  await page.goto(`/admin/policies/${MODEL}`);
  const aliases = page.getByLabel('Protected aliases');
  await expect(aliases).toHaveValue('champion');
  await aliases.fill('champion, challenger, latest');
  await expect(page.getByText(/Alias 3: .*reserved/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save policy' })).toBeDisabled();
  await aliases.fill('champion, challenger');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText(`Policy saved for ${MODEL}`)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Protected aliases')).toHaveValue('champion, challenger');
  // A full-page shot taken while scrolled draws the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/policy-protected-aliases.png`, fullPage: true });
  await page.context().close();
});

test('a scientist requests a canary share; nothing is served before approval', async ({ browser }) => {
  const page = await as(browser, 'scientist');
  await page.goto(`/models/${MODEL}`);
  await card(page, 'Staging', candidate).getByRole('button', { name: 'Request canary' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('gate-result').first()).toBeVisible();
  const weight = dialog.getByLabel('Share of traffic (%)');
  await weight.fill('80');
  await expect(dialog.getByText(/at most 50 %/)).toBeVisible();
  await weight.fill('10');
  await dialog.getByLabel('Comment for the approvers').fill('See how the EU recalibration behaves on live traffic.');
  await page.screenshot({ path: `${SCREENSHOTS}/canary-request-dialog.png` });
  await dialog.getByRole('button', { name: 'Request canary', exact: true }).click();
  await expect(page.getByText('Canary requested')).toBeVisible();
  await expect(card(page, 'Staging', candidate).getByTestId('pending-request')).toContainText(`Canary of 10 % requested by ${people.scientist.name} · 0/1 approvals`);
  await expect(page.getByTestId('traffic-panel')).toHaveCount(0);
  // The requester cannot approve it.
  await expect(card(page, 'Staging', candidate).getByRole('button', { name: 'Approve' })).toHaveAttribute('aria-disabled', 'true');
  // Nor can one approver put it on @champion, or send it traffic, before the approval.
  const api = page.context().request;
  const approver = await contextFor(browser, people.approver);
  expect((await approver.request.put(`/api/v1/models/${MODEL}/aliases/champion`, { data: { version: candidate } })).status()).toBe(422);
  expect((await approver.request.put(`/api/v1/models/${MODEL}/traffic`, { data: { routes: [{ version: production, weight: 1 }, { version: candidate, weight: 99 }] } })).status()).toBe(422);
  expect((await (await api.get(`/api/v1/models/${MODEL}/route?key=user-1`)).json()).split).toEqual([{ number: production, weight: 100 }]);
  await approver.close();
  await page.context().close();
});

test('an approver approves the canary in Approvals; the split applies and the board says who approved it', async ({ browser }) => {
  const page = await as(browser, 'approver');
  await page.goto('/approvals');
  const entry = page.getByTestId('promotion-request').filter({ hasText: MODEL }).filter({ hasText: `v${candidate}` });
  await expect(entry).toHaveAttribute('data-kind', 'canary');
  await expect(entry).toContainText(`canary, 10% of traffic beside Production v${production}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/approvals-canary.png`, fullPage: true });
  await entry.getByRole('button', { name: 'Approve' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`v${candidate} serves 10% of traffic beside Production v${production}`);
  await dialog.getByRole('textbox').first().fill('EU slices look right; 10 % for a week.');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByText('Approval recorded')).toBeVisible();

  await page.goto(`/models/${MODEL}`);
  const panel = page.getByTestId('traffic-panel');
  await expect(panel).toContainText(`90%v${production}Production`);
  await expect(panel.getByTestId('canary-share-row')).toContainText(`10%v${candidate}canary, approved for 10% by ${people.approver.name}`);
  await expect(card(page, 'Staging', candidate).getByTestId('canary-share')).toContainText('serves 10 % of traffic');
  const served = await (await page.request.get(`/api/v1/models/${MODEL}/route?key=user-1`)).json();
  expect(served.split).toEqual([{ number: production, weight: 90 }, { number: candidate, weight: 10 }]);
  await page.screenshot({ path: `${SCREENSHOTS}/board-canary-approved.png`, fullPage: true });
  await page.context().close();

  const dark = await as(browser, 'viewer', 'dark');
  await dark.goto(`/models/${MODEL}`);
  await expect(dark.getByTestId('canary-approvers')).toHaveText(people.approver.name);
  await expect(dark.getByRole('button', { name: 'End canary' })).toHaveCount(0);
  await dark.getByTestId('traffic-panel').screenshot({ path: `${SCREENSHOTS}/traffic-panel-dark.png` });
  await dark.context().close();
});

test('an approver ends the canary; its traffic returns to Production', async ({ browser }) => {
  const page = await as(browser, 'approver2');
  await page.goto(`/models/${MODEL}`);
  await page.getByTestId('canary-share-row').getByRole('button', { name: 'End canary' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'End canary', exact: true }).click();
  await expect(page.getByText(`Canary v${candidate} ended`)).toBeVisible();
  await expect(page.getByTestId('traffic-panel')).toHaveCount(0);
  expect((await (await page.request.get(`/api/v1/models/${MODEL}/route?key=user-1`)).json()).split).toEqual([{ number: production, weight: 100 }]);
  await page.context().close();
});

test('renaming a served model needs an approver; the old name keeps resolving until an approver removes it', async ({ browser, playwright, baseURL }) => {
  const name = `renamed-${Date.now().toString(36)}`;
  const mlflow = (user: SeededUser) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: basic(user) } });
  const scientist = await mlflow(people.scientist);
  const post = async (api: typeof scientist, path: string, data: unknown) => api.post(`/api/2.0/mlflow/${path}`, { data });
  expect((await post(scientist, 'registered-models/create', { name })).status()).toBe(200);
  const admin = await contextFor(browser, people.admin);
  expect((await admin.request.put(`/api/admin/policies/${name}`, { data: { policy: { staging: [], production: [] } } })).status()).toBe(200);
  await admin.close();
  await post(scientist, 'model-versions/create', { name, source: 's3://models/renamed/1' });
  await post(scientist, 'model-versions/transition-stage', { name, version: '1', stage: 'Staging' });
  expect((await post(scientist, 'model-versions/transition-stage', { name, version: '1', stage: 'Production' })).status()).toBe(200);

  const refused = await post(scientist, 'registered-models/rename', { name, new_name: `${name}-v2` });
  expect(refused.status()).toBe(403);
  const approverApi = await mlflow(people.approver);
  expect((await post(approverApi, 'registered-models/rename', { name, new_name: `${name}-v2` })).status()).toBe(200);
  const page = await as(browser, 'approver');
  const resolve = () => page.request.get(`/api/v1/models/${name}/resolve?stage=production`);
  expect(await (await resolve()).json()).toMatchObject({ model: `${name}-v2`, redirectedFrom: name, version: 1 });

  await page.goto(`/models/${name}`);
  await expect(page).toHaveURL(new RegExp(`/models/${name}-v2$`));
  const former = page.getByTestId('former-name');
  await expect(former).toHaveText(name);
  await page.screenshot({ path: `${SCREENSHOTS}/board-former-name.png` });
  await former.getByRole('button', { name: `Stop resolving ${name}` }).click();
  await expect(page.getByText(`"${name}" no longer resolves to ${name}-v2`)).toBeVisible();
  await expect(page.getByTestId('former-name')).toHaveCount(0);
  expect((await resolve()).status()).toBe(404);
  await page.goto(`/models/${name}-v2/history`);
  await expect(page.getByText(new RegExp(`removed the redirect from ${name}`))).toBeVisible();
  await Promise.all([scientist.dispose(), approverApi.dispose(), page.context().close()]);
});
