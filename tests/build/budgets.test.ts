import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/checks/validator.ts';
import { DIST, OUTPUT, run } from '../helpers/run.ts';
import { UI } from '../../src/i18n/zh-CN.ts';
import { ENTRY_ACTIONS_UI } from '../../src/i18n/zh-CN/entry-actions.ts';
import { PAGE_TYPES, type PageType } from '../helpers/page-types.ts';
import { builtPages } from '../helpers/built-pages.ts';

/** Performance budgets for a cheap phone on a slow connection (print books are exempt). */
const PAGE_BUDGET = 40 * 1024;
const JS_BUDGET = 10 * 1024;
/** An entry page's scripts only wire its buttons (朗读, 收藏, 复制链接, 打印) and the display settings. */
const ENTRY_JS_BUDGET = 3 * 1024;
const ENTRY_PAGES = new Set(['course', 'case', 'project', 'withdrawn']);

const gzip = (text: string | Buffer) => zlib.gzipSync(text, { level: 9 }).length;
const reader = (site: string) => (url: string) =>
  fs.readFileSync(path.join(site, decodeURIComponent(url.split('?')[0]!)));

/** A module and every module it imports statically, once each. */
function moduleGraph(read: (url: string) => Buffer, url: string, seen = new Set<string>()): Set<string> {
  if (seen.has(url)) return seen;
  seen.add(url);
  const code = read(url).toString('utf8');
  for (const [, spec] of code.matchAll(/import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) {
    moduleGraph(read, new URL(spec!, `http://x${url}`).pathname, seen);
  }
  return seen;
}

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  cssFiles: number;
}

function pageHtml(pagePath: string, site: string): string {
  const { pathname } = new URL(pagePath, 'http://x');
  const file = path.join(site, decodeURIComponent(pathname), 'index.html');
  return fs.readFileSync(fs.existsSync(file) ? file : path.join(site, '404.html'), 'utf8');
}

/** Every script a page runs: its inline scripts, its module scripts and all they import, once each. */
export function pageScripts(pagePath: string, site = DIST): string[] {
  const read = reader(site);
  const html = pageHtml(pagePath, site);
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  const inlineScripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => m[1]!,
  );
  const modules = new Set<string>();
  for (const src of scripts) for (const m of moduleGraph(read, src)) modules.add(m);
  // Imports inside inline module scripts count too.
  for (const code of inlineScripts) {
    for (const [, spec] of code.matchAll(/import\s*(?:[^'"()]*?from\s*)?["'](\/[^"']+)["']/g))
      for (const m of moduleGraph(read, spec!)) modules.add(m);
  }
  return [...[...modules].map((src) => read(src).toString('utf8')), ...inlineScripts];
}

export function weigh(pagePath: string, site = DIST): PageWeight {
  const read = reader(site);
  const html = pageHtml(pagePath, site);
  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  return {
    html: gzip(html),
    css: stylesheets.reduce((sum, href) => sum + gzip(read(href)), 0),
    js: pageScripts(pagePath, site).reduce((sum, code) => sum + gzip(code), 0),
    cssFiles: stylesheets.length,
  };
}

type Weighed = PageType & PageWeight;

function printWeights(weights: Weighed[]): void {
  console.log(
    [
      'page type            html   css    js   (KB, gzip)',
      ...weights.map(
        (w) =>
          `${w.name.padEnd(18)} ${(w.html / 1024).toFixed(1).padStart(5)} ${(w.css / 1024).toFixed(1).padStart(5)} ${(w.js / 1024).toFixed(1).padStart(5)}`,
      ),
    ].join('\n'),
  );
}

function expectWithinBudget(w: Weighed): void {
  expect(w.html + w.css + w.js, `${w.name}: ${w.html}+${w.css}+${w.js} bytes`).toBeLessThanOrEqual(PAGE_BUDGET);
  expect(w.cssFiles).toBeLessThanOrEqual(1);
  if (w.name !== 'search') expect(w.js, `${w.name} JavaScript`).toBeLessThanOrEqual(JS_BUDGET);
  if (ENTRY_PAGES.has(w.name)) expect(w.js, `${w.name} JavaScript`).toBeLessThanOrEqual(ENTRY_JS_BUDGET);
}

describe('page weight budgets on the sample site', () => {
  const pages = PAGE_TYPES.filter((p) => p.name !== 'book');
  const weights = pages.map((p) => ({ ...p, ...weigh(p.path) }));

  it('prints the weights', () => printWeights(weights));

  it.each(weights.map((w) => [w.name, w] as const))(
    '%s stays within 40 KB, one CSS file, and 10 KB of JavaScript (3 KB on entry pages)',
    (_, w) => expectWithinBudget(w),
  );

  it('keeps entry pages within 3 KB of JavaScript, carrying only the strings their buttons show', () => {
    const own: string[] = Object.values(ENTRY_ACTIONS_UI);
    // 我的收藏 is a string of its own and a part of 已收藏。在“我的收藏”里可以找到它。
    const others = Object.values(UI).filter((text) => !own.some((mine) => mine.includes(text)));
    for (const page of pages.filter((p) => ENTRY_PAGES.has(p.name))) {
      const code = pageScripts(page.path).join('\n');
      expect(code, page.name).toContain(ENTRY_ACTIONS_UI['actions.favoriteAdded']);
      expect(
        others.filter((text) => code.includes(text)),
        `${page.name}: strings no script there shows`,
      ).toEqual([]);
    }
  });

  it('sends content images with width and height, in a modern format, never wider than a 3× phone needs', () => {
    const html = fs.readFileSync(path.join(DIST, 'courses/sunbei-shipin-tonghua/index.html'), 'utf8');
    const images = [...html.matchAll(/<img\s[^>]*>/g)].map((m) => m[0]);
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) {
      expect(img).toMatch(/\swidth="\d+"/);
      expect(img).toMatch(/\sheight="\d+"/);
      expect(img).toMatch(/\ssrc="[^"]+\.(avif|webp|svg)"/);
      for (const [, w] of img.matchAll(/\s(\d+)w\b/g)) expect(Number(w)).toBeLessThanOrEqual(1125);
    }
  });
});

const classesOf = (node: Element) => (node.properties.className as string[] | undefined) ?? [];

/** The elements of a subtree, leaving out the subtrees for which skip is true. */
function subtree(root: Nodes, skip: (node: Element) => boolean = () => false): Element[] {
  const found: Element[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'element') {
      if (node !== root && skip(node)) continue;
      found.push(node);
    }
    if ('children' in node) stack.push(...node.children);
  }
  return found;
}

describe('shared components without scoped-style attributes', () => {
  /*
   * A component with a scoped <style> marks every one of its elements with data-astro-cid-xxxxxxxx (24 bytes): 2.58
   * million of them, 59 MB, at 10,000 entries, most from the components on every page or many times on a page. These
   * keep global zl- classes instead, and nothing in them may carry the attribute again.
   */
  const roots: [string, (node: Element) => boolean][] = [
    ['header', (n) => n.tagName === 'header' && classesOf(n).includes('zl-header')],
    ['footer', (n) => n.tagName === 'footer' && classesOf(n).includes('zl-footer')],
    ['breadcrumb', (n) => n.tagName === 'nav' && classesOf(n).includes('zl-breadcrumb')],
    ['facts', (n) => n.tagName === 'dl' && classesOf(n).includes('zl-facts')],
    ['card', (n) => n.tagName === 'article' && classesOf(n).includes('zl-card')],
    ['actions', (n) => classesOf(n).includes('zl-actions') || classesOf(n).includes('zl-actions__status')],
    // The entry page's own elements; the 小词典 box inside it is a component of its own.
    ['entry', (n) => n.tagName === 'article' && n.properties.dataPagefindBody !== undefined],
  ];
  const isOtherComponent = (n: Element) => n.tagName === 'section' && classesOf(n).includes('glossary');

  it('has none on any element of the header, footer, breadcrumb, facts, cards, actions or entry page', () => {
    const seen = new Map(roots.map(([name]) => [name, 0]));
    const marked: string[] = [];
    for (const file of builtPages(DIST)) {
      const all = subtree(fromHtml(fs.readFileSync(path.join(DIST, file), 'utf8')));
      for (const [name, isRoot] of roots) {
        for (const root of all.filter(isRoot)) {
          seen.set(name, seen.get(name)! + 1);
          for (const node of subtree(root, isOtherComponent)) {
            const cid = Object.keys(node.properties).find((key) => key.startsWith('dataAstroCid'));
            if (cid) marked.push(`${file}: <${node.tagName} class="${classesOf(node).join(' ')}"> in the ${name}`);
          }
        }
      }
    }
    expect(marked.slice(0, 20)).toEqual([]);
    // Not vacuous: every kind of element was found, the header and footer on every page with the site's frame.
    for (const [name, count] of seen) expect(count, name).toBeGreaterThan(0);
    expect(seen.get('header')).toBe(seen.get('footer'));
    expect(seen.get('header')).toBeGreaterThan(50);
  });
});

// Lists are paged, so a larger catalogue must not make any page heavier: one page of every type at 1,000 entries.
describe('page weight budgets at 1,000 generated entries', () => {
  const tree = path.join(OUTPUT, 'generated-1000');
  const site = path.join(OUTPUT, 'generated-1000-build');
  let weights: Weighed[] = [];

  beforeAll(() => {
    fs.rmSync(tree, { recursive: true, force: true });
    const generated = run('npm', ['run', '--silent', 'generate', '--', '1000', tree]);
    expect(generated.status, generated.output).toBe(0);
    const built = run('npx', ['astro', 'build', '--outDir', site], { CONTENT_DIR: tree });
    expect(built.status, built.output).toBe(0);
    const { entries } = validateContent(tree).catalogue;
    const first = (kind: string) => entries.find((e) => e.kind === kind && !e.data.withdrawn)!;
    const withdrawn = entries.find((e) => e.data.withdrawn)!;
    const pages: PageType[] = PAGE_TYPES.filter((p) => p.name !== 'book').map((p) => {
      if (p.name === 'course' || p.name === 'case' || p.name === 'project') {
        const entry = first(`${p.name}s`);
        return { ...p, path: `/${entry.kind}/${entry.slug}/` };
      }
      if (p.name === 'withdrawn') return { ...p, path: `/${withdrawn.kind}/${withdrawn.slug}/` };
      return p;
    });
    pages.push(
      { name: 'courses page 2', path: '/courses/2/' },
      { name: 'scenario page 2', path: '/scenarios/jiuyi/2/' },
    );
    weights = pages.map((p) => {
      if (p.name !== 'not-found') {
        const file = path.join(site, new URL(p.path, 'http://x').pathname, 'index.html');
        expect(fs.existsSync(file), file).toBe(true);
      }
      return { ...p, ...weigh(p.path, site) };
    });
  });

  it('prints the weights', () => printWeights(weights));

  it('keeps the correction and conversion data within 40 KB gzipped', () => {
    // Fetched only when a search finds too little (tests/search); it grows with the vocabulary, capped by MAX_WORDS.
    const bytes = gzip(fs.readFileSync(path.join(site, 'search/lexicon.json')));
    console.log(`lexicon.json at 1,000 entries: ${(bytes / 1024).toFixed(1)} KB gzipped`);
    expect(bytes).toBeLessThanOrEqual(40 * 1024);
  });

  it('keeps every page type within its budget', () => {
    expect(weights.length).toBe(PAGE_TYPES.length + 1);
    for (const w of weights) expectWithinBudget(w);
  });
});
