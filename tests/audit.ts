// npm run audit: Lighthouse (mobile) with Debian's Chromium against the built site served on 127.0.0.1, on
// the page types a senior meets first. Prints the median of three runs per page.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { serveStatic } from './helpers/static-server.ts';
import { DIST } from './helpers/run.ts';

const PAGES = ['/', '/scenarios/jiuyi/', '/courses/shouji-yuyue-guahao/', '/search/?q=挂号', '/progress/'];
const RUNS = 3;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PORT = 9333;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zhulao-audit-'));
const chromium = spawn(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--remote-debugging-port=${PORT}`,
  `--user-data-dir=${profile}`,
]);
await new Promise((resolve) => setTimeout(resolve, 2000));
const server = await serveStatic(DIST);

const rows: string[] = [];
try {
  for (const page of PAGES) {
    const runs: { scores: number[]; lcp: number; cls: number; tbt: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(server.url + encodeURI(page), {
        port: PORT,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      const lhr = result!.lhr;
      runs.push({
        scores: CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100)),
        lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
        tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      });
    }
    const scores = CATEGORIES.map((_, i) => median(runs.map((r) => r.scores[i]!)));
    rows.push(
      `| ${page} | ${scores.join(' | ')} | ${(median(runs.map((r) => r.lcp)) / 1000).toFixed(2)} s | ${median(runs.map((r) => r.cls)).toFixed(3)} | ${Math.round(median(runs.map((r) => r.tbt)))} ms |`,
    );
    console.log(`已审计 ${page}`);
  }
} finally {
  chromium.kill();
  await server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(
  '\n| 页面 | 性能 | 无障碍 | 最佳实践 | SEO | LCP | CLS | TBT |\n| --- | --- | --- | --- | --- | --- | --- | --- |',
);
for (const row of rows) console.log(row);
console.log(`\n（移动端模拟，每页 ${RUNS} 次取中位数；Lighthouse 12.2.3，Debian Chromium）`);
