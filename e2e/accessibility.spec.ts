// Every page, in light and in dark, audited with axe-core against WCAG 2.1 A and AA: no serious or critical
// violation. One browser context per theme, signed in as the admin (who may open every page); the sign-in page
// is audited last, in the same context with its cookies cleared.
import { mkdir, writeFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { AUDITED_PAGES, openAuditedPage } from './a11y/pages';
import { SCREENSHOTS, storageFor } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

type Theme = 'light' | 'dark';

interface Finding {
  page: string;
  theme: Theme;
  rule: string;
  impact: string;
  target: string;
  summary: string;
}

/** A context whose theme is set as the app sets it: next-themes' stored choice, applied as a class on <html>. */
async function themedContext(browser: Browser, theme: Theme) {
  const context = await browser.newContext({ storageState: storageFor('admin'), colorScheme: theme });
  await context.addInitScript((chosen) => window.localStorage.setItem('theme', chosen), theme);
  return context;
}

for (const theme of ['light', 'dark'] as const) {
  test(`every page passes axe (WCAG 2.1 AA) in the ${theme} theme`, async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await themedContext(browser, theme);
    const page = await context.newPage();
    const findings: Finding[] = [];
    const counts: Record<string, number> = {};
    const millis: Record<string, number> = {};
    await mkdir(`${SCREENSHOTS}/a11y`, { recursive: true });

    // Signed-in pages first, then the sign-in page once the cookies are gone.
    for (const entry of [...AUDITED_PAGES].sort((a, b) => Number(!!a.signedOut) - Number(!!b.signedOut))) {
      if (entry.signedOut) await context.clearCookies();
      const started = Date.now();
      await openAuditedPage(page, entry);
      await expect(page.locator('html'), `${entry.name} should render in the ${theme} theme`).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      counts[entry.name] = 0;
      for (const violation of results.violations) {
        if (!BLOCKING.has(violation.impact ?? '')) continue;
        for (const node of violation.nodes) {
          counts[entry.name]! += 1;
          findings.push({
            page: entry.name,
            theme,
            rule: violation.id,
            impact: violation.impact ?? '',
            target: node.target.join(' '),
            summary: (node.failureSummary ?? violation.help).split('\n').slice(1).join(' ').trim() || violation.help,
          });
        }
      }
      millis[entry.name] = Date.now() - started;
      if (entry.screenshot) await page.screenshot({ path: `${SCREENSHOTS}/a11y/${entry.name}-${theme}.png`, fullPage: true });
    }
    await context.close();

    // The per-page counts, kept for before/after comparisons.
    await writeFile(`test-results/axe-${theme}.json`, JSON.stringify({ counts, millis, findings }, null, 2));
    const report = findings.map((f) => `  [${f.impact}] ${f.rule} on ${f.page} (${f.theme}): ${f.target}\n      ${f.summary}`).join('\n');
    expect(findings, `${findings.length} serious or critical axe violations:\n${report}`).toEqual([]);
  });
}
