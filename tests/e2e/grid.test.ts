import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeViolations, readerContext, runAxe } from '../helpers/browser.ts';
import { useSiteInBrowser } from '../helpers/browser-suite.ts';
import { PAGE_TYPES } from '../helpers/page-types.ts';
import { measureDesign } from '../helpers/design-checks.ts';
import { builtDescription, builtH1, SITE } from '../helpers/site.ts';

/**
 * The elder-friendly design bar on every page type, in every theme, text size and width: axe clean, body text
 * ≥ 20 px and growing with the setting, line-height ≥ 1.8, targets ≥ 48 px (60 px in 关怀模式), no sideways
 * scrolling. One page per (theme, size, width) is reused for all page types.
 * Run the browser suite alone: `SKIP_BUILD=1 npx vitest run --config tests/vitest.config.ts tests/e2e`
 * (TEST_DIST=<folder> points it at another build).
 */
const SIZES = [
  { name: '标准', value: 'standard' },
  { name: '大', value: 'large' },
  { name: '特大', value: 'xlarge' },
] as const;
const THEMES = [
  { name: '默认', colorScheme: 'light', care: false, minTarget: 48 },
  { name: '深色', colorScheme: 'dark', care: false, minTarget: 48 },
  { name: '关怀模式', colorScheme: 'light', care: true, minTarget: 60 },
] as const;
const WIDTHS = [375, 1280] as const;
const MIN_BODY_PX = 20;
const MIN_LINE_HEIGHT = 1.8;

// A saved course, so that 我的收藏 shows a card with its 取消收藏 button.
const COURSE = PAGE_TYPES.find((p) => p.name === 'course')!;
const SAVED = {
  kind: 'courses',
  slug: COURSE.path.split('/')[2],
  title: builtH1(COURSE.path),
  summary: builtDescription(COURSE.path),
  url: COURSE.path,
};

interface Failure {
  page: string;
  theme: string;
  size: string;
  width: number;
  check: string;
  detail: string;
}

const failures: Failure[] = [];
/** Body font-size by page/theme/width/size, to compare each text size with the one below it */
const bodySizes = new Map<string, number>();
const started = Date.now();

const site = useSiteInBrowser(SITE);

afterAll(() => {
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const views = PAGE_TYPES.length * SIZES.length * THEMES.length * WIDTHS.length;
  console.log(
    `design grid: ${views} page views in ${seconds} s, ${failures.length} failures\n${failureTable(failures)}`,
  );
});

/** One row per distinct problem, with the pages and settings it shows up in. */
function failureTable(list: Failure[]): string {
  const rows = new Map<string, { pages: Set<string>; settings: Set<string> }>();
  for (const f of list) {
    // Sizes differ from setting to setting; the element and the check identify the problem.
    const key = `${f.check} | ${f.detail.replace(/ [\d.]+×[\d.]+$/, '')}`;
    const row = rows.get(key) ?? { pages: new Set(), settings: new Set() };
    row.pages.add(f.page);
    row.settings.add(`${f.theme}·${f.size}·${f.width}`);
    rows.set(key, row);
  }
  return [...rows]
    .map(([key, row]) => `${key} | ${[...row.pages].join(', ')} | ${[...row.settings].join(', ')}`)
    .join('\n');
}

async function openContext(theme: (typeof THEMES)[number], size: (typeof SIZES)[number], width: number) {
  return readerContext(site.browser, {
    width,
    height: 900,
    colorScheme: theme.colorScheme,
    textSize: size.value,
    care: theme.care,
    favorites: [SAVED],
  });
}

/** Loads a page type and brings it to the state a reader sees: search results in, filters open. */
async function show(page: Page, pageType: (typeof PAGE_TYPES)[number]) {
  await page.goto(site.url + pageType.path);
  if (pageType.name === 'search') {
    await page.getByRole('status').filter({ hasText: '结果' }).waitFor();
    await page
      .locator('[data-search-filters-box]')
      .evaluate((details) => ((details as HTMLDetailsElement).open = true));
  }
  if (pageType.name === 'favorites') await page.locator('[data-favorites-list] li').first().waitFor();
}

describe('the design bar on every page type', () => {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      for (const size of SIZES) {
        it(`${theme.name}, ${size.name}, ${width} px`, async () => {
          const context = await openContext(theme, size, width);
          const page = await context.newPage();
          const mine: Failure[] = [];
          const fail = (pageName: string, check: string, detail: string) =>
            mine.push({ page: pageName, theme: theme.name, size: size.name, width, check, detail });

          for (const pageType of PAGE_TYPES) {
            await show(page, pageType);
            const violations = await runAxe(page);
            if (violations.length) fail(pageType.name, 'axe', describeViolations(violations));

            const m = await measureDesign(page, { minTarget: theme.minTarget, minLineHeight: MIN_LINE_HEIGHT });
            const key = (sizeValue: string) => `${pageType.name}|${theme.name}|${width}|${sizeValue}`;
            bodySizes.set(key(size.value), m.bodyFontSize);
            if (size.value === 'standard' && m.bodyFontSize < MIN_BODY_PX)
              fail(pageType.name, 'body text', `${m.bodyFontSize} px < ${MIN_BODY_PX} px`);
            // Each step is larger than the one before it, so larger than 标准 too.
            const previous = SIZES[SIZES.indexOf(size) - 1];
            const before = previous && bodySizes.get(key(previous.value));
            if (previous && !(before !== undefined && m.bodyFontSize > before))
              fail(pageType.name, 'body text', `${m.bodyFontSize} px, not larger than ${previous.name} (${before} px)`);
            for (const p of m.tightParagraphs) fail(pageType.name, 'line-height', p);
            for (const target of m.smallTargets) fail(pageType.name, `target < ${theme.minTarget} px`, target);
            if (m.scrollWidth > m.clientWidth)
              fail(pageType.name, 'sideways scroll', `scrollWidth ${m.scrollWidth} > clientWidth ${m.clientWidth}`);
          }
          await context.close();
          failures.push(...mine);
          expect(
            mine.map((f) => `${f.page} | ${f.check} | ${f.detail}`),
            `${theme.name}, ${size.name}, ${width} px`,
          ).toEqual([]);
        });
      }
    }
  }
});
