// Retention rules as an admin uses them: set a rule in the policy editor, read the dry run, run it now, see
// the versions in Archived and the rule's events in the history.
import { expect, test, type Browser } from '@playwright/test';
import type { Policy } from '../lib/registry';
import { pageFor, seedModel, seedPendingRequest, seedPeople, seedProductionVersion, seedVersion, type People } from './fixtures';
import { SCREENSHOTS } from './helpers';

const POLICY: Policy = { staging: [], production: [{ kind: 'approvals', count: 1 }] };

let people: People;
let MODEL = '';

test.describe.configure({ mode: 'serial' });

// v1 Production, v2 Staging with a pending request, v3…v6 Testing.
test.beforeAll(async () => {
  people = await seedPeople();
  const model = await seedModel({ owner: people.scientist, policy: POLICY, description: 'Retention, end to end' });
  MODEL = model.name;
  await seedProductionVersion(model, { by: people.scientist, approvers: [people.approver] });
  await seedPendingRequest(model, { by: people.scientist });
  for (let i = 0; i < 4; i++) await seedVersion(model, { by: people.scientist });
});

const adminPage = (browser: Browser, options: Parameters<typeof pageFor>[2] = {}) => pageFor(browser, people.admin, options);

test('an admin sets a retention rule, reads the dry run, runs it and sees the versions archived and audited', async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto(`/admin/policies/${MODEL}`);
  const section = page.getByTestId('retention-section');
  await expect(section.getByText('No rule: nothing is archived automatically')).toBeVisible();

  await section.getByLabel('Archive old Testing versions automatically').check();
  const days = section.getByLabel(/Archive after this many days in Testing/);
  const keep = section.getByLabel(/Always keep the newest Testing versions/);

  // Bad input is answered beside the field, and nothing can be saved.
  await days.fill('0');
  await expect(section.getByText('At least 1 day.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save policy' })).toBeDisabled();
  await days.fill('');
  await keep.fill('');
  await expect(section.getByText(/needs a number of days, a number of newest Testing versions to keep, or both/)).toBeVisible();

  // Keep the newest two: the dry run names what would go and why the rest stay.
  await keep.fill('2');
  const dryRun = section.getByTestId('retention-dry-run');
  await expect(dryRun.getByTestId('retention-archive')).toHaveCount(2);
  await expect(dryRun.getByTestId('retention-archive').first()).toContainText('v3');
  await expect(dryRun.getByTestId('retention-archive').first()).toContainText('beyond the newest 2 Testing versions');
  await expect(dryRun.getByTestId('retention-kept').filter({ hasText: 'v6' })).toContainText('one of the newest 2 Testing versions');
  await expect(dryRun.getByTestId('retention-kept').filter({ hasText: 'v2' })).toContainText('Staging, named by a pending request');
  await expect(dryRun.getByTestId('retention-kept').filter({ hasText: 'v1' })).toContainText('Production');
  // Run now applies the saved rule only.
  await expect(section.getByRole('button', { name: 'Run now' })).toBeDisabled();
  await expect(section.getByText('Save the policy first')).toBeVisible();
  await section.screenshot({ path: `${SCREENSHOTS}/retention-dry-run.png` });

  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText(`Policy saved for ${MODEL}`)).toBeVisible();
  await expect(section.getByRole('button', { name: 'Run now' })).toBeEnabled();
  await section.getByRole('button', { name: 'Run now' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: `Archive 2 versions of ${MODEL} now?` })).toBeVisible();
  await expect(dialog).toContainText('v3');
  await expect(dialog).toContainText('v4');
  await dialog.screenshot({ path: `${SCREENSHOTS}/retention-confirm.png` });
  await dialog.getByRole('button', { name: 'Archive now' }).click();
  await expect(page.getByText(`Archived v3, v4 of ${MODEL}`)).toBeVisible();
  await expect(dryRun.getByText('Nothing: every version stays.')).toBeVisible();

  // The board's Testing column has the newest two left; the history shows the rule's archives.
  const versions = await page.request.get(`/api/v1/models/${MODEL}/versions?stage=archived`);
  expect(((await versions.json()) as { versions: { number: number }[] }).versions.map((v) => v.number).sort()).toEqual([3, 4]);
  await page.goto('/admin/policies');
  await expect(page.getByRole('row').filter({ hasText: MODEL })).toContainText('Archives beyond the newest 2 Testing versions');
  await page.goto(`/models/${MODEL}/history`);
  const event = page.getByTestId('audit-event').filter({ hasText: 'archived v3' });
  await expect(event).toContainText(`retention rule archived v3 when ${people.admin.email}`);
  await expect(event.getByTestId('retention-badge')).toBeVisible();
  await expect(event).toContainText('retention: beyond the newest 2 Testing versions (policy; run now by');
  await page.screenshot({ path: `${SCREENSHOTS}/retention-history.png`, fullPage: true });
  await page.context().close();
});

test('the retention section in dark mode and at phone width', async ({ browser }) => {
  const dark = await adminPage(browser, { colorScheme: 'dark' });
  await dark.goto(`/admin/policies/${MODEL}`);
  const section = dark.getByTestId('retention-section');
  await expect(section.getByTestId('retention-dry-run')).toBeVisible();
  await section.screenshot({ path: `${SCREENSHOTS}/retention-dry-run-dark.png` });
  await dark.context().close();

  const phone = await adminPage(browser, { viewport: { width: 390, height: 844 } });
  await phone.goto(`/admin/policies/${MODEL}`);
  const narrow = phone.getByTestId('retention-section');
  await expect(narrow.getByTestId('retention-dry-run')).toBeVisible();
  await narrow.screenshot({ path: `${SCREENSHOTS}/retention-dry-run-390.png` });
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await phone.context().close();
});
