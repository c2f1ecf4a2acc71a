// npm run check-links [-- --external]: every link in dist/ to our own site must resolve to a file; with
// --external, also asks each outside site (course links, platform videos) whether the page is still there.
// Timeouts and network errors are reported, not failed: the outside world is not ours to test.
import fs from 'node:fs';
import path from 'node:path';
import { isExternal, linksInHtml } from '../src/build/links.ts';
import { BASE_PATH, SITE_URL } from '../src/config/paths.ts';
import { readCommandLine } from '../src/report/command-line.ts';

const { values } = readCommandLine(
  { options: { external: { type: 'boolean', default: false }, dist: { type: 'string', default: 'dist' } } },
  '用法：npm run check-links [-- --external] [--dist 网站目录]：检查站内链接；加 --external 也检查站外链接',
);
const dist = path.resolve(values.dist);
const pages = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));

const broken: string[] = [];
const external = new Map<string, string>();
for (const page of pages) {
  const from = `/${page.replace(/index\.html$/, '')}`;
  for (const link of linksInHtml(fs.readFileSync(path.join(dist, page), 'utf8'))) {
    if (/^(mailto|tel|data|javascript):|^#/.test(link)) continue;
    if (isExternal(link, SITE_URL)) {
      external.set(link, page);
      continue;
    }
    const url = new URL(link, `${SITE_URL}${from}`);
    if (!url.pathname.startsWith(BASE_PATH)) continue;
    let file = path.join(dist, decodeURIComponent(url.pathname.slice(BASE_PATH.length)));
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) broken.push(`${page}: ${link}`);
  }
}
console.log(`检查了 ${pages.length} 个页面的站内链接：${broken.length === 0 ? '全部有效' : `${broken.length} 个无效`}`);
for (const line of broken) console.log(`  ✗ ${line}`);

let failed = broken.length > 0;
if (values.external) {
  console.log(`检查 ${external.size} 个站外链接……`);
  for (const [link, page] of external) {
    try {
      const response = await fetch(link, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(10_000) });
      if (response.status >= 400) {
        failed = true;
        console.log(`  ✗ ${response.status} ${link}（${page}）`);
      } else {
        console.log(`  ✓ ${response.status} ${link}`);
      }
    } catch (error) {
      console.log(`  ? 无法连接（只报告，不算失败）：${link}（${(error as Error).name}）`);
    }
  }
}
process.exit(failed ? 1 : 0);
