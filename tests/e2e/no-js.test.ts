import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readerContext } from '../helpers/browser.ts';
import { useSiteInBrowser } from '../helpers/browser-suite.ts';
import { PAGE_TYPES } from '../helpers/page-types.ts';
import { SITE } from '../helpers/site.ts';

/** Content pages work fully without JavaScript; JavaScript only adds the toggles, read-aloud and search. */
let withJs: BrowserContext;
let withoutJs: BrowserContext;
let on: Page;
let off: Page;

const site = useSiteInBrowser(SITE);

beforeAll(async () => {
  withJs = await readerContext(site.browser);
  withoutJs = await readerContext(site.browser, { javaScriptEnabled: false });
  on = await withJs.newPage();
  off = await withoutJs.newPage();
});

const JS_ONLY_BUTTONS = ['标准', '大', '特大', '关怀模式', '朗读', '暂停', '停止朗读', '收藏', '复制链接', '打印'];

/** Text of every visible block in <main> that the page itself carries (not what scripts add), and nav links. */
function visibleContent(page: Page) {
  return page.evaluate(() => {
    const shown = (el: Element) => el.checkVisibility({ checkVisibilityCSS: true });
    const text = (el: Element) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
    const main = document.querySelector('main');
    const blocks = [...(main?.querySelectorAll('h1, h2, h3, h4, p, li, dt, dd, th, td, figcaption') ?? [])]
      .filter((el) => !el.closest('.zl-needs-js') && shown(el) && text(el))
      .map(text);
    const navLinks = [...document.querySelectorAll('nav a[href]')]
      .filter(shown)
      .map((a) => `${text(a)} → ${a.getAttribute('href')}`);
    return { blocks, navLinks };
  });
}

/** Visible buttons that are not a form's submit button: those need JavaScript to do anything. */
function visibleScriptButtons(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((b) => b.type !== 'submit' && b.checkVisibility({ checkVisibilityCSS: true }))
      .map((b) => b.textContent?.trim()),
  );
}

// Rendered text only; Playwright's text locators skip <noscript>, which is what these pages rely on.
const mainText = (page: Page) => page.locator('main').innerText();

const CONTENT_PAGES = PAGE_TYPES.filter((p) => p.name !== 'search' && p.name !== 'favorites');

describe('without JavaScript', () => {
  it.each(CONTENT_PAGES.map((p) => [p.name, p.path]))('%s shows all its content and navigation', async (_, path) => {
    await on.goto(site.url + path);
    await off.goto(site.url + path);
    const expected = await visibleContent(on);
    const actual = await visibleContent(off);
    expect(actual.blocks.length).toBeGreaterThan(1);
    expect(actual.blocks).toContain(await off.locator('h1').innerText());
    expect(actual).toEqual(expected);
    if (path !== '/batches/1/book/') expect(actual.navLinks.length).toBeGreaterThanOrEqual(6);

    expect(await visibleScriptButtons(off)).toEqual([]);
    for (const name of JS_ONLY_BUTTONS)
      await expect(off.getByRole('button', { name, exact: true }).count(), name).resolves.toBe(0);
  });

  it('/search/ says search needs JavaScript, that it did not search, and offers the lists and scenario pages', async () => {
    await off.goto(site.url + '/search/?q=挂号');
    const text = await mainText(off);
    expect(text).toContain('要用到浏览器的 JavaScript 功能');
    expect(text).toContain('所以刚才没有搜索');
    for (const href of ['/courses/', '/cases/', '/projects/', '/provinces/', '/glossary/'])
      await expect(off.locator(`main a[href="${href}"]`).first().isVisible(), href).resolves.toBe(true);
    const scenarioLinks = await off
      .locator('main a[href^="/scenarios/"]')
      .evaluateAll((links) => links.filter((a) => a.checkVisibility()).map((a) => a.getAttribute('href')));
    expect(scenarioLinks.length).toBeGreaterThanOrEqual(5);
    for (const href of scenarioLinks) expect(href).toMatch(/^\/scenarios\/[a-z-]+\/$/);
    await expect(off.getByRole('status').count()).resolves.toBe(0);
    expect(await visibleScriptButtons(off)).toEqual([]);
  });

  it('/favorites/ says it needs JavaScript and suggests bookmarks', async () => {
    await off.goto(site.url + '/favorites/');
    const text = await mainText(off);
    expect(text).toContain('“我的收藏”需要浏览器开启 JavaScript');
    expect(text).toContain('书签');
    expect(await visibleScriptButtons(off)).toEqual([]);
  });
});
