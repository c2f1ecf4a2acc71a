import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readerContext } from '../helpers/browser.ts';
import { useSiteInBrowser } from '../helpers/browser-suite.ts';
import { PAGE_TYPES, type PageType } from '../helpers/page-types.ts';
import { focusIndicator } from '../helpers/design-checks.ts';
import { watchTrouble, type TroubleWatch } from '../helpers/page-watch.ts';
import { stubSpeech } from '../helpers/speech-stub.ts';
import { builtH1, SITE } from '../helpers/site.ts';

const site = useSiteInBrowser(SITE);

const COURSE = PAGE_TYPES.find((p) => p.name === 'course')!.path;

/** Opens a page type the way a reader arrives: search results have come in. */
async function open(page: Page, pageType: PageType) {
  const response = await page.goto(site.url + pageType.path);
  if (pageType.name === 'search') await page.getByRole('status').filter({ hasText: '结果' }).waitFor();
  return response;
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('every page type at the default settings', () => {
  let phone: BrowserContext;
  let zoomed: BrowserContext;
  let watch: TroubleWatch;
  let page: Page;
  let zoomedPage: Page;

  beforeAll(async () => {
    phone = await readerContext(site.browser);
    watch = await watchTrouble(phone);
    page = await phone.newPage();
    watch.watch(page);
    // 1280 px at 200% zoom: 640 CSS px, every CSS px two device pixels.
    zoomed = await readerContext(site.browser, { width: 640, height: 400, deviceScaleFactor: 2 });
    zoomedPage = await zoomed.newPage();
  });

  afterAll(async () => {
    await phone?.close();
    await zoomed?.close();
  });

  it.each(PAGE_TYPES.map((p) => [p.name, p] as const))('%s', async (name, pageType) => {
    const response = await open(page, pageType);
    expect(response?.status()).toBe(name === 'not-found' ? 404 : 200);
    await expect(page.locator('h1').count()).resolves.toBe(1);

    // Tab from the top: every stop shows where the focus is.
    const hidden: string[] = [];
    const seen = new Set<number>();
    for (let stop = 0; stop < 400; stop++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return -1;
        const w = window as unknown as { __stops?: Map<Element, number> };
        w.__stops ??= new Map();
        if (!w.__stops.has(el)) w.__stops.set(el, w.__stops.size);
        return w.__stops.get(el)!;
      });
      if (id === -1 || seen.has(id)) break;
      seen.add(id);
      const focus = await focusIndicator(page);
      if (!focus.visible) hidden.push(focus.element);
    }
    expect(seen.size, 'Tab reaches something').toBeGreaterThan(1);
    expect(hidden, 'focused elements without a visible outline or box-shadow').toEqual([]);

    // The skip link is the first stop and moves focus into <main>. The print-ready book has nothing
    // before <main> to skip: there the first stop is already inside it.
    await open(page, pageType);
    await page.keyboard.press('Tab');
    const chromeBeforeMain = await page.evaluate(() => {
      const main = document.querySelector('main');
      return !!main && [...document.body.children].indexOf(main) > 0;
    });
    if (chromeBeforeMain) {
      const skip = page.locator(':focus');
      await expect(skip.getAttribute('href')).resolves.toBe('#main');
      await expect(skip.textContent()).resolves.toBe('跳到正文');
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('MAIN');
    } else {
      await expect(page.evaluate(() => !!document.activeElement?.closest('main'))).resolves.toBe(true);
    }

    for (const width of [375, 320]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await overflow(page), `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 375, height: 800 });

    await open(zoomedPage, pageType);
    expect(await overflow(zoomedPage), 'sideways scroll at 1280 px and 200% zoom').toBeLessThanOrEqual(0);

    const trouble = await watch.take(page);
    if (name === 'not-found') {
      // The page itself answers 404 on purpose; Chromium also logs that status.
      const own = `${site.url}${pageType.path}: HTTP 404`;
      trouble.failedRequests = trouble.failedRequests.filter((r) => r !== own);
      trouble.consoleErrors = trouble.consoleErrors.filter((e) => !/status of 404/.test(e));
    }
    expect(trouble).toEqual({ consoleErrors: [], failedRequests: [], offsite: [], cspViolations: [] });
  });
});

describe('display settings', () => {
  interface PaintRecord {
    firstFrame: { size: string | null; care: boolean; bodyFont: string | null } | null;
    interactive: { size: string | null; care: boolean; bodyFont: string | null } | null;
    shifts: number[];
  }

  it('keeps the chosen text size and 关怀模式 across a reload, applied before first paint, without layout shift', async () => {
    const context = await readerContext(site.browser);
    await context.addInitScript(() => {
      const snapshot = () => ({
        size: document.documentElement.getAttribute('data-text-size'),
        care: document.documentElement.hasAttribute('data-care'),
        bodyFont: document.body ? getComputedStyle(document.body).fontSize : null,
      });
      const record: PaintRecord = { firstFrame: null, interactive: null, shifts: [] };
      (window as unknown as { __paint: PaintRecord }).__paint = record;
      // The first animation frame runs before the first paint.
      requestAnimationFrame(() => (record.firstFrame = snapshot()));
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') record.interactive = snapshot();
      });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!entry.hadRecentInput) record.shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(site.url + COURSE);
    const standardFont = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

    // On a phone the settings are folded behind one button.
    const menu = page.locator('summary', { hasText: '字号和关怀模式' });
    const sizes = page.getByRole('group', { name: '文字大小' });
    await expect(sizes.isVisible()).resolves.toBe(false);
    await menu.click();
    await sizes.getByRole('button', { name: '大', exact: true }).click();
    await expect(page.getAttribute('html', 'data-text-size')).resolves.toBe('large');
    await page.getByRole('button', { name: '关怀模式' }).click();
    await expect(page.getAttribute('html', 'data-care')).resolves.toBe('');

    await page.reload();
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    const paint = await page.evaluate(() => (window as unknown as { __paint: PaintRecord }).__paint);
    const finalFont = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    // The first frame already has the final text size: nothing grows after the reader sees the page.
    expect(paint.firstFrame).toEqual({ size: 'large', care: true, bodyFont: finalFont });
    expect(parseFloat(finalFont)).toBeGreaterThan(standardFont);
    // Set by the inline head script, before the page's module scripts run.
    expect(paint.interactive).toMatchObject({ size: 'large', care: true });
    const cls = paint.shifts.reduce((sum, value) => sum + value, 0);
    expect(cls, `layout shifts: ${paint.shifts.join(', ')}`).toBeLessThan(0.001);

    // The page opened with the menu folded again; open it to see which buttons are pressed.
    await menu.click();
    await expect(sizes.getByRole('button', { name: '大', exact: true }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await expect(page.getByRole('button', { name: '关怀模式' }).getAttribute('aria-pressed')).resolves.toBe('true');

    // Back to 标准 and off: the next page opens at the default again.
    await sizes.getByRole('button', { name: '标准', exact: true }).click();
    await page.getByRole('button', { name: '关怀模式' }).click();
    await page.goto(site.url + '/');
    await expect(page.evaluate(() => document.documentElement.hasAttribute('data-text-size'))).resolves.toBe(false);
    await expect(page.evaluate(() => document.documentElement.hasAttribute('data-care'))).resolves.toBe(false);
    await context.close();
  });
});

describe('朗读 (read aloud)', () => {
  const speech = (page: Page) => page.evaluate(() => window.__speech!);

  it('reads the title and the body, pauses, resumes and stops', async () => {
    const context = await readerContext(site.browser);
    await stubSpeech(context, { voices: [{ lang: 'zh-CN', name: '婷婷' }], utteranceMs: 100 });
    const page = await context.newPage();
    await page.goto(site.url + COURSE);
    const actions = page.getByRole('group', { name: '这一页可以' });
    const read = actions.getByRole('button', { name: '朗读', exact: true });
    const pause = actions.locator('[data-read-pause]');
    const stop = actions.getByRole('button', { name: '停止朗读' });
    await read.waitFor();

    await read.click();
    await expect(read.isHidden()).resolves.toBe(true);
    await expect(stop.isVisible()).resolves.toBe(true);
    await pause.click();
    await expect(pause.textContent()).resolves.toBe('继续');
    const whilePaused = (await speech(page)).spoken.length;
    await page.waitForTimeout(200);
    expect((await speech(page)).spoken.length, 'nothing more is read while paused').toBe(whilePaused);
    expect((await speech(page)).calls).toContain('pause');

    await pause.click();
    await expect(pause.textContent()).resolves.toBe('暂停');
    expect((await speech(page)).calls).toContain('resume');
    await read.waitFor({ timeout: 30_000 }); // back to idle once everything is read

    const spoken = (await speech(page)).spoken.join('');
    expect(spoken).toContain(builtH1(COURSE));
    const firstSentence = (await page.locator('[data-read-aloud-source].zl-entry__body p').first().innerText()).split(
      '。',
    )[0]!;
    expect(firstSentence.length).toBeGreaterThan(5);
    expect(spoken).toContain(firstSentence);

    await read.click();
    await stop.click();
    await expect(read.isVisible()).resolves.toBe(true);
    await expect(pause.isHidden()).resolves.toBe(true);
    await expect(stop.isHidden()).resolves.toBe(true);
    const log = await speech(page);
    expect(log.calls.at(-1)).toBe('cancel');
    await page.waitForTimeout(200);
    expect((await speech(page)).spoken.length, 'nothing is read after 停止朗读').toBe(log.spoken.length);
    await context.close();
  });

  it('is offered once a zh-CN voice arrives later', async () => {
    const context = await site.browser.newContext();
    await stubSpeech(context, { voices: [{ lang: 'zh-CN', name: '婷婷' }], late: true });
    const page = await context.newPage();
    await page.goto(site.url + COURSE);
    await page.getByRole('button', { name: '朗读', exact: true }).waitFor();
    await context.close();
  });

  it('stays hidden when the device has no Chinese voice', async () => {
    for (const late of [false, true]) {
      const context = await site.browser.newContext();
      await stubSpeech(context, { voices: [{ lang: 'en-US', name: 'Samantha' }], late });
      const page = await context.newPage();
      await page.goto(site.url + COURSE);
      await page.waitForLoadState('load');
      await page.waitForTimeout(300);
      await expect(page.locator('[data-read-aloud]').isHidden()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: '朗读', exact: true }).count()).resolves.toBe(0);
      await context.close();
    }
  });
});

describe('我的收藏 (favorites)', () => {
  it('saves a course, lists it on /favorites/ and removes it again', async () => {
    const context = await readerContext(site.browser);
    const page = await context.newPage();
    const title = builtH1(COURSE);
    await page.goto(site.url + COURSE);
    const favorite = page.getByRole('button', { name: '收藏', exact: true });
    await favorite.click();
    const saved = page.getByRole('button', { name: '已收藏' });
    await expect(saved.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('[data-action-status]').textContent()).resolves.toContain('已收藏');

    await page.goto(site.url + '/favorites/');
    const list = page.locator('[data-favorites-list]');
    const link = list.getByRole('link', { name: title });
    await expect(link.getAttribute('href')).resolves.toBe(COURSE);
    await expect(page.locator('[data-favorites-status]').textContent()).resolves.toBe('共收藏了 1 条');

    await list.getByRole('button', { name: '取消收藏' }).click();
    await expect(list.locator('li').count()).resolves.toBe(0);
    await expect(page.locator('[data-favorites-status]').textContent()).resolves.toContain('您还没有收藏');
    await page.reload();
    await expect(page.locator('[data-favorites-list] li').count()).resolves.toBe(0);

    await page.goto(site.url + COURSE);
    await expect(page.getByRole('button', { name: '收藏', exact: true }).getAttribute('aria-pressed')).resolves.toBe(
      'false',
    );
    await context.close();
  });
});
