// Issue 16 item 2: reviewers discuss a version where it is — on its page and in the approvals inbox —
// with markdown, @mentions picked from a list, edits, and withdrawals that leave an audit trail.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { contextFor, pageFor, seedModel, seedPeople, seedPendingRequest, seedUser, seedVersion, type People, type SeededUser } from './fixtures';
import { SCREENSHOTS } from './helpers';

// This spec's own people and model (v1 in Staging with a pending Production request, needing one approval).
// The approver has a name no other spec gives anyone, so the @ list offers exactly one match.
let MODEL = '';
let VERSION_PAGE = '';
let people: People;
let reviewer: SeededUser;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pageAs(browser: Browser, role: keyof People, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  return pageFor(browser, role === 'approver' ? reviewer : people[role], { colorScheme });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  people = await seedPeople();
  reviewer = await seedUser({ role: 'approver', name: 'Ida Reviewer' });
  const model = await seedModel({ metrics: [{ key: 'auc', direction: 'higher', isPrimary: true }], policy: { staging: [], production: [{ kind: 'approvals', count: 1 }] } });
  MODEL = model.name;
  const version = await seedVersion(model, { stage: 'staging', complete: false, metrics: { auc: 0.91 }, by: people.scientist });
  VERSION_PAGE = `/models/${MODEL}/versions/${version.number}`;
  await seedPendingRequest(model, { number: version.number, by: people.scientist, comment: 'Ready for Production: AUC up on every slice.' });
});

test('a scientist starts the discussion: markdown, an @mention picked from the list, no raw HTML', async ({ browser }) => {
  const page = await pageAs(browser, 'scientist');
  await page.goto(VERSION_PAGE);
  const discussion = page.getByTestId('discussion');
  await expect(discussion.getByText('No comments yet')).toBeVisible();

  const box = discussion.getByLabel('Comment (markdown; @ mentions a person)');
  await box.fill('Calibration drifts on the **EU** slice <img src=x onerror="window.pwned=1"> — ');
  await box.pressSequentially('@ida');
  const option = page.getByRole('option', { name: /Ida Reviewer/ });
  await expect(option).toBeVisible();
  await box.press('Enter');
  await expect(box).toHaveValue(new RegExp(`@${escaped(reviewer.email)} $`));
  await box.pressSequentially('can you check?');
  await discussion.getByRole('tab', { name: 'preview' }).click();
  await expect(page.getByTestId('comment-preview').locator('strong')).toHaveText('EU');
  await discussion.getByRole('tab', { name: 'write' }).click();
  await box.press('Control+Enter');

  await expect(page.getByText('Comment posted')).toBeVisible();
  const comment = discussion.getByTestId('comment').first();
  await expect(comment.locator('strong')).toHaveText('EU');
  await expect(comment.getByTestId('mention')).toHaveText('@Ida Reviewer');
  await expect(comment).toContainText('<img src=x onerror="window.pwned=1">');
  await expect(comment.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  await page.screenshot({ path: `${SCREENSHOTS}/discussion-version-light.png`, fullPage: true });

  await comment.getByRole('button', { name: /Edit your comment/ }).click();
  const editor = comment.getByLabel('Comment (markdown; @ mentions a person)');
  await editor.fill(`Calibration drifts on the **EU** slice, @${reviewer.email} can you check before approving?`);
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
  await expect(page.getByTestId('audit-event').filter({ hasText: `commented on v1, mentioning ${reviewer.email}` })).toHaveCount(1);
  await expect(page.getByTestId('audit-event').filter({ hasText: 'edited a comment on v1' })).toHaveCount(1);
  await page.context().close();
});

test('the phone layout keeps the thread readable', async ({ browser }) => {
  const context = await contextFor(browser, reviewer, { viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(VERSION_PAGE);
  await page.getByTestId('discussion').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SCREENSHOTS}/discussion-phone.png`, fullPage: true });
  await context.close();
});
