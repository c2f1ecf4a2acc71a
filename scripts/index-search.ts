// node scripts/index-search.ts <site> [--shard-size N]: writes the search index of an already built site, in
// shards (see scripts/lib/search-index.ts). npm run build runs the same step; this entry is for the benchmark.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { SHARD_SIZE, indexSite } from './lib/search-index.ts';

const USAGE =
  '用法：node scripts/index-search.ts 网站目录 [--shard-size 每片页数]，例如 node scripts/index-search.ts dist';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ options: { 'shard-size': { type: 'string' } }, allowPositionals: true });
} catch (error) {
  fail(`参数不对：${(error as Error).message}`);
}
const { values, positionals } = parsed;
if (positionals.length !== 1) fail('需要一个参数：已构建的网站目录。');
const site = positionals[0]!;
if (!fs.existsSync(site) || !fs.statSync(site).isDirectory()) fail(`找不到网站目录 ${site}，请先运行 astro build。`);
const sizeText = values['shard-size'] ?? String(SHARD_SIZE);
if (!/^[1-9]\d*$/.test(sizeText)) fail(`--shard-size「${sizeText}」不对，请写正整数，例如 ${SHARD_SIZE}。`);

const { shards } = await indexSite(site, { shardSize: Number(sizeText) });
const pages = shards.reduce((sum, n) => sum + n, 0);
console.log(`搜索索引已生成：${pages} 个页面，分 ${shards.length} 片（每片 ${shards.join(' / ')} 页）。`);
