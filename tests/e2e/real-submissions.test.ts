import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeViolations, runAxe } from '../helpers/browser.ts';
import { useSiteInBrowser } from '../helpers/browser-suite.ts';
import { OUTPUT, run } from '../helpers/run.ts';
import { makeTree } from '../fixtures/entries.ts';
import { t } from '../../src/i18n/zh-CN.ts';
import { EXPORT_VERSION } from '../../src/export/open-data.ts';
import {
  attachment1Case,
  attachment1Project,
  directUnitProject,
  mixedMediaCourse,
  numberedCaseWithTable,
  REAL_ENTRIES,
  realUnitsYaml,
} from '../fixtures/real-submissions.ts';

/** The valid fixture tree plus the real-style entries, built once and looked at as a reader would. */
const TREE = path.join(OUTPUT, 'trees', 'real-built');
const OUT = path.join(OUTPUT, 'real-build');
const WIDTHS = [375, 1280] as const;

beforeAll(async () => {
  makeTree(TREE, REAL_ENTRIES, { 'units.yaml': realUnitsYaml() });
  const result = run('npx', ['astro', 'build', '--outDir', OUT], {
    CONTENT_DIR: TREE,
    SITE_URL: 'https://zhulao.example.cn',
  });
  expect(result.status, result.output).toBe(0);
});

const site = useSiteInBrowser(OUT);

async function open(width: number, pagePath: string): Promise<Page> {
  const page = await site.newPage(width);
  const response = await page.goto(site.url + pagePath);
  expect(response?.status()).toBe(200);
  return page;
}

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const entryPath = `/cases/${numberedCaseWithTable.file.replace(/\.md$/, '')}/`;

describe.each(WIDTHS)('at %i px', (width) => {
  it('an entry with a wide table: the table scrolls in its own box, the page does not', async () => {
    const page = await open(width, entryPath);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    const box = page.getByRole('region', { name: /表格/ });
    await expect(box.count()).resolves.toBe(1);
    const { scrollable, focusable } = await box.evaluate((el) => ({
      scrollable: el.scrollWidth > el.clientWidth,
      focusable: el.tabIndex === 0,
    }));
    expect(focusable).toBe(true);
    if (width === 375) expect(scrollable).toBe(true);
    // Numbered headings are the sections they name.
    await expect(page.getByRole('heading', { level: 2, name: '二、主要做法（1500字以内）' }).count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(OUTPUT, `real-entry-${width}.png`), fullPage: true });
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });

  it('the breadcrumb does not repeat a long title in full; the heading does', async () => {
    const page = await open(width, entryPath);
    const current = await page
      .getByRole('navigation', { name: t('entry.breadcrumb') })
      .locator('li[aria-current="page"]')
      .textContent();
    expect(current).toMatch(/…$/);
    expect(numberedCaseWithTable.frontmatter.title).toContain(current!.slice(0, -1));
    await expect(page.locator('h1').textContent()).resolves.toBe(numberedCaseWithTable.frontmatter.title);
    await page.close();
  });

  it('the book: only 推介 entries, said on the page, 第 N 条 on one line, no sideways scroll', async () => {
    const page = await open(width, '/batches/1/book/');
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    const titles = await page.locator('article.chapter > h2').allTextContents();
    expect(titles).toContain(numberedCaseWithTable.frontmatter.title);
    expect(titles).toContain(attachment1Project.frontmatter.title);
    expect(titles).not.toContain(attachment1Case.frontmatter.title);
    await expect(page.locator('[data-book-scope]').textContent()).resolves.toContain('推介');
    const numbers = await page.locator('.toc .number').evaluateAll((spans) =>
      spans.map((span) => {
        const style = getComputedStyle(span);
        return { height: span.getBoundingClientRect().height, line: parseFloat(style.lineHeight) };
      }),
    );
    expect(numbers.length).toBe(titles.length);
    for (const { height, line } of numbers) expect(height).toBeLessThan(line * 1.5);
    await page.screenshot({ path: path.join(OUTPUT, `real-book-${width}.png`), fullPage: true });
    await page.close();
  });
});

describe('the built pages', () => {
  it('show a 融媒体 reader as both types, with its minutes, episodes, channel and city, and its http:// link as 不加密', async () => {
    const page = await open(375, `/courses/${mixedMediaCourse.file.replace(/\.md$/, '')}/`);
    const facts = (await page.locator('article[data-pagefind-body]').textContent())!.replace(/\s+/g, ' ');
    expect(facts).toContain('教材（读本）、视频资源');
    expect(facts).toContain('7.5 分钟');
    expect(facts).toContain('共 12 集');
    expect(facts).toContain('省级教育行政部门');
    expect(facts).toContain('浙江省（宁波）');
    expect(facts).toMatch(/外部链接：www\.nbsqjy\.cn\s*（不加密）/);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.close();
    const project = await open(375, `/projects/${directUnitProject.file.replace(/\.md$/, '')}/`);
    expect(await project.locator('article[data-pagefind-body]').textContent()).toContain('有关直属单位');
    await project.close();
  });

  it('export the new values as documented (added in data version 4)', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(OUT, 'data/entries.json'), 'utf8')) as {
      version: number;
      entries: Record<string, unknown>[];
    };
    expect(doc.version).toBe(EXPORT_VERSION);
    const course = doc.entries.find((e) => e.slug === mixedMediaCourse.file.replace(/\.md$/, ''))!;
    expect(course).toMatchObject({
      resourceType: ['教材（读本）', '视频资源'],
      minutes: 7.5,
      episodes: 12,
      channel: '省级教育行政部门',
      link: 'http://www.nbsqjy.cn/rongmeiti/duben/',
    });
    const html = fs.readFileSync(path.join(OUT, 'data/index.html'), 'utf8');
    expect(html).toContain('融媒体读本');
  });

  it('mark http:// links and www. autolinks in a body as 外部链接，不加密', async () => {
    const page = await open(375, `/cases/${attachment1Case.file.replace(/\.md$/, '')}/`);
    const notes = await page
      .locator('.zl-entry__body a[data-link-note]')
      .evaluateAll((links) => links.map((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]));
    expect(notes).toEqual([
      ['http://www.xhsqjy.cn/kecheng/', '"（外部链接，不加密）"'],
      ['http://www.xhsqjy.cn', '"（外部链接，不加密）"'],
    ]);
    await page.close();
  });

  it('print the book table inside the same scrolling box', () => {
    const html = fs.readFileSync(path.join(OUT, 'batches/1/book/index.html'), 'utf8');
    expect(html).toMatch(/<div class="zl-table-wrap zl-table-wrap--prose" tabindex="0" role="region"/);
  });

  it('/data/ says what the export does: the licence is always written, the cover never', () => {
    const html = fs.readFileSync(path.join(OUT, 'data/index.html'), 'utf8');
    const row = (key: string) => html.match(new RegExp(`<tr data-field="${key}"[\\s\\S]*?</tr>`))![0];
    expect(row('license')).not.toContain('不填时为 null');
    expect(row('license')).toContain('总是有值');
    for (const key of ['cover', 'coverAlt']) expect(row(key)).toContain('数据文件里没有这个字段');
    const { entries } = JSON.parse(fs.readFileSync(path.join(OUT, 'data/entries.json'), 'utf8')) as {
      entries: Record<string, unknown>[];
    };
    for (const entry of entries) {
      expect(typeof entry.license).toBe('string');
      expect(entry).not.toHaveProperty('cover');
      expect(entry).not.toHaveProperty('coverAlt');
    }
  });
});
