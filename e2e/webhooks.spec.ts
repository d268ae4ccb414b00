// Webhooks as an admin sets them up: add one, keep the secret, see a promotion arrive signed, read the delivery log.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { verify } from '../lib/webhooks/signature';
import { contextFor, pageFor, seedModel, seedPeople, seedVersion, sessionFor, type People } from './fixtures';
import { SCREENSHOTS } from './helpers';

// This spec's own model, with a version in Testing that the scientist below promotes.
let MODEL = '';
let VERSION = 0;
let people: People;

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const received: Received[] = [];
let receiver: Server;
let hookUrl = '';
let secret = '';

test.describe.configure({ mode: 'serial' });

// A receiver on loopback that records every request and answers 204, as a CI system's endpoint would.
test.beforeAll(async () => {
  people = await seedPeople();
  const model = await seedModel({ description: 'Webhooks, end to end' });
  MODEL = model.name;
  VERSION = (await seedVersion(model)).number;
  receiver = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

test.afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

function adminPage(browser: Browser, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  return pageFor(browser, people.admin, { colorScheme });
}

const hookRow = (page: Page) => page.getByTestId('webhook-row').filter({ hasText: hookUrl });

test('admin adds a webhook for one model and sees its signing secret once', async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
  await expect(page.getByText('No webhooks yet')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/admin-webhooks-empty.png` });

  await page.getByRole('button', { name: 'New webhook' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Add webhook' }).click();
  await expect(dialog.getByText('Enter an http or https URL')).toBeVisible();
  await dialog.getByLabel('URL', { exact: true }).fill(hookUrl);
  await dialog.getByLabel('Model', { exact: true }).selectOption(MODEL);
  const events = dialog.getByRole('group', { name: 'Events' });
  await events.getByRole('button', { name: 'Clear' }).click();
  await expect(events.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Add webhook' }).click();
  await expect(dialog.getByText('Choose at least one event.')).toBeVisible();
  await events.getByRole('button', { name: 'Select all' }).click();
  await expect(events.getByLabel('version.promoted')).toBeChecked();
  await dialog.getByRole('button', { name: 'Add webhook' }).click();

  await expect(dialog.getByRole('heading', { name: 'Webhook added' })).toBeVisible();
  secret = (await dialog.getByTestId('shown-once-secret').textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  await expect(dialog).toContainText('the only time Modelgate shows it');
  await expect(dialog).toContainText('X-Modelgate-Signature: sha256=<hex HMAC-SHA256 of the raw body with this secret>');
  await expect(dialog.getByRole('button', { name: 'Copy signing secret' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/admin-webhooks-secret.png` });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(secret)).toHaveCount(0);

  const row = hookRow(page);
  await expect(row).toContainText(MODEL);
  await expect(row).toContainText('all events');
  await expect(row).toContainText('none yet');
  await expect(row).toContainText('active');
  await page.context().close();
});

test('a promotion through the API reaches the receiver, signed with that secret', async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, storageState: await sessionFor(people.scientist) });
  const promoted = await api.post(`/api/v1/models/${MODEL}/versions/${VERSION}/promote`, { data: {} });
  expect(promoted.status()).toBe(200);
  await api.dispose();

  // The server's dispatcher runs every two seconds, after the promotion's transaction commits.
  const payloads = () => received.filter((r) => r.method === 'POST' && r.path === '/hook').map((r) => JSON.parse(r.body) as Record<string, unknown>);
  await expect.poll(payloads, { timeout: 15_000 }).toContainEqual(expect.objectContaining({ event: 'version.promoted', model: MODEL, version: VERSION, toStage: 'staging' }));

  const delivery = received.find((r) => (JSON.parse(r.body) as { event?: string }).event === 'version.promoted')!;
  const signature = delivery.headers['x-modelgate-signature'] as string;
  expect(verify(secret, delivery.body, signature)).toBe(true);
  expect(verify('whsec_someone-else', delivery.body, signature)).toBe(false);
  expect(delivery.headers['x-modelgate-event']).toBe('version.promoted');
  expect(delivery.headers['x-modelgate-delivery']).toBe((JSON.parse(delivery.body) as { id: string }).id);
  // Every request the receiver got carries a valid signature, not just the one looked for.
  expect(received.every((r) => verify(secret, r.body, r.headers['x-modelgate-signature'] as string))).toBe(true);
});

test('admin sees the delivery as delivered with a 2xx in the delivery log', async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto('/admin/webhooks');
  const row = hookRow(page);
  const toggle = row.getByRole('button', { name: `Deliveries to ${hookUrl}` });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const delivered = page.getByRole('table', { name: `Deliveries to ${hookUrl}` }).getByTestId('delivery-row').filter({ hasText: 'version.promoted' });
  await expect(delivered).toContainText('delivered');
  await expect(delivered).toContainText(/HTTP 2\d\d/);
  const deliveryId = received.find((r) => r.headers['x-modelgate-event'] === 'version.promoted')!.headers['x-modelgate-delivery'] as string;
  await expect(delivered).toContainText(deliveryId.slice(0, 8));
  await expect(row).toContainText(/delivered\s*204/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/admin-webhooks.png`, fullPage: true });
  await page.context().close();
});

test('the webhooks page and the new-webhook form in dark mode', async ({ browser }) => {
  const page = await adminPage(browser, 'dark');
  await page.goto('/admin/webhooks');
  await hookRow(page).getByRole('button', { name: `Deliveries to ${hookUrl}` }).click();
  await expect(page.getByTestId('delivery-row').filter({ hasText: 'version.promoted' })).toContainText('delivered');
  await page.screenshot({ path: `${SCREENSHOTS}/admin-webhooks-dark.png`, fullPage: true });
  await page.getByRole('button', { name: 'New webhook' }).click();
  await expect(page.getByRole('dialog').getByLabel('URL', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/admin-webhooks-new-dark.png` });
  await page.context().close();
});

test('admin removes the webhook; its delivery log stays readable', async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto('/admin/webhooks');
  const row = hookRow(page);
  await row.getByRole('button', { name: `Remove webhook to ${hookUrl}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Its delivery log stays here');
  await dialog.getByRole('button', { name: 'Remove webhook' }).click();
  await expect(page.getByText(`Stopped sending to ${hookUrl}`)).toBeVisible();
  await expect(row).toContainText('removed');
  await expect(row.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await row.getByRole('button', { name: `Deliveries to ${hookUrl}` }).click();
  await expect(page.getByTestId('delivery-row').filter({ hasText: 'version.promoted' })).toContainText('delivered');
  await page.screenshot({ path: `${SCREENSHOTS}/admin-webhooks-removed.png`, fullPage: true });
  await page.context().close();
});

test('admin adds a chat webhook (Slack, Teams) and a demotion arrives as one { text } line naming the version, with its link', async ({ browser, playwright, baseURL }) => {
  const chatUrl = hookUrl.replace(/\/hook$/, '/chat');
  const page = await adminPage(browser);
  await page.goto('/admin/webhooks');
  await page.getByRole('button', { name: 'New webhook' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('URL', { exact: true }).fill(chatUrl);
  await dialog.getByLabel('Model', { exact: true }).selectOption(MODEL);
  await dialog.getByLabel('Kind', { exact: true }).selectOption('chat');
  await expect(dialog).toContainText('paste a Slack or Microsoft Teams incoming-webhook URL');
  await page.screenshot({ path: `${SCREENSHOTS}/admin-webhooks-new-chat.png` });
  await dialog.getByRole('button', { name: 'Add webhook' }).click();
  await expect(dialog.getByRole('heading', { name: 'Webhook added' })).toBeVisible();
  await expect(dialog).toContainText('one line naming the model, version, stages and who acted');
  await expect(dialog.getByTestId('shown-once-secret')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  const row = page.getByTestId('webhook-row').filter({ hasText: chatUrl });
  await expect(row).toContainText('chat');

  const api = await playwright.request.newContext({ baseURL, storageState: await sessionFor(people.scientist) });
  expect((await api.post(`/api/v1/models/${MODEL}/versions/${VERSION}/demote`, { data: { reason: 'needs more slices' } })).status()).toBe(200);
  await api.dispose();
  const texts = () => received.filter((r) => r.path === '/chat').map((r) => JSON.parse(r.body) as Record<string, unknown>);
  await expect.poll(texts, { timeout: 15_000 }).toContainEqual({ text: expect.stringContaining(`*${MODEL}* v${VERSION} (Staging → Testing) by ${people.scientist.email}`) });
  expect(texts()[0]!.text).toContain(`/models/${MODEL}/versions/${VERSION}`);
  expect(received.find((r) => r.path === '/chat')!.headers['x-modelgate-signature']).toBeUndefined();
  // The address guard still applies: the REST API refuses a chat hook to the cloud metadata address.
  const admin = await playwright.request.newContext({ baseURL, storageState: await sessionFor(people.admin) });
  const refused = await admin.post('/api/admin/webhooks', { data: { url: 'http://169.254.169.254/hook', format: 'chat' } });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('link-local');
  expect((await admin.post('/api/admin/webhooks', { data: { url: chatUrl, format: 'pager' } })).status()).toBe(400);
  await admin.dispose();
  await page.screenshot({ path: `${SCREENSHOTS}/admin-webhooks-chat.png`, fullPage: true });
  await page.context().close();
});

test('on a 420 px phone the header keeps every section in reach and the webhooks table scrolls inside its box', async ({ browser }) => {
  const context = await contextFor(browser, people.admin, { viewport: { width: 420, height: 860 } });
  const page = await context.newPage();
  await page.goto('/admin/webhooks');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Models', 'Approvals', 'Data', 'Audit', 'API', 'Admin']) {
    await expect(nav.getByRole('link', { name })).toBeInViewport({ ratio: 1 });
  }
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveAttribute('aria-current', 'page');
  await expect(hookRow(page)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
  await page.screenshot({ path: `${SCREENSHOTS}/admin-webhooks-420.png`, fullPage: true });
  await context.close();
});

test('every signed-in user has Audit and API in the main nav; Admin stays admin-only', async ({ browser }) => {
  const context = await contextFor(browser, people.viewer);
  const page = await context.newPage();
  await page.goto('/models');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Audit' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(nav.getByRole('link', { name: 'Audit' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'API' }).click();
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(nav.getByRole('link', { name: 'API' })).toHaveAttribute('aria-current', 'page');
  await context.close();
});

test('an approver gets 403 on the webhooks page and its handlers', async ({ browser, playwright, baseURL }) => {
  const context = await contextFor(browser, people.approver);
  const page = await context.newPage();
  expect((await page.goto('/admin/webhooks'))?.status()).toBe(403);
  await expect(page.getByRole('table', { name: 'Webhooks' })).toHaveCount(0);
  const api = await playwright.request.newContext({ baseURL, storageState: await sessionFor(people.approver) });
  expect((await api.get('/api/admin/webhooks')).status()).toBe(403);
  expect((await api.post('/api/admin/webhooks', { data: { url: 'https://evil.example/hook' } })).status()).toBe(403);
  await api.dispose();
  await context.close();
});
