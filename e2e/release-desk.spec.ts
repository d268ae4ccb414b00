// The release desk in the browser (issue 16, items 1 and 6): a scientist fixes a card typo on the version page
// (preview, save, the card gate re-run, the revision diff), tags the version; a viewer sees no edit buttons;
// an admin sets a size gate in the policy editor; anyone who reads the model exports its history and prints a
// release dossier. Light and dark.
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { SCREENSHOTS, storageFor } from './helpers';

const MODEL = `desk-${Date.now().toString(36)}`;
const SECTIONS = ['Intended use', 'Limitations', 'Evaluation data', 'Ethical considerations'];
const TYPO_CARD = `${SECTIONS.slice(0, 3)
  .map((s) => `## ${s}\nScores card-not-present payments.\n`)
  .join('\n')}\n## Ethical considerations\n`;
const version = (n: number) => `/models/${MODEL}/versions/${n}`;

async function pageAs(browser: Browser, role: 'viewer' | 'scientist' | 'admin', colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ storageState: storageFor(role), colorScheme });
  return context.newPage();
}

async function register(api: APIRequestContext, body: Record<string, unknown>) {
  const response = await api.post(`/api/v1/models/${MODEL}/versions`, { data: { dataVersion: '2026-12', artifactUri: `s3://e2e/${MODEL}/${Date.now()}`, ...body } });
  expect(response.status(), await response.text()).toBe(201);
}

test.describe.configure({ mode: 'serial' });
// Each test walks through several pages and downloads; on a loaded machine that takes longer than the default 30 s.
test.setTimeout(120_000);

test('a scientist edits the model card with a preview; the card gate re-runs and the revisions diff', async ({ browser }) => {
  const page = await pageAs(browser, 'scientist');
  expect((await page.request.post('/api/v1/models', { data: { name: MODEL, description: 'The release desk, end to end' } })).status()).toBe(201);
  await register(page.request, {
    modelCard: TYPO_CARD,
    modelSizeBytes: 48_000_000,
    environment: { python: '3.11', cuda: '12.1' },
    artifactDigest: `sha256:${'c'.repeat(64)}`,
    metrics: [{ key: 'auc', value: 0.91 }],
  });

  // Over REST v1 the digest is immutable: a clear 409 with a code.
  const refused = await page.request.patch(`/api/v1/models/${MODEL}/versions/1`, { data: { artifactDigest: `sha256:${'d'.repeat(64)}` } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe('IMMUTABLE');

  await page.goto(version(1));
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('48 MB');
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('cuda');
  await page.getByRole('button', { name: 'Edit model card' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('tab', { name: 'Model card' })).toHaveAttribute('aria-selected', 'true');
  // Keyboard: arrow keys move between the fields' tabs.
  await dialog.getByRole('tab', { name: 'Model card' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('tab', { name: 'Changelog' })).toHaveAttribute('aria-selected', 'true');
  await dialog.getByRole('textbox', { name: 'Changelog' }).fill('- Card-not-present scoring\n- Smaller artifact');
  await dialog.getByRole('tab', { name: 'Model card' }).click();
  const card = dialog.getByRole('textbox', { name: 'Model card' });
  await card.fill(`${TYPO_CARD}Reviewed with the fairness board; no protected attribute is used.\n`);
  await dialog.getByLabel('Preview').check();
  await expect(dialog.getByLabel('Model card preview').getByRole('heading', { name: 'Ethical considerations' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/desk-edit-card-preview.png` });
  await dialog.getByRole('button', { name: 'Save 2 changes' }).click();
  await expect(page.getByText('Saved 2 edits')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Model card', exact: true })).toContainText('fairness board');
  await expect(page.getByRole('region', { name: 'Changelog' })).toContainText('Smaller artifact');

  const history = page.getByRole('region', { name: 'Model card history' });
  await expect(history).toContainText('Revision 2');
  await expect(history.getByLabel('Changes from revision 1 to 2')).toContainText('fairness board');
  await expect(history).toContainText('+1');
  await page.getByRole('region', { name: 'Model card history' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/desk-card-history.png`, fullPage: true });

  // Tags from the page; the audit timeline shows the edit.
  await page.getByLabel('Tag', { exact: true }).fill('team');
  await page.getByLabel('Value').fill('payments');
  await page.getByRole('button', { name: 'Set tag' }).click();
  await expect(page.getByText('Tagged team=payments')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tags and aliases' })).toContainText('team=payments');

  // The card gate, re-run: the default Production card gate passes now (the board's gate preview reads it).
  const gates = await page.request.get(`/api/models/${MODEL}/versions/1/gates?target=production`);
  const card_gate = ((await gates.json()).results as { kind: string; passed: boolean }[]).find((g) => g.kind === 'model-card-complete');
  expect(card_gate?.passed).toBe(true);

  await page.goto(`/models/${MODEL}/history`);
  await expect(page.locator('[data-testid="audit-event"][data-action="version.updated"]').first()).toContainText('model card, changelog');
  await page.context().close();
});

test('the version page in dark mode, and a viewer sees no edit buttons', async ({ browser }) => {
  const dark = await pageAs(browser, 'scientist', 'dark');
  await dark.goto(version(1));
  await expect(dark.getByRole('region', { name: 'Model card history' })).toContainText('Revision 2');
  await dark.screenshot({ path: `${SCREENSHOTS}/desk-version-dark.png`, fullPage: true });
  await dark.context().close();

  const viewer = await pageAs(browser, 'viewer');
  await viewer.goto(version(1));
  await expect(viewer.getByRole('region', { name: 'Model card', exact: true })).toContainText('fairness board');
  await expect(viewer.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Set tag' })).toHaveCount(0);
  const forbidden = await viewer.request.patch(`/api/v1/models/${MODEL}/versions/1`, { data: { description: 'x' } });
  expect(forbidden.status()).toBe(403);
  await viewer.context().close();
});

test('an admin adds a size gate in the policy editor; a version over it fails', async ({ browser }) => {
  const page = await pageAs(browser, 'admin');
  await page.goto(`/admin/policies/${MODEL}`);
  await page.getByLabel('Kind of gate to add to Staging').selectOption('model-size');
  await page.getByRole('button', { name: 'Add gate to Staging' }).click();
  const size = page.getByLabel('Largest size (MB)');
  await size.fill('40');
  await size.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/desk-size-gate-editor.png`, fullPage: true });
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  const policy = await page.request.get(`/api/admin/policies/${MODEL}`);
  expect(JSON.stringify(await policy.json())).toContain('"maxBytes":40000000');
  const gates = await page.request.get(`/api/models/${MODEL}/versions/1/gates?target=staging`);
  const sizeGate = ((await gates.json()).results as { kind: string; passed: boolean; detail: string }[]).find((g) => g.kind === 'model-size');
  expect(sizeGate).toMatchObject({ passed: false, detail: expect.stringContaining('48 MB') });
  await page.context().close();
});

test('a viewer exports the model history (bundle and CSV) and prints the release dossier', async ({ browser }) => {
  const page = await pageAs(browser, 'viewer');
  await page.goto(`/models/${MODEL}/history`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const bundle = await download;
  expect(bundle.suggestedFilename()).toBe(`modelgate-${MODEL}-bundle.json`);
  await expect(page.getByText(`Exported ${MODEL}`)).toBeVisible();
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Events CSV' }).click();
  expect((await csvDownload).suggestedFilename()).toBe(`modelgate-${MODEL}-events.csv`);
  await page.screenshot({ path: `${SCREENSHOTS}/desk-history-export.png` });

  await page.goto(version(1));
  await page.getByRole('link', { name: 'Release dossier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${MODEL} v1`);
  const dossier = page.getByRole('article', { name: 'Release dossier' });
  await expect(dossier.getByRole('heading', { name: '6. Audit events' })).toBeVisible();
  await expect(dossier).toContainText('version.updated');
  await expect(dossier).toContainText('npm run audit:verify');
  await expect(dossier.getByRole('heading', { name: 'Ethical considerations' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/desk-dossier.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: /Print/ })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await page.screenshot({ path: `${SCREENSHOTS}/desk-dossier-print.png`, fullPage: true });
  await page.pdf({ path: `${SCREENSHOTS}/desk-dossier.pdf`, format: 'A4', printBackground: true });
  await page.context().close();

  const dark = await pageAs(browser, 'viewer', 'dark');
  await dark.goto(`${version(1)}/dossier`);
  await expect(dark.getByRole('article', { name: 'Release dossier' })).toContainText('npm run audit:verify');
  await dark.screenshot({ path: `${SCREENSHOTS}/desk-dossier-dark.png`, fullPage: true });
  await dark.emulateMedia({ media: 'print' });
  await dark.screenshot({ path: `${SCREENSHOTS}/desk-dossier-dark-print.png`, fullPage: true });
  await dark.context().close();
});
