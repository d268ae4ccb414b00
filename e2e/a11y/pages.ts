// Every page of the app, once each, with the state worth auditing (data, empty, not found, a refused input).
// e2e/accessibility.spec.ts audits each in both themes; e2e/phone-width.spec.ts loads each at 390 px.
import type { Page } from '@playwright/test';

export interface AuditedPage {
  /** A short name for reports and screenshot files. */
  name: string;
  /** The path, or a function that finds it on the seeded data (a data source's URI is not known in advance). */
  path: string | ((page: Page) => Promise<string>);
  /** Key pages get screenshots in both themes, at desktop width and at 390 px. */
  screenshot?: boolean;
  /** The sign-in page is audited signed out. */
  signedOut?: boolean;
  /** Puts the loaded page in the state worth auditing (a mode switched on, a box ticked). */
  prepare?: (page: Page) => Promise<void>;
}

const MODEL = 'fraud-detector';

async function firstDataSource(page: Page): Promise<string> {
  await page.goto('/data-sources');
  const href = await page.locator('a[href^="/data-sources?uri="]').first().getAttribute('href');
  if (!href) throw new Error('the seeded data has no data source to open');
  return href;
}

export const AUDITED_PAGES: AuditedPage[] = [
  { name: 'models', path: '/models', screenshot: true },
  { name: 'models-no-match', path: '/models?q=no-model-matches-this' },
  // A search with the bulk action bar (portfolio bulk update) and its row checkboxes.
  { name: 'models-search', path: '/models?q=fraud' },
  { name: 'board', path: `/models/${MODEL}`, screenshot: true },
  { name: 'board-churn', path: '/models/churn-predictor' },
  // "Select versions" mode: a checkbox on each card, "Select all" per column and the bulk bar.
  {
    name: 'board-select-versions',
    path: `/models/${MODEL}`,
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Select versions' }).click();
      await page.getByRole('button', { name: 'Select all in Testing' }).click();
    },
  },
  { name: 'version-production', path: `/models/${MODEL}/versions/5`, screenshot: true },
  { name: 'version-testing', path: `/models/${MODEL}/versions/12` },
  { name: 'version-not-found', path: `/models/${MODEL}/versions/9999` },
  { name: 'model-not-found', path: '/models/no-such-model' },
  { name: 'compare', path: `/models/${MODEL}/compare?v=9,10,12`, screenshot: true },
  { name: 'compare-refused', path: `/models/${MODEL}/compare?v=9,404` },
  { name: 'history', path: `/models/${MODEL}/history`, screenshot: true },
  { name: 'approvals', path: '/approvals', screenshot: true },
  { name: 'audit', path: '/audit', screenshot: true },
  { name: 'data-sources', path: '/data-sources' },
  { name: 'data-source-impact', path: firstDataSource },
  { name: 'api-docs', path: '/api-docs' },
  { name: 'admin', path: '/admin' },
  { name: 'admin-users', path: '/admin/users' },
  { name: 'admin-tokens', path: '/admin/tokens' },
  { name: 'admin-webhooks', path: '/admin/webhooks' },
  { name: 'admin-policies', path: '/admin/policies' },
  { name: 'policy-editor', path: `/admin/policies/${MODEL}`, screenshot: true },
  { name: 'settings-notifications', path: '/settings/notifications', screenshot: true },
  { name: 'page-not-found', path: '/no-such-page' },
  { name: 'signin', path: '/signin', signedOut: true, screenshot: true },
];

/** Goes to the page and waits until client components and charts have rendered. */
export async function openAuditedPage(page: Page, entry: AuditedPage): Promise<string> {
  const path = typeof entry.path === 'string' ? entry.path : await entry.path(page);
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  if (entry.prepare) await entry.prepare(page);
  // Recharts animates bars in; audit and measure the settled page.
  await page.waitForTimeout(400);
  return path;
}
