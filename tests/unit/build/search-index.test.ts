import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SHARDS_FILE,
  findSearchablePages,
  indexSite,
  shardOf,
  splitIntoShards,
} from '../../../scripts/build/search-index.ts';
import { OUTPUT } from '../../helpers/run.ts';

const pagesOf = (count: number, prefix = 'courses') =>
  Array.from({ length: count }, (_, i) => `${prefix}/entry-${String(i).padStart(5, '0')}/index.html`);

describe('shardOf: a page keeps its shard as the site grows', () => {
  const pages = pagesOf(3000);

  it('gives the same shard every time', () => {
    for (const page of pages.slice(0, 50)) expect(shardOf(page, 7)).toBe(shardOf(page, 7));
  });

  it('moves a page only to the new shard when one is added', () => {
    for (let count = 1; count < 9; count++) {
      let moved = 0;
      for (const page of pages) {
        const before = shardOf(page, count);
        const after = shardOf(page, count + 1);
        if (after !== before) {
          expect(after).toBe(count);
          moved++;
        }
      }
      // About one page in count + 1 moves: the share the new shard should get.
      expect(moved / pages.length).toBeCloseTo(1 / (count + 1), 1);
    }
  });
});

describe('splitIntoShards', () => {
  it('keeps every page once, in sorted order, in shards no larger than the limit', () => {
    const pages = pagesOf(10_000);
    const shards = splitIntoShards(pages, 1500);
    expect(shards.flat().sort()).toEqual(pages);
    for (const shard of shards) {
      expect(shard.length).toBeLessThanOrEqual(1500);
      expect(shard).toEqual([...shard].sort());
    }
  });

  it('uses about as few shards as a plain division, each near the average size', () => {
    const pages = [...pagesOf(6000, 'courses'), ...pagesOf(2500, 'projects'), ...pagesOf(1500, 'cases')];
    const shards = splitIntoShards(pages, 1500);
    expect(shards.length).toBeGreaterThanOrEqual(7);
    expect(shards.length).toBeLessThanOrEqual(8);
    const average = pages.length / shards.length;
    for (const shard of shards) expect(Math.abs(shard.length - average) / average).toBeLessThan(0.1);
  });

  it('is one shard when the site fits, and the same split for the same pages', () => {
    const pages = pagesOf(56);
    expect(splitIntoShards(pages, 1500)).toEqual([pages]);
    expect(splitIntoShards(pagesOf(4000), 1500)).toEqual(splitIntoShards(pagesOf(4000), 1500));
  });

  it('leaves no shard empty and refuses a size below one', () => {
    for (const shard of splitIntoShards(pagesOf(9), 2)) expect(shard.length).toBeGreaterThan(0);
    expect(() => splitIntoShards(pagesOf(9), 0)).toThrow(RangeError);
  });
});

/** A tiny built site: pages that mark their searchable part, and a list page that does not. */
function makeSite(dir: string, count: number): string[] {
  fs.rmSync(dir, { recursive: true, force: true });
  const searchable: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = `courses/c${i}/index.html`;
    searchable.push(file);
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(
      path.join(dir, file),
      `<!doctype html><html lang="zh-CN"><head><title>课程 ${i}</title></head><body>
<nav>首页</nav><article data-pagefind-body><h1>手机挂号课程 ${i}</h1>
<span data-pagefind-filter="kind:课程资源"></span><p>教老年人用手机预约挂号，第 ${i} 课。</p></article></body></html>`,
    );
  }
  fs.mkdirSync(path.join(dir, 'courses'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'courses/index.html'),
    '<!doctype html><html lang="zh-CN"><body><p>写 data-pagefind-body 属性的页面才会被搜索</p></body></html>',
  );
  return searchable.sort();
}

const entryOf = (bundle: string) =>
  JSON.parse(fs.readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };

describe('indexSite', () => {
  it('finds only the pages whose markup carries data-pagefind-body', () => {
    const site = path.join(OUTPUT, 'search-index-unit', 'find');
    const searchable = makeSite(site, 3);
    expect(findSearchablePages(site)).toEqual(searchable);
  });

  it('writes shard 0 as the main bundle, the others beside it, and lists them in shards.json', async () => {
    const site = path.join(OUTPUT, 'search-index-unit', 'sharded');
    makeSite(site, 7);
    const { shards } = await indexSite(site, { shardSize: 3 });
    expect(shards.length).toBeGreaterThan(2);
    expect(shards.reduce((sum, n) => sum + n, 0)).toBe(7);

    const bundle = path.join(site, 'pagefind');
    const others = JSON.parse(fs.readFileSync(path.join(bundle, SHARDS_FILE), 'utf8')) as string[];
    expect(others).toEqual(shards.slice(1).map((_, i) => `shard-${i + 1}/`));
    expect(fs.existsSync(path.join(bundle, 'pagefind.js'))).toBe(true);
    const bundles = [bundle, ...others.map((shard) => path.join(bundle, shard))];
    expect(bundles.map((b) => entryOf(b).languages['zh-cn']?.page_count)).toEqual(shards);
    // A merged shard needs only its own index: Pagefind's scripts and wasm come from the main bundle.
    expect(fs.readdirSync(bundles[1]!).sort()).toEqual(
      expect.arrayContaining(['filter', 'fragment', 'index', 'pagefind-entry.json']),
    );
    expect(fs.existsSync(path.join(bundles[1]!, 'pagefind.js'))).toBe(false);
  });

  it('writes an empty shards.json when one shard holds the site, and removes shards of an earlier run', async () => {
    const site = path.join(OUTPUT, 'search-index-unit', 'single');
    makeSite(site, 4);
    await indexSite(site, { shardSize: 2 });
    expect(fs.existsSync(path.join(site, 'pagefind/shard-1'))).toBe(true);
    const { shards } = await indexSite(site);
    expect(shards).toEqual([4]);
    expect(fs.readFileSync(path.join(site, 'pagefind', SHARDS_FILE), 'utf8')).toBe('[]\n');
    expect(fs.existsSync(path.join(site, 'pagefind/shard-1'))).toBe(false);
  });

  it('fails with a Chinese message when no page is searchable', async () => {
    const site = path.join(OUTPUT, 'search-index-unit', 'empty');
    fs.rmSync(site, { recursive: true, force: true });
    fs.mkdirSync(site, { recursive: true });
    fs.writeFileSync(path.join(site, 'index.html'), '<html lang="zh-CN"><body>首页</body></html>');
    await expect(indexSite(site)).rejects.toThrow(/没有带 data-pagefind-body 的页面/);
  });
});
