// Portfolio bulk update of versions in the browser (issue 16, item 4), and changing one model's owner: on a
// model's board, "Select versions" puts a checkbox on each card; "Select all" per column; the portfolio's own
// preview shows the Production version refused as the service says; apply, then download the result.
// Leaving the mode clears the selection. The owner is changed from the board header, with confirm and toast.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { contextFor, seedModel, seedPeople, seedProductionVersion, seedVersion, type People } from './fixtures';
import { SCREENSHOTS } from './helpers';

const PREFIX = `pv-${Date.now().toString(36)}`;
let people: People;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  people = await seedPeople();
});

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('select versions on the board → the preview refuses the Production one, with the reason → apply → download', async ({ browser }) => {
  const model = (await seedModel({ name: `${PREFIX}-board` })).name;
  const production = (await seedProductionVersion(model)).number;
  const testing = [(await seedVersion(model)).number, (await seedVersion(model)).number];
  const staging = (await seedVersion(model, { stage: 'staging' })).number;
  const context = await contextFor(browser, people.admin);
  const page = await context.newPage();
  await page.goto(`/models/${model}`);

  // Keyboard: switch the mode on; the cards' compare boxes give way to selection boxes.
  const toggle = page.getByRole('button', { name: 'Select versions' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Done selecting' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('checkbox', { name: `Compare v${testing[0]}` })).toHaveCount(0);
  const bar = page.getByRole('region', { name: 'Bulk actions on versions' });
  await expect(bar).toContainText('0 versions selected');
  await expect(bar.getByLabel('Bulk action').locator('option')).toHaveText(['Add a tag', 'Remove a tag', 'Archive versions']);

  await page.getByRole('button', { name: 'Select all in Testing' }).click();
  await expect(bar).toContainText('2 versions selected');
  await expect(page.getByRole('button', { name: 'Unselect all in Testing' })).toBeVisible();
  await page.getByRole('checkbox', { name: `Select v${production}` }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('checkbox', { name: `Select v${staging}` }).check();
  await expect(bar).toContainText('4 versions selected');
  await bar.getByLabel('Bulk action').selectOption('archive');
  await bar.getByLabel('Reason').fill('Q4 version tidy-up');
  await page.screenshot({ path: `${SCREENSHOTS}/portfolio-versions-select.png`, fullPage: true });
  await axe(page);
  await bar.getByRole('button', { name: 'Preview' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Archive versions — 4 versions selected');
  const refused = dialog.getByRole('region', { name: 'Will be refused (1)' });
  await expect(refused).toContainText(`${model}/v${production}`);
  await expect(refused).toContainText('INVALID_TRANSITION');
  await expect(dialog.getByRole('region', { name: 'Will change (3)' })).toContainText('Staging → Archived');
  await axe(page);
  await page.screenshot({ path: `${SCREENSHOTS}/portfolio-versions-preview.png` });

  await dialog.getByRole('button', { name: 'Apply to 3 items' }).click();
  await expect(dialog.getByRole('status')).toContainText('3 changed · 1 refused · 0 unchanged');
  await expect(page.getByText('Archive versions: 3 changed')).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.getByRole('link', { name: 'Download CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain(`${model}/v${staging},${model},${staging},changed,,,Staging,Archived,version.archived`);
  expect(csv).toMatch(new RegExp(`${model}/v${production},${model},${production},refused,INVALID_TRANSITION,`));
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The board follows: the archived cards left their columns, the selection is empty, Production stayed.
  await expect(page.getByRole('region', { name: 'Archived' }).getByRole('button', { name: 'Archived (3)' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Testing' })).toContainText('Nothing in Testing');
  await expect(bar).toContainText('0 versions selected');
  await expect(page.getByRole('region', { name: 'Production' }).getByTestId('version-card')).toHaveCount(1);

  // Leaving the mode clears the selection.
  await page.getByRole('checkbox', { name: `Select v${production}` }).check();
  await expect(bar).toContainText('1 version selected');
  await page.getByRole('button', { name: 'Done selecting' }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByRole('checkbox', { name: `Select v${production}` })).toHaveCount(0);
  await page.getByRole('button', { name: 'Select versions' }).click();
  await expect(bar).toContainText('0 versions selected');
  await context.close();
});

test('a scientist tags versions from the board in dark and at 390 px; a viewer gets no select mode', async ({ browser }) => {
  const model = (await seedModel({ name: `${PREFIX}-tags` })).name;
  const numbers = [(await seedVersion(model)).number, (await seedVersion(model, { stage: 'staging' })).number];
  for (const [theme, width] of [['dark', 1280], ['light', 390], ['dark', 390]] as const) {
    const context = await contextFor(browser, people.scientist, { colorScheme: theme, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`/models/${model}`);
    await page.getByRole('button', { name: 'Select versions' }).click();
    for (const n of numbers) await page.getByRole('checkbox', { name: `Select v${n}` }).check();
    const bar = page.getByRole('region', { name: 'Bulk actions on versions' });
    await bar.getByLabel('Tag key').fill(`reviewed-${theme}-${width}`);
    await page.screenshot({ path: `${SCREENSHOTS}/portfolio-versions-bar-${theme}-${width}.png`, fullPage: true });
    await bar.getByRole('button', { name: 'Preview' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('region', { name: 'Will change (2)' })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/portfolio-versions-preview-${theme}-${width}.png` });
    if (theme === 'dark' && width === 390) await axe(page);
    await dialog.getByRole('button', { name: 'Apply to 2 items' }).click();
    await expect(dialog.getByRole('status')).toContainText('2 changed · 0 refused · 0 unchanged');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('version-card').first()).toContainText(`reviewed-${theme}-${width}`);
    await context.close();
  }
  const context = await contextFor(browser, people.viewer);
  const page = await context.newPage();
  await page.goto(`/models/${model}`);
  await expect(page.getByRole('heading', { name: model })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Select versions' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Change the owner of ${model}` })).toHaveCount(0);
  await context.close();
});

test('an admin changes one model\'s owner from the board header: an unknown email is refused, then a toast', async ({ browser }) => {
  const model = (await seedModel({ name: `${PREFIX}-owner` })).name;
  for (const theme of ['light', 'dark'] as const) {
    const context = await contextFor(browser, people.admin, { colorScheme: theme });
    const page = await context.newPage();
    await page.goto(`/models/${model}`);
    const next = theme === 'light' ? people.approver : people.scientist;
    await page.getByRole('button', { name: `Change the owner of ${model}` }).click();
    const dialog = page.getByRole('dialog', { name: `Change the owner of ${model}` });
    await dialog.getByLabel("New owner's email").fill('nobody@nowhere.example');
    await dialog.getByRole('button', { name: 'Change owner' }).click();
    await expect(dialog.getByRole('alert')).toContainText('No user with the email nobody@nowhere.example');
    await page.screenshot({ path: `${SCREENSHOTS}/change-owner-refused-${theme}.png` });
    // Audit the dialog at rest, not the pressed button under the pointer.
    await page.mouse.move(0, 0);
    if (theme === 'dark') await axe(page);
    await dialog.getByLabel("New owner's email").fill(next.email);
    await dialog.getByRole('button', { name: 'Change owner' }).click();
    await expect(page.getByText(`${model} now belongs to ${next.email}`)).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('model-owner')).toContainText(next.name);
    await page.screenshot({ path: `${SCREENSHOTS}/change-owner-done-${theme}.png` });
    await context.close();
  }
  const context = await contextFor(browser, people.admin);
  const events = await (await context.request.get(`/api/v1/audit?model=${model}&action=model.updated`)).json();
  expect(events.events.length).toBe(2);
  await context.close();
});
