// Script and HTML in every user-supplied field render as inert text on every page that shows them.
import { expect, test } from '@playwright/test';
import { contextFor, seedUser, uniqueName } from './fixtures';
import { SCREENSHOTS } from './helpers';

const PAYLOAD = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script>';

test('payloads in descriptions, cards, tags and comments stay text', async ({ browser }) => {
  // The payloads go in through the API, as this spec's own scientist, on a model of its own.
  const MODEL = uniqueName('xss-probe');
  const context = await contextFor(browser, await seedUser({ role: 'scientist' }));
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const api = page.request;
  expect((await api.post('/api/v1/models', { data: { name: MODEL, description: `desc ${PAYLOAD}`, tags: ['safe-tag'], metrics: [{ key: 'auc', direction: 'higher', isPrimary: true }] } })).status()).toBe(201);
  const card = ['Intended use', 'Limitations', 'Evaluation data', 'Ethical considerations'].map((s) => `## ${s}\n${PAYLOAD}\n[click me](javascript:window.__xss=3)`).join('\n\n');
  const version = await api.post(`/api/v1/models/${MODEL}/versions`, {
    data: { dataVersion: `d ${PAYLOAD}`.slice(0, 200), artifactUri: `s3://x/${PAYLOAD}`, artifactDigest: `sha256:${'e'.repeat(64)}`, trainingDataHash: 'h', codeCommit: 'c', description: PAYLOAD, modelCard: card, tags: { note: PAYLOAD }, metrics: [{ key: 'auc', value: 0.9 }] },
  });
  expect(version.status()).toBe(201);
  expect((await api.post(`/api/v1/models/${MODEL}/versions/1/promote`, { data: {} })).status()).toBe(200);
  expect((await api.post(`/api/v1/models/${MODEL}/versions/1/promotion-requests`, { data: { comment: `please ${PAYLOAD}` } })).status()).toBe(201);

  for (const path of ['/models', `/models/${MODEL}`, `/models/${MODEL}/versions/1`, '/approvals', '/audit', `/models/${MODEL}/history`]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.getByText('<script>window.__xss=2</script>', { exact: false }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
    await expect(page.locator('img[src="x"]'), path).toHaveCount(0);
    await expect(page.locator('main script:not([src])').filter({ hasText: '__xss' }), path).toHaveCount(0);
  }
  // The markdown link with a javascript: URL is not a link (markdown-it leaves it as text), or has no such href.
  await page.goto(`/models/${MODEL}/versions/1`);
  const link = page.getByText('click me').first();
  expect((await link.getAttribute('href')) ?? '').not.toMatch(/^javascript:/i);
  await page.screenshot({ path: `${SCREENSHOTS}/xss-version.png`, fullPage: true });
  expect(dialogs).toEqual([]);
  await context.close();
});

test('security headers are set on every page', async ({ request }) => {
  const response = await request.get('/signin');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
});
