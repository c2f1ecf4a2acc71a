import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readerContext } from '../helpers/browser.ts';
import { useSiteInBrowser } from '../helpers/browser-suite.ts';
import { PAGE_TYPES } from '../helpers/page-types.ts';
import { stubSpeech } from '../helpers/speech-stub.ts';
import { SITE } from '../helpers/site.ts';

/** Full keyboard use, in a sensible order, with Enter and Space doing what a click does. */

const site = useSiteInBrowser(SITE);

const COURSE = PAGE_TYPES.find((p) => p.name === 'course')!.path;

interface Stop {
  name: string;
  tag: string;
  type: string;
  top: number;
  left: number;
  bottom: number;
}

/** The focused element: its visible name and where it sits on the page. */
function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const rect = el.getBoundingClientRect();
    const label = el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? el.value) : el.textContent;
    return {
      name: (label ?? '').replace(/\s+/g, ' ').trim(),
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') ?? '',
      top: rect.top + scrollY,
      left: rect.left + scrollX,
      bottom: rect.bottom + scrollY,
    };
  });
}

/** Presses Tab until `done` says stop (or 300 presses); returns every stop on the way. */
async function tabUntil(page: Page, done: (stop: Stop) => boolean): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (!stop) break;
    stops.push(stop);
    if (done(stop)) break;
  }
  return stops;
}

/** Index of each wanted name in `names`, searched in order; -1 where it does not come next. */
function inOrder(names: string[], wanted: string[]): number[] {
  let from = 0;
  return wanted.map((name) => {
    const at = names.indexOf(name, from);
    if (at >= 0) from = at + 1;
    return at;
  });
}

describe('a course page by keyboard', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await readerContext(site.browser);
    await stubSpeech(context, { voices: [{ lang: 'zh-CN', name: '婷婷' }] });
    page = await context.newPage();
  });

  afterAll(() => context?.close());

  it('reaches the skip link, settings, main nav and the page actions in reading order', async () => {
    await page.goto(site.url + COURSE);
    await page.getByRole('button', { name: '朗读', exact: true }).waitFor();
    const stops = await tabUntil(page, (stop) => stop.name === '打印');
    const names = stops.map((s) => s.name);
    expect(names[0]).toBe('跳到正文');
    // On a phone the settings are folded behind one button.
    const wanted = ['字号和关怀模式', '首页', '课程', '案例', '项目', '搜索', '帮助'];
    const header = inOrder(names, wanted);
    expect(header, names.join(' / ')).not.toContain(-1);
    // The settings button and the main nav are one run of stops, nothing in between.
    expect(header.at(-1)! - header[0]!, names.join(' / ')).toBe(wanted.length - 1);
    const actions = inOrder(names, ['朗读', '收藏', '复制链接', '打印']);
    expect(actions, names.join(' / ')).not.toContain(-1);
    expect(actions[0]).toBeGreaterThan(header.at(-1)!);
    expect(actions.at(-1)! - actions[0]!).toBe(3);

    // Reading order: each stop is further down, or on the same line and further right.
    const jumps = stops.slice(1).flatMap((stop, i) => {
      const before = stops[i]!;
      const sameLine = stop.top < before.bottom - 1 && before.top < stop.bottom - 1;
      const forward = sameLine ? stop.left > before.left : stop.top >= before.top;
      return forward ? [] : [`${before.name} → ${stop.name}`];
    });
    expect(jumps.filter((jump) => !jump.startsWith('跳到正文'))).toEqual([]);
  });

  it('works the settings and page actions with Enter and Space', async () => {
    await page.goto(site.url + COURSE);
    await page.getByRole('button', { name: '朗读', exact: true }).waitFor();
    const html = page.locator('html');

    await tabUntil(page, (stop) => stop.name === '字号和关怀模式');
    await page.keyboard.press('Enter');
    // Opened, the settings come next, before the main nav.
    const settings = await tabUntil(page, (stop) => stop.name === '大');
    expect(settings.map((s) => s.name)).toEqual(['标准', '大']);
    await page.keyboard.press('Enter');
    await expect(html.getAttribute('data-text-size')).resolves.toBe('large');
    await tabUntil(page, (stop) => stop.name === '关怀模式');
    await page.keyboard.press('Space');
    await expect(html.getAttribute('data-care')).resolves.toBe('');

    await tabUntil(page, (stop) => stop.name === '朗读');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => window.__speech!.spoken.length)).resolves.toBeGreaterThan(0);
    // 朗读 hides itself while reading; focus moves on to the controls that replaced it.
    await page.getByRole('button', { name: '停止朗读' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '朗读', exact: true }).waitFor();

    await page.getByRole('button', { name: '朗读', exact: true }).focus();
    await tabUntil(page, (stop) => stop.name === '收藏');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: '已收藏' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: '收藏', exact: true }).getAttribute('aria-pressed')).resolves.toBe(
      'false',
    );
  });
});

describe('search by keyboard', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await readerContext(site.browser);
    page = await context.newPage();
  });

  afterAll(() => context?.close());

  const results = () => page.getByRole('status').filter({ hasText: '结果' }).waitFor();

  /** From the top of /search/: type a query, send it with the button, open the filters, stop on the first box. */
  async function toFirstFilter() {
    await page.goto(site.url + '/search/');
    await page.getByRole('status').filter({ hasText: '请输入' }).waitFor();

    const toInput = await tabUntil(page, (stop) => stop.tag === 'input' && stop.type === 'search');
    expect(toInput.at(-1)?.type).toBe('search');
    await page.keyboard.type('挂号');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', name: '搜索' });
    await page.keyboard.press('Space');
    await results();
    expect(new URL(page.url()).searchParams.get('q')).toBe('挂号');

    const toSummary = await tabUntil(page, (stop) => stop.tag === 'summary');
    expect(toSummary.at(-1)).toMatchObject({ tag: 'summary', name: '筛选结果' });
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-search-filters-box]').getAttribute('open')).resolves.toBe('');

    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', type: 'checkbox' });
    return page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      return { facet: input.name, value: input.value };
    });
  }

  it('reaches the input, the button, the filters and their checkboxes; Enter and Space use them', async () => {
    const chosen = await toFirstFilter();
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.getAll(chosen.facet)).toEqual([chosen.value]);
    await results();

    await page.locator(`[data-search-filters] input[name="${chosen.facet}"][value="${chosen.value}"]`).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.getAll(chosen.facet)).toEqual([]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('挂号');
  });

  it('keeps the focus on a filter box after ticking it, so the reader can go on from there', async () => {
    const chosen = await toFirstFilter();
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.getAll(chosen.facet)).toEqual([chosen.value]);
    await results();
    const after = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement && el.type === 'checkbox'
        ? { facet: el.name, value: el.value, checked: el.checked }
        : `${el?.tagName.toLowerCase()}`;
    });
    expect(after, 'the focused element after ticking a filter').toEqual({ ...chosen, checked: true });
  });
});

describe('the header by keyboard on a wide screen', () => {
  it('shows the settings without the folding button, between the site name and the main nav', async () => {
    const context = await readerContext(site.browser, { width: 1280 });
    const page = await context.newPage();
    await page.goto(site.url + COURSE);
    const names = (await tabUntil(page, (stop) => stop.name === '帮助')).map((s) => s.name);
    const wanted = ['智慧助老', '标准', '大', '特大', '关怀模式', '首页', '课程', '案例', '项目', '搜索', '帮助'];
    const at = inOrder(names, wanted);
    expect(at, names.join(' / ')).not.toContain(-1);
    expect(at.at(-1)! - at[0]!, names.join(' / ')).toBe(wanted.length - 1);
    expect(names).not.toContain('字号和关怀模式');
    await context.close();
  });
});
