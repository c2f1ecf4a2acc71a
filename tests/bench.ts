// npm run bench [-- --sizes 800,3000,10000]: how validation, build, search index, output size and the bytes
// one search fetches grow with the catalogue, against a bare Astro + Pagefind site over the same Markdown.
// The build is measured as `npm run build` runs it (content checks and Astro at once, then the index), with the
// memory of the whole process tree; the baseline's steps are single processes, measured by GNU time.
// Trees are generated into a temporary folder (never committed). Absolute times on a shared machine are
// noisy: compare the ratio to the baseline built in the same run, and the processor time (CPU), which depends less on
// what else the machine runs. Generated trees give about one entry in seven a cover photo (scripts/generate/synthetic-covers.ts),
// so the table shows what their share images add to dist.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openSiteInBrowser } from './helpers/browser.ts';
import { readCommandLine } from '../src/report/command-line.ts';
import { ROOT } from './helpers/run.ts';

const { values } = readCommandLine(
  {
    options: {
      sizes: { type: 'string', default: '800,3000,10000' },
      work: { type: 'string', default: path.join(os.tmpdir(), 'zhulao-bench') },
      baseline: { type: 'boolean', default: true },
    },
    allowNegative: true,
  },
  '用法：npm run bench [-- --sizes 800,3000,10000 --work 临时目录 --no-baseline]',
);

const BIN = path.join(ROOT, 'node_modules/.bin');
const work = path.resolve(values.work);

interface Step {
  seconds: number;
  peakMb: number;
  /** Processor time (user + system) of the process and the children it waited for: less noisy than wall time */
  cpuSeconds: number;
}

/** What GNU time wrote with TIME_FORMAT: wall seconds, processor seconds, largest resident set in KB. */
const TIME_FORMAT = '%e %U %S %M';
function readTime(file: string): Step {
  const [seconds, user, system, kb] = fs.readFileSync(file, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds: seconds!, cpuSeconds: user! + system!, peakMb: kb! / 1024 };
}

/**
 * Runs a command under GNU time; returns wall and processor seconds and the largest resident set of a single
 * process in its tree.
 */
function measure(command: string, args: string[], env: Record<string, string> = {}, cwd = ROOT): Step {
  const stats = path.join(work, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-f', TIME_FORMAT, '-o', stats, command, ...args], {
    cwd,
    env: { ...process.env, ...env, PATH: `${BIN}:${process.env.PATH}`, FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return readTime(stats);
}

/** The resident memory of a process and all its descendants, in MB, read from /proc. */
function treeRssMb(root: number): number {
  const parents = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name is in parentheses and may hold spaces; the parent pid is the second field after it.
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended between listing and reading.
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents)
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Ended meanwhile.
    }
  }
  return kb / 1024;
}

interface Phase {
  step: string;
  start: number;
  end: number;
}

/**
 * Runs `npm run build`'s script, sampling the memory of its whole process tree: its checks and Astro run at the
 * same time, so the peak of the build step is the sum of both. Returns each step's time and peak.
 */
async function measureBuild(
  out: string,
  env: Record<string, string>,
): Promise<Record<'build' | 'index', Omit<Step, 'cpuSeconds'>> & { cpuSeconds: number }> {
  const timingsFile = path.join(work, 'timings.json');
  const stats = path.join(work, 'build-time.txt');
  const script = [path.join(ROOT, 'scripts/build.ts'), '--out', out, '--timings', timingsFile];
  const child = spawn('/usr/bin/time', ['-f', TIME_FORMAT, '-o', stats, 'node', ...script], {
    cwd: ROOT,
    env: { ...process.env, ...env, PATH: `${BIN}:${process.env.PATH}`, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const samples: { at: number; mb: number }[] = [];
  const sampler = setInterval(() => samples.push({ at: Date.now(), mb: treeRssMb(child.pid!) }), 250);
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  if (status !== 0) throw new Error(`npm run build failed:\n${output}`);
  const phases = JSON.parse(fs.readFileSync(timingsFile, 'utf8')) as Phase[];
  const step = (name: 'build' | 'index'): Omit<Step, 'cpuSeconds'> => {
    const { start, end } = phases.find((p) => p.step === name)!;
    const inside = samples.filter((s) => s.at >= start && s.at <= end).map((s) => s.mb);
    return { seconds: (end - start) / 1000, peakMb: Math.max(0, ...inside) };
  };
  return { build: step('build'), index: step('index'), cpuSeconds: readTime(stats).cpuSeconds };
}

function folderBytes(dir: string): number {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => fs.statSync(path.join(dir, f)))
    .filter((s) => s.isFile())
    .reduce((sum, s) => sum + s.size, 0);
}

const countPages = (dir: string) =>
  fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;

/** A bare Astro site: one plain page per entry, no lists, no checks. */
function writeBaseline(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'src/pages'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  // Its own cache: node_modules is ours (a link), and Astro would otherwise share our content store.
  fs.writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "export default { cacheDir: './.astro-cache', markdown: { syntaxHighlight: false } };\n",
  );
  fs.writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
const base = process.env.CONTENT_DIR;
export const collections = Object.fromEntries(
  ['courses', 'cases', 'projects'].map((kind) => [kind, defineCollection({ loader: glob({ base: base + '/' + kind, pattern: '**/*.md' }) })]),
);
`,
  );
  fs.mkdirSync(path.join(dir, 'src/pages/[kind]'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'src/pages/[kind]/[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const kinds = ['courses', 'cases', 'projects'];
  const all = (await Promise.all(kinds.map((k) => getCollection(k)))).flat();
  return all.map((entry) => ({ params: { kind: entry.collection, slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body><h1>{entry.data.title}</h1><Content /></body></html>
`,
  );
}

async function queryBytes(site: string): Promise<number> {
  const { browser, url, close } = await openSiteInBrowser(site);
  try {
    const page = await browser.newPage();
    const sizes: Promise<number>[] = [];
    page.on('response', (response) => {
      // Every shard's chunks count: a query searches them all.
      if (/\/pagefind\/(shard-\d+\/)?(index|fragment|filter)\//.test(response.url()))
        sizes.push(response.body().then((body) => body.length));
    });
    await page.goto(`${url}/search/?q=${encodeURIComponent('挂号')}`);
    await page.locator('[data-search-status]').filter({ hasText: /找到/ }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    // Bodies are read after their responses arrive: wait for all of them, or the sum comes up short.
    return (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0);
  } finally {
    await close();
  }
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mb = (bytes: number) => bytes / 1024 / 1024;

fs.mkdirSync(work, { recursive: true });
const rows: string[][] = [];
for (const n of values.sizes.split(',').map(Number)) {
  const content = path.join(work, `content-${n}`);
  const site = path.join(work, `site-${n}`);
  fs.rmSync(content, { recursive: true, force: true });
  measure('node', [path.join(ROOT, 'scripts/generate-content.ts'), String(n), content]);
  // A build for publishing needs an address (src/config/paths.ts); the benchmark builds for an example one.
  const env = { CONTENT_DIR: content, SITE_URL: process.env.SITE_URL || 'https://bench.zhulao.example.org' };
  const validate = measure('node', [path.join(ROOT, 'scripts/validate.ts')], env);
  fs.rmSync(site, { recursive: true, force: true });
  // What staff run: checks beside the Astro build, then the search index in shards (the baseline runs plain Pagefind).
  const { build, index, cpuSeconds } = await measureBuild(site, env);
  const shards = 1 + (JSON.parse(fs.readFileSync(path.join(site, 'pagefind/shards.json'), 'utf8')) as string[]).length;
  const pages = countPages(site);
  const distBytes = folderBytes(site);
  const indexBytes = folderBytes(path.join(site, 'pagefind'));
  // Entries with a cover get a share image (src/export/share-image.ts): outside the page budget, each under 60 KB.
  const shareDir = path.join(site, 'share');
  const shareSizes = fs.existsSync(shareDir)
    ? fs
        .readdirSync(shareDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.jpg'))
        .map((f) => fs.statSync(path.join(shareDir, f)).size)
    : [];
  const shareBytes = shareSizes.reduce((sum, size) => sum + size, 0);
  const shareCell =
    shareSizes.length === 0
      ? '0'
      : `${fmt(mb(shareBytes))} MB（${shareSizes.length} 张，平均 ${fmt(shareBytes / shareSizes.length / 1024)} KB，最大 ${fmt(Math.max(...shareSizes) / 1024)} KB）`;
  const fetched = await queryBytes(site);
  // Loaded only when a search finds too little (a slip, traditional characters); the budget is 40 KB gzipped.
  const lexiconBytes = gzipSync(fs.readFileSync(path.join(site, 'search/lexicon.json'))).length;
  let ratio = '—';
  let cpuRatio = '—';
  if (values.baseline) {
    const bare = path.join(work, 'bare');
    writeBaseline(bare);
    // Inside the baseline's root, so that its build finds node_modules through the link.
    const bareOut = path.join(bare, `dist-${n}`);
    fs.rmSync(bareOut, { recursive: true, force: true });
    const bareBuild = measure('astro', ['build', '--root', bare, '--outDir', bareOut], env, bare);
    const bareIndex = measure('pagefind', ['--site', bareOut, '--silent'], env);
    ratio = `${fmt((build.seconds + index.seconds) / (bareBuild.seconds + bareIndex.seconds), 2)}（基线 ${fmt(bareBuild.seconds)}+${fmt(bareIndex.seconds)} s，${fmt(Math.max(bareBuild.peakMb, bareIndex.peakMb) / 1024, 2)} GB）`;
    cpuRatio = `${fmt(cpuSeconds / (bareBuild.cpuSeconds + bareIndex.cpuSeconds), 2)}（${fmt(cpuSeconds, 0)} / ${fmt(bareBuild.cpuSeconds + bareIndex.cpuSeconds, 0)} s）`;
  }
  rows.push([
    String(n),
    `${fmt(validate.seconds)} s / ${fmt(validate.peakMb, 0)} MB（CPU ${fmt(validate.cpuSeconds)} s）`,
    `${fmt(build.seconds)} s / ${fmt(build.peakMb, 0)} MB`,
    `${fmt(index.seconds)} s / ${fmt(index.peakMb, 0)} MB`,
    String(pages),
    `${fmt(mb(distBytes))} MB`,
    `${fmt(mb(indexBytes))} MB`,
    shareCell,
    `${fmt(fetched / 1024)} KB`,
    `${fmt(lexiconBytes / 1024)} KB`,
    `${fmt(((build.seconds + index.seconds) * 1000) / n, 1)} ms（CPU ${fmt((cpuSeconds * 1000) / n, 1)} ms）`,
    ratio,
    cpuRatio,
  ]);
  console.log(`N = ${n} 完成（搜索索引 ${shards} 片）`);
}

const header = [
  '条目数',
  '校验（时间/峰值内存）',
  '构建（检查＋Astro）',
  '索引 Pagefind',
  '页面数',
  'dist 大小',
  '索引大小',
  '分享图片',
  '一次搜索下载',
  '纠错数据（gzip）',
  '每条耗时',
  '与裸 Astro 之比',
  'CPU 时间之比',
];
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(
  `\n机器：${os.cpus().length} 核，${fmt(os.totalmem() / 1024 ** 3, 0)} GB 内存，Node ${process.version}；临时目录 ${work}`,
);
