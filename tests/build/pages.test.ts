import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/checks/validator.ts';
import { findPersonalNumbers } from '../../src/checks/privacy.ts';
import { qrSvg } from '../../src/site/qr.ts';
import { linksInHtml } from '../../src/build/links.ts';
import { NATIONAL_TARGETS } from '../../src/site/progress.ts';
import { getProvince } from '../../src/schemas/provinces.ts';
import { VALID_ENTRIES, makeTree } from '../fixtures/entries.ts';
import { DIST, OUTPUT, run } from '../helpers/run.ts';
import { PAGE_TYPES } from '../helpers/page-types.ts';
import { SITE_URL } from '../../src/config/paths.ts';
import { builtPages } from '../helpers/built-pages.ts';

// Over the bundled sample site that the global setup built (the tests' SITE_URL, BASE_PATH at its default).
const { catalogue } = validateContent();
const live = catalogue.entries.filter((e) => !e.data.withdrawn);
const htmlFiles = builtPages(DIST);
const page = (p: string) => fs.readFileSync(path.join(DIST, p, 'index.html'), 'utf8');
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');

describe('every page type of the site exists', () => {
  it.each(PAGE_TYPES.filter((p) => p.name !== 'not-found').map((p) => [p.name, p.path]))('%s', (_, pagePath) => {
    expect(fs.existsSync(path.join(DIST, new URL(pagePath, 'http://x').pathname, 'index.html'))).toBe(true);
  });

  it('has a page for every scenario, province with entries, batch and batch book, and a 404', () => {
    for (const slug of catalogue.scenarios.keys())
      expect(fs.existsSync(path.join(DIST, 'scenarios', slug, 'index.html'))).toBe(true);
    for (const entry of catalogue.entries) {
      const province = getProvince(catalogue.units.get(entry.data.unit)!.province);
      expect(fs.existsSync(path.join(DIST, 'provinces', province.slug, 'index.html'))).toBe(true);
    }
    for (const n of catalogue.batches.keys()) {
      expect(fs.existsSync(path.join(DIST, 'batches', String(n), 'index.html'))).toBe(true);
      expect(fs.existsSync(path.join(DIST, 'batches', String(n), 'book', 'index.html'))).toBe(true);
    }
    expect(fs.existsSync(path.join(DIST, '404.html'))).toBe(true);
  });
});

describe('every page', () => {
  it('says lang="zh-CN", has exactly one h1 and a skip link to main (print books: no navigation to skip)', () => {
    for (const file of htmlFiles) {
      const html = fs.readFileSync(path.join(DIST, file), 'utf8');
      expect(html, file).toContain('<html lang="zh-CN"');
      expect(html.match(/<h1[\s>]/g)?.length, file).toBe(1);
      expect(html, file).toContain('id="main"');
      if (!file.includes('/book/')) expect(html, file).toMatch(/<a class="zl-skip-link" href="#main"/);
    }
  });

  it('never shows a personal phone or ID number', () => {
    for (const file of htmlFiles) {
      expect(findPersonalNumbers(textOf(fs.readFileSync(path.join(DIST, file), 'utf8'))), file).toEqual([]);
    }
  });
});

describe('/progress/', () => {
  it('counts 推介 entries against the national targets, by kind, batch and province, as the content says', () => {
    const html = page('progress');
    const cell = (row: string, count: 'promoted' | 'total') =>
      Number(new RegExp(`<tr ${row}[^>]*>[\\s\\S]*?data-count="${count}"[^>]*>(\\d+)<`).exec(html)?.[1]);
    for (const kind of ['courses', 'cases', 'projects'] as const) {
      const entries = live.filter((e) => e.kind === kind);
      expect(cell(`data-kind="${kind}"`, 'promoted')).toBe(entries.filter((e) => e.data.status === '推介').length);
      expect(cell(`data-kind="${kind}"`, 'total')).toBe(entries.length);
      expect(html).toContain(`>${NATIONAL_TARGETS[kind]}<`);
    }
    for (const n of catalogue.batches.keys()) {
      expect(cell(`data-batch="${n}"`, 'total')).toBe(live.filter((e) => e.data.batch === n).length);
    }
    const zhejiang = live.filter((e) => catalogue.units.get(e.data.unit)!.province === '浙江');
    expect(cell('data-province="zhejiang"', 'total')).toBe(zhejiang.length);
    expect(html).toMatch(/<svg class="chart[^"]*"[^>]*role="img"/);
  });
});

describe('QR codes', () => {
  it("encode the page's own URL under SITE_URL and BASE_PATH", async () => {
    const entry = catalogue.entries.find((e) => e.slug === 'shouji-yuyue-guahao')!;
    const url = `${SITE_URL}/courses/${entry.slug}/`;
    const expected = await qrSvg(url, '这一页网址的二维码');
    expect(page(`courses/${entry.slug}`)).toContain(expected);
  });
});

describe('a build under BASE_PATH=/zhihuizhulao/', () => {
  it('has no broken internal link, and its QR codes carry the base path', async () => {
    const out = path.join(OUTPUT, 'base-path-build');
    const tree = makeTree(path.join(OUTPUT, 'trees', 'base-path'), VALID_ENTRIES);
    const env = { CONTENT_DIR: tree, SITE_URL: 'https://zhulao.example.org', BASE_PATH: '/zhihuizhulao/' };
    const result = run('npm', ['run', '--silent', 'build', '--', '--out', out], env);
    expect(result.status, result.output).toBe(0);
    const broken: string[] = [];
    for (const file of fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
      const from = `/zhihuizhulao/${file.replace(/index\.html$/, '')}`;
      for (const link of linksInHtml(fs.readFileSync(path.join(out, file), 'utf8'))) {
        if (/^(https?:)?\/\//.test(link) && !link.startsWith('https://zhulao.example.org/')) continue;
        if (/^(mailto|data|javascript):|^#/.test(link)) continue;
        const { pathname } = new URL(link, `https://zhulao.example.org${from}`);
        if (!pathname.startsWith('/zhihuizhulao/')) {
          broken.push(`${file}: ${link} (outside the base path)`);
          continue;
        }
        const target = path.join(out, decodeURIComponent(pathname.slice('/zhihuizhulao/'.length)));
        if (!fs.existsSync(pathname.endsWith('/') ? path.join(target, 'index.html') : target))
          broken.push(`${file}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
    const qr = await qrSvg('https://zhulao.example.org/zhihuizhulao/courses/minimal-course/', '这一页网址的二维码');
    expect(fs.readFileSync(path.join(out, 'courses/minimal-course/index.html'), 'utf8')).toContain(qr);
  });
});
