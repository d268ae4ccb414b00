// Approvers decide from their phones: at 390 × 844 no page scrolls sideways. A wide table may scroll inside its
// own overflow container; the document itself must not.
import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AUDITED_PAGES, openAuditedPage } from './a11y/pages';
import { SCREENSHOTS, storageFor } from './helpers';

const PHONE = { width: 390, height: 844 };

/** The document's width, and the widest elements poking past the viewport outside a scrolling container. */
async function measureOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth;
    const scrollsInside = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) return true;
      }
      return false;
    };
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5 && !scrollsInside(el))
      .map((el) => {
        const id = el.id ? `#${el.id}` : '';
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join('.')}` : '';
        return `${el.tagName.toLowerCase()}${id}${cls} → ${Math.round(el.getBoundingClientRect().right)} px`;
      })
      .slice(0, 8);
    return { scrollWidth: root.scrollWidth, clientWidth: limit, culprits };
  });
}

test('every page fits a 390 px phone without scrolling sideways', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ storageState: storageFor('admin'), viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await mkdir(`${SCREENSHOTS}/a11y`, { recursive: true });
  const widths: Record<string, number> = {};
  const problems: string[] = [];
  for (const entry of [...AUDITED_PAGES].sort((a, b) => Number(!!a.signedOut) - Number(!!b.signedOut))) {
    if (entry.signedOut) await context.clearCookies();
    await openAuditedPage(page, entry);
    const { scrollWidth, clientWidth, culprits } = await measureOverflow(page);
    widths[entry.name] = scrollWidth;
    if (scrollWidth > clientWidth) problems.push(`  ${entry.name}: ${scrollWidth} px wide in a ${clientWidth} px viewport\n      ${culprits.join('\n      ')}`);
    if (entry.screenshot) {
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await page.screenshot({ path: `${SCREENSHOTS}/a11y/${entry.name}-phone-${theme}.png`, fullPage: true });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
  }
  await context.close();
  await writeFile('test-results/phone-widths.json', JSON.stringify(widths, null, 2));
  expect(problems, `pages wider than a 390 px phone:\n${problems.join('\n')}`).toEqual([]);
});
