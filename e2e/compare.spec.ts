// A data scientist compares versions from the board, then follows a version's lineage to the impact of its data.
// Deliberately on the demo seed's fraud-detector, whose twelve versions, slices and lineage make the screenshots
// (read only: no spec changes the demo models).
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOTS, storageFor } from './helpers';

test.use({ storageState: storageFor('scientist') });

const MODEL = 'fraud-detector';

async function screenshotBothThemes(page: Page, name: string, fullPage = true) {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-dark.png`, fullPage });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a scientist picks three versions, compares them against Production, and traces v9 to the impact of its data', async ({ page }) => {
  await page.goto(`/models/${MODEL}`);
  for (const n of [12, 9, 10]) await page.getByLabel(`Compare v${n}`).check();
  const bar = page.getByRole('region', { name: 'Compare selection' });
  await expect(bar).toContainText('v9, v10, v12');
  await bar.getByRole('link', { name: 'Compare (3)' }).click();

  // A shareable URL, numbers in order.
  await expect(page).toHaveURL(new RegExp(`/models/${MODEL}/compare\\?v=9,10,12$`));
  await expect(page.getByRole('heading', { name: `Compare 4 versions of ${MODEL}` })).toBeVisible();
  await expect(page.getByTestId('baseline-note')).toContainText('Production v5, added because it was not in your selection');

  // The chart: one bar per compared version per metric, the baseline at zero.
  const chart = page.getByRole('figure', { name: 'Change vs baseline v5' });
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(chart.getByText('v5 (baseline)')).toBeVisible();

  // The delta table: the baseline's column is marked, each value has its delta, the best per row stands out.
  const table = page.getByTestId('delta-table');
  await expect(table.getByRole('columnheader', { name: /v5\s*baseline/ })).toBeVisible();
  const auc = table.getByRole('row', { name: /^auc/ });
  await expect(auc.getByRole('cell')).toHaveCount(4);
  await expect(auc.locator('[data-best]')).toHaveCount(1);
  await expect(auc).toContainText(/\+0\.\d+ \(\+\d/);
  await expect(table.getByRole('row', { name: /latency_p95_ms.*lower is better/ })).toBeVisible();

  // Slices: the per-slice table is there for the primary metric.
  await expect(page.getByTestId('slice-heatmap').getByRole('rowheader', { name: 'region=EU' })).toBeVisible();
  await screenshotBothThemes(page, 'compare');

  // The comparison as CSV: quoted by csv-stringify, baseline named in the header.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile((await (await csvDownload).path())!, 'utf8');
  expect(csv).toContain('v5 (baseline)');
  expect(csv).toMatch(/^metric,holdout-2026-09,,auc,higher is better,/m);

  // And the chart as PNG.
  const pngDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: /as PNG/ }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toBe(`${MODEL}-change-vs-baseline.png`);
  expect((await readFile((await png.path())!)).subarray(1, 4).toString()).toBe('PNG');

  // Parameters: rows that differ are marked; "differences only" hides the rest.
  const params = page.getByTestId('params-diff');
  await expect(params.getByRole('row', { name: /^framework/ })).toBeVisible();
  await expect(params.getByRole('row', { name: /^n_estimators/ })).toHaveAttribute('data-differs', 'true');
  await page.getByRole('switch', { name: 'Differences only' }).check();
  await expect(params.getByRole('row', { name: /^framework/ })).toHaveCount(0);
  await expect(params.getByRole('row', { name: /^code commit/ })).toBeVisible();
  await params.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/compare-differences-only.png` });

  // Lineage: from v9's page, its parent and child, and the data it was trained on.
  await page.getByRole('list', { name: 'Compared versions' }).getByRole('link', { name: 'v9', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/models/${MODEL}/versions/9$`));
  const graph = page.getByTestId('lineage-graph');
  await expect(graph.getByRole('list', { name: 'Parents and inputs' }).getByRole('link', { name: /v8/ })).toBeVisible();
  await expect(graph.getByRole('list', { name: 'Derived versions' }).getByRole('link', { name: /v10/ })).toBeVisible();
  await expect(graph.locator('path')).not.toHaveCount(0);
  await graph.scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'lineage', false);

  // The data source node opens its impact page, for the snapshot v9 used.
  await graph.getByRole('link', { name: /Data source/ }).click();
  await expect(page).toHaveURL(/\/data-sources\?uri=s3%3A%2F%2Fdatalake%2Fpayments%2Ftransactions&version=2026-09-01$/);
  await expect(page.getByRole('heading', { name: /What depends on s3:\/\/datalake\/payments\/transactions@2026-09-01/ })).toBeVisible();
  const affected = page.getByTestId('impact-version');
  // v9 and v10 were trained on it (Staging, listed first); later versions inherit it through their parents.
  await expect(affected.first()).toHaveAttribute('data-stage', 'staging');
  await expect(page.getByRole('row', { name: /^v11/ })).toContainText('inherited via v10');

  // All snapshots: the version in Production comes first.
  await page.getByRole('navigation', { name: 'Snapshots' }).getByRole('link', { name: /^all/ }).click();
  await expect(affected.first()).toHaveAttribute('data-stage', 'production');
  await expect(page.getByRole('status')).toContainText('1 in Production');
  await screenshotBothThemes(page, 'impact');
});

test('the trend below the board shows every version with its Production periods, and a card compares with Production', async ({ page }) => {
  await page.goto(`/models/${MODEL}`);
  const trend = page.getByRole('figure', { name: 'auc by version' });
  await expect(trend.locator('.recharts-line-curve')).toBeVisible();
  await expect(trend.locator('.production-bands rect')).not.toHaveCount(0);
  await expect(trend).toContainText('all 12 versions');
  await trend.scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'board-trend', false);

  await page.getByLabel('Metric', { exact: true }).selectOption('latency_p95_ms');
  await expect(page.getByRole('figure', { name: 'latency_p95_ms by version' })).toContainText('Lower is better');

  const card = page.getByTestId('version-card').filter({ has: page.getByRole('link', { name: /^v10\b/ }) });
  await card.getByRole('link', { name: 'Compare with Production' }).click();
  await expect(page).toHaveURL(new RegExp(`/models/${MODEL}/compare\\?v=5,10$`));
  await expect(page.getByTestId('compared-version')).toHaveCount(2);
});

test('a comparison link that cannot work says why', async ({ page }) => {
  const problem = page.getByRole('main').getByRole('alert');
  await page.goto(`/models/${MODEL}/compare?v=9`);
  await expect(problem).toHaveText('Choose at least 2 versions to compare.');
  await page.goto(`/models/${MODEL}/compare?v=9,9`);
  await expect(problem).toHaveText('v9 is listed more than once.');
  await page.goto(`/models/${MODEL}/compare?v=9,404`);
  await expect(problem).toContainText(`${MODEL} has no v404`);
  await expect(page.getByRole('link', { name: 'Back to the board' })).toBeVisible();
});
