// The search index, in shards: one Pagefind index over 10,000 pages needs far more memory than ten over 1,000
// each, so each shard is indexed by its own Pagefind process, closed before the next one starts. The browser
// loads shard 0 as the main bundle and merges the others listed in pagefind/shards.json.
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import dc from 'node:diagnostics_channel';
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Pages per shard at most. Pagefind needs about 1 MB per page of a shard (measured at 10,000 entries: 2,240 pages
 * took 2.3 GB), so a full shard stays near 2.6 GB. More shards cost bytes: each query loads index chunks from all.
 */
export const SHARD_SIZE = 2500;

/** Lists the other shards' bundles, relative to the main bundle: `["shard-1/", "shard-2/"]`. */
export const SHARDS_FILE = 'shards.json';

/** Only entry pages, scenario pages and the glossary mark the part of the page that search should read. */
const SEARCHABLE = /<[^>]*\sdata-pagefind-body[\s=/>]/;

/** What a shard bundle needs besides the main one: its own index, fragments and filters, not Pagefind's scripts. */
const SHARD_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

export interface IndexSummary {
  /** Pages in each shard, shard 0 first */
  shards: number[];
}

/** The site's HTML files that carry `data-pagefind-body`, as sorted paths relative to the site. */
export function findSearchablePages(site: string): string[] {
  return fs
    .readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && SEARCHABLE.test(fs.readFileSync(path.join(site, file), 'utf8')))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

function weight(page: string, shard: number): bigint {
  return crypto.createHash('sha256').update(`${shard}\u0000${page}`).digest().readBigUInt64BE(0);
}

/**
 * The shard of `count` that a page belongs to, by rendezvous hashing: when the site grows to one shard more,
 * a page either stays where it was or moves to the new shard, never between old ones.
 */
export function shardOf(page: string, count: number): number {
  let best = 0;
  let bestWeight = weight(page, 0);
  for (let shard = 1; shard < count; shard++) {
    const w = weight(page, shard);
    if (w > bestWeight) [best, bestWeight] = [shard, w];
  }
  return best;
}

/**
 * Splits sorted pages into the fewest shards in which none holds more than `shardSize` pages. Hashing does not
 * fill shards exactly, so this can take one shard more than a plain division would.
 */
export function splitIntoShards(pages: readonly string[], shardSize: number): string[][] {
  if (!Number.isInteger(shardSize) || shardSize < 1) throw new RangeError(`shardSize must be ≥ 1, not ${shardSize}`);
  for (let count = Math.max(1, Math.ceil(pages.length / shardSize)); ; count++) {
    const shards: string[][] = Array.from({ length: count }, () => []);
    for (const page of pages) shards[shardOf(page, count)]!.push(page);
    if (shards.every((shard) => shard.length <= shardSize)) {
      // An empty index has no language for the browser to load; only tiny shard sizes leave a shard empty.
      return shards.filter((shard) => shard.length > 0);
    }
  }
}

/** Where shard k's bundle goes, relative to the main bundle `pagefind/`. */
export const shardBundle = (shard: number): string => (shard === 0 ? '' : `shard-${shard}/`);

function check<T extends { errors: string[] }>(response: T, doing: string): T {
  if (response.errors.length) throw new Error(`Pagefind ${doing}: ${response.errors.join('; ')}`);
  return response;
}

/** Resolves once the process has exited, and so has returned its memory. */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Pagefind unrefs its service; the timer keeps Node running until the service is gone.
    const keepAlive = setInterval(() => {}, 1000);
    child.once('exit', () => {
      clearInterval(keepAlive);
      resolve();
    });
  });
}

/**
 * A folder beside the site that holds only the shard's pages, as hard links at their own paths, so that Pagefind
 * can read the shard as a directory: it parses a directory's pages on every core, one file at a time on one.
 */
function stageShard(site: string, pages: readonly string[], folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
  for (const page of pages) {
    const target = path.join(folder, page);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.linkSync(path.join(site, page), target);
    } catch {
      fs.copyFileSync(path.join(site, page), target);
    }
  }
}

async function writeShard(site: string, pages: readonly string[], outputPath: string): Promise<void> {
  const staging = `${site}.pagefind-shard`;
  stageShard(site, pages, staging);
  // Pagefind's Node API starts its service without handing it out; the diagnostics channel tells us which it is.
  const services: ChildProcess[] = [];
  const onSpawn = (message: unknown) => services.push((message as { process: ChildProcess }).process);
  dc.subscribe('child_process', onSpawn);
  try {
    // The site is lang="zh-CN"; forcing it keeps every shard in the one language the browser loads.
    const { index } = check(await pagefind.createIndex({ forceLanguage: 'zh-cn' }), 'createIndex');
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const { page_count } = check(await index.addDirectory({ path: staging }), 'addDirectory');
    if (page_count !== pages.length)
      throw new Error(`Pagefind 只读到了 ${page_count} 个页面，这一片应有 ${pages.length} 个。`);
    check(await index.writeFiles({ outputPath }), 'writeFiles');
  } finally {
    dc.unsubscribe('child_process', onSpawn);
    // Stop the service and wait for it to exit, so that its memory is free before the next shard starts.
    await pagefind.close();
    await Promise.all(services.map(exited));
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Indexes a built site into `<site>/pagefind/` (shard 0), `<site>/pagefind/shard-<k>/` and `shards.json`. */
export async function indexSite(site: string, { shardSize = SHARD_SIZE } = {}): Promise<IndexSummary> {
  const root = path.resolve(site);
  const bundle = path.join(root, 'pagefind');
  const pages = findSearchablePages(root);
  if (pages.length === 0)
    throw new Error(`${root} 里没有带 data-pagefind-body 的页面，搜索索引会是空的：请先确认网站构建完整。`);
  const shards = splitIntoShards(pages, shardSize);
  fs.rmSync(bundle, { recursive: true, force: true });
  for (const [k, shard] of shards.entries()) {
    const outputPath = path.join(bundle, shardBundle(k));
    await writeShard(root, shard, outputPath);
    if (k === 0) continue;
    for (const file of fs.readdirSync(outputPath))
      if (!SHARD_FILES.test(file)) fs.rmSync(path.join(outputPath, file), { recursive: true });
  }
  const others = shards.slice(1).map((_, i) => shardBundle(i + 1));
  fs.writeFileSync(path.join(bundle, SHARDS_FILE), `${JSON.stringify(others)}\n`);
  return { shards: shards.map((shard) => shard.length) };
}
