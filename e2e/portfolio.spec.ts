// Portfolio bulk update in the browser (issue 16, item 4): an admin searches the models page, selects every
// match, previews a tag (changes and what is already so), applies it, watches it finish and downloads the
// result; a viewer granted scientist on one model previews a change on two and sees the other refused, with
// the reason. Light, dark and 390 px; the dialog passes axe.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { contextFor, seedGrant, seedModel, seedPendingRequest, seedPeople, seedProductionVersion, seedVersion, type People } from './fixtures';
import { SCREENSHOTS } from './helpers';

const PREFIX = `pf-${Date.now().toString(36)}`;
const names = [0, 1, 2].map((i) => `${PREFIX}-${i}`);
let people: People;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  people = await seedPeople();
  await seedModel({ name: names[0], tags: [PREFIX] });
  await seedModel({ name: names[1], tags: [PREFIX, 'tier=gold'] });
  await seedModel({ name: names[2], tags: [PREFIX] });
  await seedGrant(people.viewer, names[0]!, 'scientist');
});

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an admin selects every model a search matches, previews a tag, applies it and downloads the result', async ({ browser }) => {
  const context = await contextFor(browser, people.admin);
  const page = await context.newPage();
  await page.goto(`/models?q=${PREFIX}`);
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar).toContainText('0 selected');
  await expect(bar.getByRole('button', { name: 'Preview' })).toBeDisabled();

  // Keyboard: tick one row, then the whole page.
  await page.getByRole('checkbox', { name: `Select ${names[0]}` }).focus();
  await page.keyboard.press('Space');
  await expect(bar).toContainText('1 selected');
  await bar.getByRole('checkbox', { name: 'Select this page' }).check();
  await expect(bar).toContainText('3 selected');
  await bar.getByLabel('Bulk action').selectOption('add-tag');
  await bar.getByLabel('Tag key').fill('tier');
  await bar.getByLabel('Value (optional)').fill('gold');
  await page.screenshot({ path: `${SCREENSHOTS}/portfolio-selection.png`, fullPage: true });
  await bar.getByRole('button', { name: 'Preview' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('region', { name: 'Will change (2)' })).toContainText(`${PREFIX} → ${PREFIX}, tier=gold`);
  await expect(dialog.getByRole('region', { name: 'Unchanged (1)' })).toContainText('Already tagged tier=gold.');
  await axe(page);
  await page.screenshot({ path: `${SCREENSHOTS}/portfolio-preview.png` });

  await dialog.getByRole('button', { name: 'Apply to 2 items' }).click();
  await expect(dialog.getByRole('status')).toContainText('2 changed · 0 refused · 1 unchanged');
  await expect(page.getByText('Add a tag: 2 changed')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/portfolio-result.png` });
  const download = page.waitForEvent('download');
  await dialog.getByRole('link', { name: 'Download CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain('item,model,version,outcome,code,reason,before,after,audit_events');
  expect(csv).toContain(`${names[0]},${names[0]},,changed,,,${PREFIX},"${PREFIX}, tier=gold",model.tag_set`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The list shows the new tags; the audit history has one event per model changed.
  await expect(page.getByRole('listitem').filter({ hasText: names[2]! }).getByRole('list', { name: 'Tags' })).toContainText('tier=gold');
  const events = await page.request.get(`/api/v1/audit?model=${names[0]}&action=model.tag_set`);
  expect((await events.json()).events.length).toBeGreaterThanOrEqual(1);
  await context.close();
});

test('a viewer granted scientist on one model sees the other refused, with the reason, before anything happens', async ({ browser }) => {
  for (const [theme, width] of [['light', 1280], ['dark', 1280], ['light', 390]] as const) {
    const context = await contextFor(browser, people.viewer, { colorScheme: theme, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`/models?q=${PREFIX}`);
    await page.getByRole('checkbox', { name: `Select ${names[0]}` }).check();
    await page.getByRole('checkbox', { name: `Select ${names[2]}` }).check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    // A viewer with a scientist grant is offered what a scientist may do somewhere: tags and archive.
    await expect(bar.getByLabel('Bulk action').locator('option')).toHaveText(['Add a tag', 'Remove a tag', 'Archive versions']);
    await bar.getByLabel('Tag key').fill('reviewed');
    await page.screenshot({ path: `${SCREENSHOTS}/portfolio-bar-${theme}-${width}.png`, fullPage: true });
    await bar.getByRole('button', { name: 'Preview' }).click();
    const dialog = page.getByRole('dialog');
    const refused = dialog.getByRole('region', { name: 'Will be refused (1)' });
    await expect(refused).toContainText(names[2]!);
    await expect(refused).toContainText('FORBIDDEN');
    await expect(refused).toContainText('Needs the data scientist role');
    await expect(dialog.getByRole('region', { name: 'Will change (1)' })).toContainText(names[0]!);
    await page.screenshot({ path: `${SCREENSHOTS}/portfolio-refused-${theme}-${width}.png` });
    if (theme === 'dark') await axe(page);
    // Escape closes the dialog and nothing was written.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await context.close();
  }
  const context = await contextFor(browser, people.admin);
  const models = await (await context.request.get(`/api/v1/models?q=${PREFIX}`)).json();
  expect(models.items.every((m: { tags: string[] }) => !m.tags.includes('reviewed'))).toBe(true);
  await context.close();
});

test('an admin archives a model\'s Testing and Staging versions: the preview names the request it cancels, Production stays', async ({ browser }) => {
  const model = (await seedModel({ name: `${PREFIX}-archive` })).name;
  await seedProductionVersion(model);
  await seedVersion(model);
  const { number: requested } = await seedPendingRequest(model);
  const context = await contextFor(browser, people.admin, { colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`/models?q=${PREFIX}-archive`);
  await page.getByRole('checkbox', { name: `Select ${model}` }).check();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await bar.getByLabel('Bulk action').selectOption('archive');
  await bar.getByLabel('Reason').fill('Q4 portfolio tidy-up');
  await bar.getByRole('button', { name: 'Preview' }).click();
  const changes = page.getByRole('dialog').getByRole('region', { name: 'Will change (2)' });
  await expect(changes).toContainText(`${model}/v${requested}`);
  await expect(changes).toContainText('Staging → Archived');
  await expect(changes).toContainText('Audit: version.archived, promotion.cancelled');
  await page.screenshot({ path: `${SCREENSHOTS}/portfolio-archive-preview-dark.png` });
  await page.getByRole('dialog').getByRole('button', { name: 'Apply to 2 items' }).click();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('2 changed · 0 refused · 0 unchanged');
  const versions = await (await context.request.get(`/api/v1/models/${model}/versions`)).json();
  expect(versions.versions.map((v: { stage: string }) => v.stage).sort()).toEqual(['archived', 'archived', 'production']);
  await context.close();
});

test('"select all matching" takes every model the search matches, beyond the page, as the filter', async ({ browser }) => {
  const wide = `${PREFIX}-wide`;
  for (let i = 0; i < 22; i++) await seedModel({ name: `${wide}-${String(i).padStart(2, '0')}` });
  const context = await contextFor(browser, people.admin);
  const page = await context.newPage();
  await page.goto(`/models?q=${wide}`);
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await bar.getByRole('checkbox', { name: 'Select this page' }).check();
  await expect(bar).toContainText('20 selected');
  await bar.getByRole('button', { name: `Select all 22 matching “${wide}”` }).click();
  await expect(bar).toContainText('22 selected');
  await bar.getByLabel('Tag key').fill('wide');
  await bar.getByRole('button', { name: 'Preview' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('region', { name: 'Will change (22)' })).toBeVisible();
  // A long list scrolls inside the dialog, by keyboard too.
  await axe(page);
  await page.screenshot({ path: `${SCREENSHOTS}/portfolio-all-matching.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await context.close();
});
