// The promotion flow as people do it in the browser: promote, request, approve, roll back.
import { expect, test, type Page } from '@playwright/test';
import { contextFor, seedModel, seedPendingRequest, seedPeople, seedProductionVersion, seedVersion, type People } from './fixtures';
import { SCREENSHOTS } from './helpers';

// This spec's own model, under the default policy: v1 in Production, v2 the candidate the people below
// take through Staging, approval and rollback (the tests run in order on it).
let MODEL = '';
let people: People;
let production = 0;
let candidate = 0;
const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
const card = (page: Page, stage: string, number: number) => column(page, stage).getByTestId('version-card').filter({ has: page.getByRole('link', { name: new RegExp(`^v${number}\\b`) }) });

async function confirm(page: Page, button: string, text?: string) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (text) await dialog.getByRole('textbox').first().fill(text);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  people = await seedPeople();
  const model = await seedModel({ description: 'Promotion flow, end to end' });
  MODEL = model.name;
  production = (await seedProductionVersion(model)).number;
  candidate = (await seedVersion(model)).number;
});

test('scientist promotes to Staging and requests Production', async ({ browser }) => {
  const context = await contextFor(browser, people.scientist);
  const page = await context.newPage();
  await page.goto(`/models/${MODEL}`);

  await card(page, 'Testing', candidate).getByRole('button', { name: 'Promote to Staging' }).click();
  await expect(page.getByRole('dialog').getByTestId('gate-result').first()).toBeVisible();
  await confirm(page, 'Promote to Staging');
  await expect(card(page, 'Staging', candidate)).toBeVisible();
  await expect(page.getByText('Promoted to Staging')).toBeVisible();

  await card(page, 'Staging', candidate).getByRole('button', { name: 'Request Production' }).click();
  await expect(page.getByRole('dialog').getByTestId('gate-result').first()).toBeVisible();
  await expect(page.getByRole('dialog').locator('[data-passed="false"]')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/request-dialog.png` });
  await confirm(page, 'Request Production', 'November data beats Production on every slice.');
  await expect(card(page, 'Staging', candidate).getByTestId('pending-request')).toContainText('0/1 approvals');

  // The requester cannot decide their own request: the button says why.
  const approve = card(page, 'Staging', candidate).getByRole('button', { name: 'Approve' });
  await expect(approve).toHaveAttribute('aria-disabled', 'true');
  await expect(approve).toHaveAttribute('title', /approver role|another approver/);
  await context.close();
});

test('approver approves from the inbox; the version becomes Production', async ({ browser }) => {
  const context = await contextFor(browser, people.approver);
  const page = await context.newPage();
  await page.goto('/approvals');
  const entry = page.getByTestId('promotion-request').filter({ hasText: `${MODEL}` }).filter({ hasText: `v${candidate}` });
  await expect(entry).toContainText('November data beats Production on every slice.');
  await page.screenshot({ path: `${SCREENSHOTS}/approvals.png`, fullPage: true });
  await entry.getByRole('button', { name: 'Approve' }).click();
  await confirm(page, 'Approve', 'Reviewed the slices, ship it.');
  await expect(page.getByText('Approval recorded')).toBeVisible();

  await page.goto(`/models/${MODEL}`);
  await expect(card(page, 'Production', candidate)).toBeVisible();
  await expect(column(page, 'Production').getByTestId('version-card')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/board-after-approval.png`, fullPage: true });
  await context.close();
});

test('approver rolls back; the rolled-back version is tagged failed in Archived', async ({ browser }) => {
  const context = await contextFor(browser, people.approver2);
  const page = await context.newPage();
  await page.goto(`/models/${MODEL}`);
  // From the keyboard: Enter opens the dialog, Escape closes it without rolling back, and focus is back on the button.
  const rollback = page.getByRole('button', { name: 'Rollback' });
  await rollback.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(rollback).toBeFocused();
  await rollback.click();
  await expect(page.getByRole('dialog')).toContainText(`v${production}`);
  await confirm(page, 'Rollback', 'Retention campaign conversions dropped 12%.');
  await expect(card(page, 'Production', production)).toBeVisible();

  await page.getByText(/Archived \(\d+\)/).click();
  const failed = page.getByTestId('version-card').filter({ has: page.getByRole('link', { name: new RegExp(`^v${candidate}\\b`) }) });
  await expect(failed).toContainText('failed');
  await page.screenshot({ path: `${SCREENSHOTS}/board-after-rollback.png`, fullPage: true });
  await context.close();
});

test('a viewer sees no action buttons', async ({ browser }) => {
  const context = await contextFor(browser, people.viewer);
  const page = await context.newPage();
  await seedPendingRequest(MODEL);
  await page.goto(`/models/${MODEL}`);
  await expect(page.getByTestId('version-card').first()).toBeVisible();
  for (const name of ['Promote to Staging', 'Request Production', 'Approve', 'Reject', 'Rollback', 'Archive']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await page.goto('/approvals');
  await expect(page.getByTestId('promotion-request').filter({ hasText: MODEL }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
  await context.close();
});
