// Advisory gates in the browser: the board's promote dialog, the audit timeline, the policy editor and the
// approvals inbox show an advisory verdict apart from a blocking one, and an advisory gate never blocks.
import { expect, test, type Page } from '@playwright/test';
import { contextFor, seedModel, seedPeople, seedVersion, type People } from './fixtures';
import { SCREENSHOTS } from './helpers';

// This spec's own model under the default policy; the tests below run in order on it.
let MODEL = '';
let people: People;
const card = (page: Page, stage: string, number: number) =>
  page.getByRole('region', { name: stage, exact: true }).getByTestId('version-card').filter({ has: page.getByRole('link', { name: new RegExp(`^v${number}\\b`) }) });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  people = await seedPeople();
  MODEL = (await seedModel({ name: `advisory-${Date.now().toString(36)}`, description: 'Advisory gates, end to end' })).name;
});

test('a version without a digest reaches Staging under the default policy, the advisory gap shown and recorded', async ({ browser }) => {
  const context = await contextFor(browser, people.scientist);
  const page = await context.newPage();
  await seedVersion(MODEL, { complete: false, artifactDigest: undefined }); // v1: no artifact digest, as from an MLflow pipeline

  await page.goto(`/models/${MODEL}`);
  await card(page, 'Testing', 1).getByRole('button', { name: 'Promote to Staging' }).click();
  const dialog = page.getByRole('dialog');
  const gate = dialog.getByTestId('gate-result');
  await expect(gate).toHaveAttribute('data-advisory', 'true');
  await expect(gate).toHaveAttribute('data-passed', 'false');
  await expect(gate.getByLabel('advisory, not met')).toBeVisible();
  await expect(gate).toContainText('advisory');
  await expect(dialog.getByTestId('advisory-note')).toContainText('1 advisory gate not met: the move goes ahead');
  await expect(dialog.getByRole('button', { name: 'Promote to Staging', exact: true })).toBeEnabled();
  await page.screenshot({ path: `${SCREENSHOTS}/advisory-promote-dialog.png` });
  await dialog.getByRole('button', { name: 'Promote to Staging', exact: true }).click();
  await expect(card(page, 'Staging', 1)).toBeVisible();

  await page.goto(`/models/${MODEL}/history`);
  const promoted = page.locator('[data-testid="audit-event"][data-action="version.promoted"]');
  await expect(promoted.first().getByTestId('advisory-badge')).toHaveText('1 advisory gate not met');
  await promoted.first().getByText(/Gate results/).click();
  await expect(promoted.first().getByTestId('gate-result')).toHaveAttribute('data-advisory', 'true');
  await page.screenshot({ path: `${SCREENSHOTS}/advisory-audit.png`, fullPage: true });
  await context.close();
});

test('the admin sees and switches blocking and advisory per gate in the policy editor', async ({ browser }) => {
  const context = await contextFor(browser, people.admin);
  const page = await context.newPage();
  await page.goto(`/admin/policies/${MODEL}`);
  const staging = page.getByRole('radiogroup', { name: 'Staging gate 1: blocking or advisory' });
  await expect(staging.getByRole('radio', { name: 'Advisory' })).toBeChecked();
  await expect(page.getByText('0 blocking, 1 advisory (shown and recorded, never blocking)')).toBeVisible();

  // Make the Production card gate advisory (keyboard: arrow keys move within the radio group).
  const cardGate = page.getByRole('group', { name: /^Production gate \d+: Model card complete/ });
  await cardGate.getByRole('radio', { name: 'Blocking' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(cardGate.getByRole('radio', { name: 'Advisory' })).toBeChecked();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await expect(page.getByRole('group', { name: /^Production gate \d+: Approvals/ }).getByRole('radiogroup')).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/advisory-policy-editor.png`, fullPage: true });
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText(`Policy saved for ${MODEL}`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('group', { name: /^Production gate \d+: Model card complete/ }).getByRole('radio', { name: 'Advisory' })).toBeChecked();
  await context.close();
});

test('an advisory Production gate is shown on the request, and does not stop the approval', async ({ browser }) => {
  const scientist = await contextFor(browser, people.scientist);
  const page = await scientist.newPage();
  // v2: everything the blocking Production gates need, but no model card (that gate is advisory now).
  await seedVersion(MODEL, { complete: false, artifactDigest: `sha256:${'e'.repeat(64)}`, trainingDataHash: 'sha256:data', codeCommit: 'abc1234' });
  await page.goto(`/models/${MODEL}`);
  await card(page, 'Testing', 2).getByRole('button', { name: 'Promote to Staging' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Promote to Staging', exact: true }).click();
  await card(page, 'Staging', 2).getByRole('button', { name: 'Request Production' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('[data-advisory="true"][data-passed="false"]')).toContainText('Model card complete');
  await dialog.getByRole('textbox').first().fill('Card follows; the risk team reviewed the evaluation.');
  await dialog.getByRole('button', { name: 'Request Production', exact: true }).click();
  await expect(card(page, 'Staging', 2).getByTestId('pending-request')).toContainText('0/1 approvals');
  await scientist.close();

  const approver = await contextFor(browser, people.approver);
  const inbox = await approver.newPage();
  await inbox.goto('/approvals');
  const request = inbox.getByTestId('promotion-request').filter({ hasText: MODEL });
  await expect(request.getByTestId('advisory-note')).toContainText('1 advisory gate not met');
  await expect(request.locator('[data-advisory="true"][data-passed="false"]')).toContainText('Empty or missing sections');
  await expect(request.getByRole('button', { name: 'Approve' })).toBeEnabled();
  await request.scrollIntoViewIfNeeded();
  await inbox.screenshot({ path: `${SCREENSHOTS}/advisory-request.png` });
  await inbox.emulateMedia({ colorScheme: 'dark' });
  await expect(inbox.locator('html')).toHaveClass(/dark/);
  await request.scrollIntoViewIfNeeded();
  await inbox.screenshot({ path: `${SCREENSHOTS}/advisory-request-dark.png` });
  await approver.close();
});
