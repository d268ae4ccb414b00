// Notification settings as a person uses them: reach them from the header, switch a kind off (by mouse and by
// keyboard), see it kept after a reload and over REST; and the reminder section of the policy editor.
import { expect, test } from '@playwright/test';
import { contextFor, pageFor, seedModel, seedUser, sessionFor, type SeededUser } from './fixtures';
import { SCREENSHOTS } from './helpers';

let approver: SeededUser;
let admin: SeededUser;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  [approver, admin] = await Promise.all([seedUser({ role: 'approver', name: 'Nora Notified' }), seedUser({ role: 'admin', name: 'Alex Admin' })]);
});

test('an approver turns reminders off from the header link; the choice is kept and served by the REST API', async ({ browser, playwright, baseURL }) => {
  const page = await pageFor(browser, approver);
  await page.goto('/models');
  await page.getByRole('link', { name: 'Notification settings' }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  // The e2e server has no SMTP server: the page says so instead of pretending.
  await expect(page.getByRole('status').filter({ hasText: 'Mail is off on this server' })).toBeVisible();
  await expect(page.getByText(`Sent to ${approver.email}`)).toBeVisible();
  for (const name of ['New requests I can decide', 'Decisions on my requests', 'Mentions', 'Reminders']) {
    await expect(page.getByRole('switch', { name })).toBeChecked();
  }
  await page.screenshot({ path: `${SCREENSHOTS}/settings-notifications.png`, fullPage: true });

  const saved = () => page.waitForResponse((r) => r.url().endsWith('/api/v1/me/notification-preferences') && r.request().method() === 'PUT');
  let response = saved();
  await page.getByRole('switch', { name: 'Reminders' }).click();
  expect((await response).status()).toBe(200);
  await expect(page.getByText('Notification settings saved')).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Reminders' })).not.toBeChecked();
  // By keyboard: Space on a focused switch.
  await page.getByRole('switch', { name: 'Mentions' }).focus();
  response = saved();
  await page.keyboard.press('Space');
  await expect(page.getByRole('switch', { name: 'Mentions' })).not.toBeChecked();
  // The switch keeps the focus while it saves, so a keyboard user can go on.
  await expect(page.getByRole('switch', { name: 'Mentions' })).toBeFocused();
  expect((await response).status()).toBe(200);
  await expect(page.getByText(/Last changed/)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('switch', { name: 'Reminders' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Mentions' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'New requests I can decide' })).toBeChecked();

  const api = await playwright.request.newContext({ baseURL, storageState: await sessionFor(approver) });
  const got = await api.get('/api/v1/me/notification-preferences');
  expect(await got.json()).toMatchObject({ preferences: { newRequests: true, decisions: true, mentions: false, reminders: false }, mail: { enabled: false } });
  const bad = await api.put('/api/v1/me/notification-preferences', { data: { reminders: 'sometimes' } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_ARGUMENT');
  await api.dispose();
  await page.context().close();
});

test('the settings page in dark mode and at 390 px', async ({ browser }) => {
  const dark = await pageFor(browser, approver, { colorScheme: 'dark' });
  await dark.goto('/settings/notifications');
  await expect(dark.getByRole('switch', { name: 'Reminders' })).not.toBeChecked();
  await dark.screenshot({ path: `${SCREENSHOTS}/settings-notifications-dark.png`, fullPage: true });
  await dark.context().close();

  const context = await contextFor(browser, approver, { viewport: { width: 390, height: 844 } });
  const phone = await context.newPage();
  await phone.goto('/settings/notifications');
  await expect(phone.getByRole('link', { name: 'Notification settings' })).toBeInViewport();
  await expect(phone.getByRole('switch', { name: 'Decisions on my requests' })).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: `${SCREENSHOTS}/settings-notifications-390.png`, fullPage: true });
  await context.close();
});

test('an admin sets a reminder time in the policy editor; a wrong value is refused inline', async ({ browser }) => {
  const model = await seedModel({ description: 'Reminders' });
  const page = await pageFor(browser, admin);
  await page.goto(`/admin/policies/${model.name}`);
  const hours = page.getByLabel(/Remind approvers after \(hours\)/);
  await expect(page.getByText('No reminders')).toBeVisible();
  await hours.fill('0');
  await expect(page.getByText('At least 1.', { exact: true })).toBeVisible();
  await hours.fill('24');
  await expect(page.getByText('After 24 h, and every 24 h after')).toBeVisible();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByText(`Policy saved for ${model.name}`)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/Remind approvers after \(hours\)/)).toHaveValue('24');
  await page.getByRole('region', { name: 'Reminders' }).screenshot({ path: `${SCREENSHOTS}/policy-reminders.png` });
  // The admin overview says whether mail goes out at all.
  await page.goto('/admin');
  await expect(page.getByTestId('mail-status')).toContainText('Off: nobody receives e-mail and nothing is queued');
  await page.context().close();
});
