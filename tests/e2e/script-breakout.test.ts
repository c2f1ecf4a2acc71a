/**
 * Defence in depth for a unit name that closes a script block. The checks refuse such a name (see
 * tests/content/live-defects.test.ts); here they are skipped on purpose, as if a new route slipped past them,
 * and the built pages must still run no script of the content's, keep the CSP first in <head>, and carry the
 * name as text in the JSON-LD, entries.json and entries.csv.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKED_ALONGSIDE_VARIABLE } from '../../src/config/paths.ts';
import { makeTree, minimalCourse } from '../fixtures/entries.ts';
import { OUTPUT, run } from '../helpers/run.ts';
import { useSiteInBrowser } from '../helpers/browser-suite.ts';

const NAME =
  '</script><script>window.__zhulaoPwned = 1; location.href = "https://evil.example/"</script>示例\u2028学院';
const OUT = path.join(OUTPUT, 'script-breakout-build');

beforeAll(async () => {
  const tree = makeTree(path.join(OUTPUT, 'trees', 'script-breakout'), [minimalCourse]);
  const units = path.join(tree, 'units.yaml');
  const yamlName = JSON.stringify(NAME); // a double-quoted YAML scalar
  fs.writeFileSync(units, fs.readFileSync(units, 'utf8').replace('name: 浙江示例市老年开放大学', `name: ${yamlName}`));
  // CHECKED_ALONGSIDE tells the integration that someone else checks the content: nobody does here.
  const result = run('npx', ['astro', 'build', '--outDir', OUT], {
    CONTENT_DIR: tree,
    [CHECKED_ALONGSIDE_VARIABLE]: '1',
  });
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.output}`);
});

const site = useSiteInBrowser(OUT);

describe('a unit name that closes a script block', () => {
  it('runs no script on the entry page, and the CSP is in force', async () => {
    const page = await site.browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${site.url}/courses/minimal-course/`);
    expect(await page.evaluate(() => (window as unknown as { __zhulaoPwned?: number }).__zhulaoPwned)).toBeUndefined();
    expect(page.url()).toBe(`${site.url}/courses/minimal-course/`);
    expect(requests.filter((url) => !url.startsWith(site.url))).toEqual([]);
    // The policy stands first in <head>: right after meta charset, before every script and JSON-LD block
    const head = await page.evaluate(() => [...document.head.children].map((e) => e.outerHTML.slice(0, 60)));
    expect(head[0]).toMatch(/^<meta charset/);
    expect(head[1]).toMatch(/^<meta http-equiv="content-security-policy"/);
    // An inline script that the policy does not list is blocked
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__zhulaoInjected = 1';
      document.body.append(script);
    });
    expect(
      await page.evaluate(() => (window as unknown as { __zhulaoInjected?: number }).__zhulaoInjected),
    ).toBeUndefined();
    expect(violations.length).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps the name as text in the JSON-LD', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/courses/minimal-course/`);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]!).provider.name).toBe(NAME);
    await page.close();
  });

  it('round-trips as text through entries.json and entries.csv', () => {
    const json = JSON.parse(fs.readFileSync(path.join(OUT, 'data/entries.json'), 'utf8'));
    expect(JSON.stringify(json)).toContain(JSON.stringify(NAME).slice(1, -1));
    const rows: string[][] = parse(fs.readFileSync(path.join(OUT, 'data/entries.csv'), 'utf8'), { bom: true });
    expect(rows.slice(1).some((row) => row.includes(NAME))).toBe(true);
  });
});
