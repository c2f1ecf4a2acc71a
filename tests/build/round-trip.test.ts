/**
 * Serialised output round-trips as text: a title and a summary full of the characters that break XML, CSV, JSON
 * and HTML attributes (quotes, ampersands, `]]>`, `<` and `>`, backslashes, template braces, tabs) come back
 * unchanged from RSS, CSV, JSON, the Pagefind metadata in each page, and the QR code's label and contents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import QRCode from 'qrcode';
import sax from 'sax';
import { beforeAll, describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/site/qr.ts';
import { makeTree, minimalCourse, variant } from '../fixtures/entries.ts';
import { OUTPUT, run } from '../helpers/run.ts';

const TITLE = `子女&老人："扫码"付款 'a<b' 5>3 ]]> \\ \${x} {{y}}`;
const SUMMARY = `摘要里有 ]]> 和 &amp; 和 "双引号"、'单引号'、a < b > c、反斜杠 \\、{{模板}}、\${变量}\t制表符，全都原样保留。`;
const SLUG = 'wangfan-zifu';
const TREE = path.join(OUTPUT, 'trees', 'round-trip');
const OUT = path.join(OUTPUT, 'round-trip-build');
const read = (file: string) => fs.readFileSync(path.join(OUT, file), 'utf8');

beforeAll(() => {
  const tree = makeTree(TREE, [variant(minimalCourse, `${SLUG}.md`, { title: TITLE, summary: SUMMARY })]);
  const result = run('npx', ['astro', 'build', '--outDir', OUT], {
    CONTENT_DIR: tree,
    SITE_URL: 'https://zhulao.example.org',
  });
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.output}`);
});

function elements(html: string): Element[] {
  const found: Element[] = [];
  const stack: Nodes[] = [fromHtml(html)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'element') found.push(node);
    if ('children' in node) stack.push(...node.children);
  }
  return found;
}

/** The text of an element, as textContent gives it. */
function toString(element: Element): string {
  let text = '';
  const stack: Nodes[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') text += node.value;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return text;
}

describe('hostile text through every serialised output', () => {
  it('RSS', () => {
    const items: Record<string, string>[] = [];
    const parser = sax.parser(true);
    let item: Record<string, string> | undefined;
    let tag = '';
    parser.onopentag = (node) => {
      tag = node.name;
      if (tag === 'item') item = {};
    };
    parser.onclosetag = (name) => {
      if (name === 'item' && item) items.push(item);
      tag = '';
    };
    const text = (value: string) => item && tag && (item[tag] = (item[tag] ?? '') + value);
    parser.ontext = text;
    parser.oncdata = text;
    parser.write(read('rss.xml')).close();
    const mine = items.find((i) => i.link?.includes(SLUG));
    expect(mine?.title).toBe(TITLE);
    expect(mine?.description).toBe(SUMMARY);
  });

  it('JSON', () => {
    const doc = JSON.parse(read('data/entries.json')) as {
      entries: { slug: string; title: string; summary: string }[];
    };
    const record = doc.entries.find((e) => e.slug === SLUG);
    expect(record?.title).toBe(TITLE);
    expect(record?.summary).toBe(SUMMARY);
  });

  it('CSV', () => {
    const rows = parse(read('data/entries.csv'), { bom: true }) as string[][];
    const row = rows.find((r) => r.includes(TITLE));
    expect(row, 'no CSV row holds the title unchanged').toBeDefined();
    expect(row).toContain(SUMMARY);
  });

  it('Pagefind metadata and the page itself', () => {
    const page = elements(read(`courses/${SLUG}/index.html`));
    expect(toString(page.find((e) => e.tagName === 'h1')!)).toBe(TITLE);
    const summary = page.find((e) => e.properties.dataPagefindMeta === 'summary');
    expect(toString(summary!)).toBe(SUMMARY);
    expect(toString(page.find((e) => e.tagName === 'title')!)).toContain(TITLE);
  });

  it('QR codes: the label as an attribute, the contents as the URL', async () => {
    const url = `https://zhulao.example.org/courses/${SLUG}/?a=1&b="2"`;
    const svg = elements(await qrSvg(url, TITLE)).find((e) => e.tagName === 'svg')!;
    expect(svg.properties.ariaLabel).toBe(TITLE);
    const segments = QRCode.create(url, { errorCorrectionLevel: 'M' }).segments as unknown as { data: Uint8Array }[];
    expect(Buffer.concat(segments.map((s) => Buffer.from(s.data))).toString('utf8')).toBe(url);
  });
});
