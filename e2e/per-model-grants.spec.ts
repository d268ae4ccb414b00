// The board's buttons follow the role on the model, as the server does: a global viewer granted
// scientist on one model may promote there, and an approver granted viewer on it sees no buttons.
import { expect, test, type Page } from '@playwright/test';
import { contextFor, seedGrant, seedModel, seedPeople, seedProductionVersion, seedVersion, type People } from './fixtures';
import { SCREENSHOTS } from './helpers';

// This spec's own models: MODEL (two Testing versions) where its viewer is granted scientist and its
// approver viewer, and OTHER (a version in Production) where neither has a grant.
let MODEL = '';
let OTHER = '';
let people: People;
const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
const card = (page: Page, stage: string, number: number) => column(page, stage).getByTestId('version-card').filter({ has: page.getByRole('link', { name: new RegExp(`^v${number}\\b`) }) });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  people = await seedPeople();
  const model = await seedModel({ name: `grant-board-${Date.now().toString(36)}`, metrics: [{ key: 'auc', direction: 'higher', isPrimary: true }] });
  MODEL = model.name;
  for (let i = 0; i < 2; i++) await seedVersion(model, { complete: false, metrics: { auc: 0.9 } });
  OTHER = (await seedModel()).name;
  await seedProductionVersion(OTHER);
  await seedGrant(people.viewer, MODEL, 'scientist');
  await seedGrant(people.approver, MODEL, 'viewer');
});

test('a viewer granted scientist on the model gets the buttons the server allows, and they work', async ({ browser }) => {
  const context = await contextFor(browser, people.viewer);
  const page = await context.newPage();
  await page.goto(`/models/${MODEL}`);
  await expect(page.getByTestId('granted-role')).toHaveText('Data scientist (granted on this model)');
  const promote = card(page, 'Testing', 2).getByRole('button', { name: 'Promote to Staging' });
  await expect(promote).toBeVisible();
  await expect(promote).not.toHaveAttribute('aria-disabled', 'true');
  // Scientists may not roll back: the button is there, disabled, with the reason.
  await expect(page.getByRole('button', { name: 'Rollback', exact: true })).toHaveAttribute('title', /approver role|Nothing is in Production/);
  await page.screenshot({ path: `${SCREENSHOTS}/grant-viewer-as-scientist.png`, fullPage: true });

  await promote.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('gate-result').first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Promote to Staging', exact: true }).click();
  await expect(page.getByText('Promoted to Staging')).toBeVisible();
  await expect(card(page, 'Staging', 2)).toBeVisible();

  // Elsewhere the same user is a viewer: no buttons, as the server would refuse them.
  await page.goto(`/models/${OTHER}`);
  await expect(page.getByTestId('version-card').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Promote to Staging', exact: true })).toHaveCount(0);
  await context.close();
});

test('an approver granted viewer on the model sees no buttons there, and the server refuses them too', async ({ browser }) => {
  const context = await contextFor(browser, people.approver, { colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`/models/${MODEL}`);
  await expect(page.getByTestId('version-card').first()).toBeVisible();
  await expect(page.getByTestId('granted-role')).toHaveText('Viewer (granted on this model)');
  for (const name of ['Promote to Staging', 'Request Production', 'Archive', 'Demote', 'Rollback']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/grant-approver-as-viewer-dark.png`, fullPage: true });
  const forged = await page.request.post(`/api/v1/models/${MODEL}/versions/1/archive`, { data: { reason: 'not allowed here' } });
  expect(forged.status()).toBe(403);

  // On a model without a grant the approver's global role applies.
  await page.goto(`/models/${OTHER}`);
  await expect(page.getByRole('button', { name: 'Rollback', exact: true })).toBeVisible();
  await context.close();
});
