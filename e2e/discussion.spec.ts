// Issue 16 item 2: reviewers discuss a version where it is — on its page and in the approvals inbox —
// with markdown, @mentions picked from a list, edits, and withdrawals that leave an audit trail.
import { expect, test, type APIRequestContext, type Browser, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { SCREENSHOTS, storageFor } from './helpers';

// This spec's own model, built through the API: nothing else uses it.
const MODEL = 'discussion-e2e';
const VERSION_PAGE = `/models/${MODEL}/versions/1`;

async function api(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined, role: Parameters<typeof storageFor>[0]): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL, storageState: storageFor(role) });
}

async function pageAs(browser: Browser, role: Parameters<typeof storageFor>[0], colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ storageState: storageFor(role), colorScheme });
  return context.newPage();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright, baseURL }) => {
  const admin = await api(playwright, baseURL, 'admin');
  expect((await admin.post('/api/v1/models', { data: { name: MODEL, metrics: [{ key: 'auc', direction: 'higher', isPrimary: true }] } })).status()).toBe(201);
  expect((await admin.put(`/api/admin/policies/${MODEL}`, { data: { policy: { staging: [], production: [{ kind: 'approvals', count: 1 }] } } })).status()).toBe(200);
  await admin.dispose();
  const scientist = await api(playwright, baseURL, 'scientist');
  const version = await scientist.post(`/api/v1/models/${MODEL}/versions`, {
    data: { dataVersion: '2026-11', artifactUri: 's3://discussion/1', artifactDigest: `sha256:${'d'.repeat(64)}`, metrics: [{ key: 'auc', value: 0.91 }] },
  });
  expect(version.status()).toBe(201);
  expect((await scientist.post(`/api/v1/models/${MODEL}/versions/1/promote`, { data: { expectedStage: 'testing' } })).status()).toBe(200);
  expect((await scientist.post(`/api/v1/models/${MODEL}/versions/1/promotion-requests`, { data: { comment: 'Ready for Production: AUC up on every slice.' } })).status()).toBe(201);
  await scientist.dispose();
});

test('a scientist starts the discussion: markdown, an @mention picked from the list, no raw HTML', async ({ browser }) => {
  const page = await pageAs(browser, 'scientist');
  await page.goto(VERSION_PAGE);
  const discussion = page.getByTestId('discussion');
  await expect(discussion.getByText('No comments yet')).toBeVisible();

  const box = discussion.getByLabel('Comment (markdown; @ mentions a person)');
  await box.fill('Calibration drifts on the **EU** slice <img src=x onerror="window.pwned=1"> — ');
  await box.pressSequentially('@ada');
  const option = page.getByRole('option', { name: /Ada Approver/ });
  await expect(option).toBeVisible();
  await box.press('Enter');
  await expect(box).toHaveValue(/@approver@example\.com $/);
  await box.pressSequentially('can you check?');
  await discussion.getByRole('tab', { name: 'preview' }).click();
  await expect(page.getByTestId('comment-preview').locator('strong')).toHaveText('EU');
  await discussion.getByRole('tab', { name: 'write' }).click();
  await box.press('Control+Enter');

  await expect(page.getByText('Comment posted')).toBeVisible();
  const comment = discussion.getByTestId('comment').first();
  await expect(comment.locator('strong')).toHaveText('EU');
  await expect(comment.getByTestId('mention')).toHaveText('@Ada Approver');
  await expect(comment).toContainText('<img src=x onerror="window.pwned=1">');
  await expect(comment.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  await page.screenshot({ path: `${SCREENSHOTS}/discussion-version-light.png`, fullPage: true });

  await comment.getByRole('button', { name: /Edit your comment/ }).click();
  const editor = comment.getByLabel('Comment (markdown; @ mentions a person)');
  await editor.fill('Calibration drifts on the **EU** slice, @approver@example.com can you check before approving?');
  await comment.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Comment updated')).toBeVisible();
  await expect(comment).toContainText('before approving?');
  await expect(comment).toContainText('edited');
  await page.context().close();
});

test('the approver reads and answers the thread from the approvals inbox', async ({ browser }) => {
  const page = await pageAs(browser, 'approver');
  await page.goto('/approvals');
  const request = page.getByTestId('promotion-request').filter({ hasText: MODEL });
  await request.getByRole('button', { name: 'Discussion of v1' }).click();
  const thread = request.getByTestId('discussion');
  await expect(thread.getByTestId('comment')).toContainText('before approving?');
  await thread.getByLabel('Comment (markdown; @ mentions a person)').fill('Checked: the EU drift is within the policy. Approving.');
  await thread.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(page.getByText('Comment posted')).toBeVisible();
  await expect(thread.getByTestId('comment')).toHaveCount(2);
  await page.context().close();
});

test('a viewer reads the discussion but has no composer', async ({ browser }) => {
  const page = await pageAs(browser, 'viewer');
  await page.goto(VERSION_PAGE);
  const discussion = page.getByTestId('discussion');
  await expect(discussion.getByTestId('comment')).toHaveCount(2);
  await expect(discussion.getByLabel('Comment (markdown; @ mentions a person)')).toHaveCount(0);
  await expect(discussion).toContainText('Needs the data scientist role to comment');
  await expect(discussion.getByRole('button', { name: /Edit|Withdraw/ })).toHaveCount(0);
  await page.context().close();
});

test('an admin withdraws a comment with a reason; the activity and the audit keep the trail', async ({ browser }) => {
  const page = await pageAs(browser, 'admin', 'dark');
  await page.goto(VERSION_PAGE);
  const first = page.getByTestId('comment').first();
  await first.getByRole('button', { name: "Withdraw Sami Scientist's comment" }).click();
  const dialog = page.getByRole('dialog', { name: "Withdraw Sami Scientist's comment?" });
  await expect(dialog.getByRole('button', { name: 'Withdraw' })).toBeDisabled();
  await dialog.getByLabel('Reason (recorded in the audit history)').fill('Moved to the request thread');
  await dialog.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByText('Comment withdrawn')).toBeVisible();
  await expect(first).toContainText('Withdrawn by Alex Admin');
  await expect(page.getByTestId('version-activity')).toContainText('withdrew another person');
  await page.screenshot({ path: `${SCREENSHOTS}/discussion-version-dark.png`, fullPage: true });

  await page.goto(`/audit?model=${MODEL}`);
  await expect(page.getByTestId('audit-event').filter({ hasText: 'commented on v1, mentioning approver@example.com' })).toHaveCount(1);
  await expect(page.getByTestId('audit-event').filter({ hasText: 'edited a comment on v1' })).toHaveCount(1);
  await page.context().close();
});

test('the phone layout keeps the thread readable', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageFor('approver'), viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(VERSION_PAGE);
  await page.getByTestId('discussion').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SCREENSHOTS}/discussion-phone.png`, fullPage: true });
  await context.close();
});
