// The audit timeline and the question compliance asks: what was in Production at time T, and who put it there?
// Deliberately on the demo seed's months of history (read only: no spec changes the demo models).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SCREENSHOTS, storageFor } from './helpers';

interface EventRow {
  at: string;
  action: string;
  version: number | null;
  actor: string;
}

test('a viewer reads the timeline and filters it by action', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageFor('viewer') });
  const page = await context.newPage();
  await page.goto('/audit');
  await expect(page.getByRole('heading', { name: 'Audit' })).toBeVisible();
  await expect(page.getByTestId('audit-event').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export history' })).toHaveCount(0);
  await page.getByLabel('Model').selectOption('fraud-detector');
  await page.getByLabel('Action').selectOption('model.rolled_back');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/action=model.rolled_back/);
  const events = page.getByTestId('audit-event');
  await expect(events).toHaveCount(1);
  await expect(events.first()).toContainText('rolled back');
  await expect(events.first()).toContainText('Precision dropped 8% on EU mobile traffic');
  await page.screenshot({ path: `${SCREENSHOTS}/audit-filtered.png`, fullPage: true });
  await context.close();
});

test('the history page answers what was in Production at a given time', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageFor('viewer'), timezoneId: 'UTC' });
  const page = await context.newPage();
  // Find two consecutive deployments in the seeded history through the API, then ask the page about a moment between them.
  const response = await page.request.get('/api/v1/audit?model=fraud-detector&action=version.deployed&limit=50');
  const deployments = ((await response.json()) as { events: EventRow[] }).events.reverse();
  const first = deployments.find((d) => d.version === 3)!;
  const next = deployments[deployments.indexOf(first) + 1]!;
  const t = new Date(Date.parse(first.at) + 60 * 60 * 1000);

  await page.goto('/models/fraud-detector/history');
  await expect(page.getByRole('region', { name: 'Production timeline' })).toBeVisible();
  await page.getByLabel('Date and time').fill(t.toISOString().slice(0, 19));
  await page.getByRole('button', { name: 'Look up' }).click();
  const answer = page.getByTestId('production-at-answer');
  await expect(answer).toContainText('v3 (1.1.0) was in Production');
  await expect(answer).toContainText(`put there by ${first.actor}`);
  await expect(answer).toContainText(`replaced by v${next.version}`);
  await page.screenshot({ path: `${SCREENSHOTS}/history.png`, fullPage: true });
  await context.close();
});

test('an admin exports the filtered history as CSV with hash columns', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageFor('admin') });
  const page = await context.newPage();
  await page.goto('/models/churn-predictor/history');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export history' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('id,at,actor_id,actor,action,model_id,model,version_id,version,from_stage,to_stage,comment,override,data,chain_key,chain_seq,prev_hash,hash,canonical');
  expect(lines.length).toBeGreaterThan(10);
  expect(lines.slice(1).every((l) => l.includes('churn-predictor'))).toBe(true);
  await context.close();
});
