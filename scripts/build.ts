// npm run build: check the content while Astro builds the site (two processes, two cores), then
// index it for search, all into a temporary folder that is swapped in for dist/ only when every step passed:
// a failed build never leaves half a site where a deploy would find it.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_MESSAGE } from '../src/build/content-checks-integration.ts';
import {
  CHECKED_ALONGSIDE_VARIABLE,
  CONTENT_DIR,
  KINDS,
  LOCAL_PREVIEW_VARIABLE,
  publicAddressProblem,
} from '../src/config/paths.ts';
import { formatReport } from '../src/report/problems.ts';
import { exitWhenFlushed } from '../src/report/exit.ts';
import type { CheckMessage, PublishRequest } from './build/content-check-worker.ts';
import { indexSite } from './build/search-index.ts';
import { readCommandLine } from '../src/report/command-line.ts';

const { values } = readCommandLine(
  {
    options: {
      out: { type: 'string', default: 'dist' },
      timings: { type: 'string' },
      /** A local preview (npm start): may use the local address, and every page says so. */
      preview: { type: 'boolean', default: false },
    },
  },
  '用法：npm run build [-- --preview] [--out 输出目录] [--timings 计时文件]：检查内容、生成网站和搜索索引；--preview 是本机预览',
);
const addressProblem = publicAddressProblem(values.preview);
if (addressProblem) {
  console.error(`\n${addressProblem}\n`);
  await exitWhenFlushed(1);
}
/** When each step started and ended (ms since the epoch), for `--timings <file>` (the benchmark reads it). */
const timings: { step: string; start: number; end: number }[] = [];
const started = Date.now();
const out = path.resolve(values.out);
const temporary = `${out}.building`;
const previous = `${out}.previous`;

async function fail(status: number): Promise<never> {
  fs.rmSync(temporary, { recursive: true, force: true });
  console.error(
    `\n构建失败，${path.relative(process.cwd(), out) || out}/ 保持原样，没有发布任何改动。/ Build failed; ${out} is unchanged.`,
  );
  return exitWhenFlushed(status);
}

/**
 * Starts the content checks in a process of their own. Its heap is capped at a few times what the checked
 * catalogue holds (some 9 KB per entry), so that V8 collects the parsers' garbage early instead of growing the
 * heap while Astro, in the other process, needs memory too; and its memory goes back to the system when it ends,
 * before Pagefind needs it.
 */
function startChecks(): ChildProcess {
  const entries = KINDS.flatMap((kind) => {
    const dir = path.join(CONTENT_DIR, kind);
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
  }).length;
  return fork(fileURLToPath(new URL('./build/content-check-worker.ts', import.meta.url)), [], {
    execArgv: [`--max-old-space-size=${256 + Math.ceil(entries * 0.02)}`],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The checks' next message; their ending without one is an error. */
function nextMessage(child: ChildProcess): Promise<CheckMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: CheckMessage) => {
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      child.off('message', onMessage);
      reject(new Error(`内容检查意外退出（${code ?? signal}）`));
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
  });
}

fs.rmSync(temporary, { recursive: true, force: true });
const astro = spawn('astro', ['build', '--outDir', temporary], {
  stdio: ['inherit', 'pipe', 'pipe', 'ipc'],
  env: {
    ...process.env,
    // Vite treats any other NODE_ENV (Vitest's "test", a shell's "development") as a development build.
    NODE_ENV: 'production',
    [CHECKED_ALONGSIDE_VARIABLE]: '1',
    ...(values.preview ? { [LOCAL_PREVIEW_VARIABLE]: '1' } : {}),
  },
});
// Astro's own output (in English) is held back until the content checks have spoken: when content is wrong,
// the Chinese report that says which file, line and field to fix comes first, and Astro's words after it.
const held: { stream: NodeJS.WriteStream; chunk: Buffer }[] = [];
let holding = true;
for (const [from, to] of [
  [astro.stdout!, process.stdout],
  [astro.stderr!, process.stderr],
] as const) {
  from.on('data', (chunk: Buffer) => (holding ? held.push({ stream: to, chunk }) : to.write(chunk)));
}
function releaseAstroOutput(heading?: string): void {
  if (!holding) return;
  holding = false;
  if (heading && held.length > 0) process.stderr.write(`\n${heading}\n`);
  for (const { stream, chunk } of held.splice(0)) stream.write(chunk);
}
const astroClosed = new Promise<void>((resolve) => astro.on('close', () => resolve()));
const astroExit = new Promise<number>((resolve) =>
  astro.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1))),
);

// The checks run on the other core while Astro renders the pages. They wait until Astro has bundled them, which is
// its memory peak, so that the two peaks do not add up. Astro may stop before that on content that its own schemas
// reject, in English; the checks then run at once, and the Chinese report below says which file and field to fix.
const bundled = new Promise<void>((resolve) => astro.on('message', (m) => m === BUNDLED_MESSAGE && resolve()));
await Promise.race([bundled, astroExit]);
const checks = startChecks();
async function stopAstro(message: string): Promise<never> {
  astro.kill();
  checks.kill();
  await astroExit;
  await astroClosed;
  console.error(message);
  releaseAstroOutput('以下是 Astro 自己的输出（英文），供开发人员参考 / Astro output:');
  return fail(1);
}
const checked = await nextMessage(checks).catch((error: unknown) =>
  stopAstro(error instanceof Error ? error.message : String(error)),
);
const problems = 'checked' in checked ? checked.checked : [];
if (problems.length > 0)
  await stopAstro(
    `\n${formatReport(problems)}\n\n构建已停止：有问题的内容不会发布。/ Build stopped: content has errors.`,
  );
releaseAstroOutput();
const status = await astroExit;
await astroClosed;
if (status !== 0) {
  checks.kill();
  await fail(status);
}
// Media files and share images go into the site Astro wrote, from the checks' process, which knows the catalogue.
checks.send({ publishInto: temporary } satisfies PublishRequest);
const published = await nextMessage(checks).catch((error: unknown) => ({
  failed: error instanceof Error ? error.message : String(error),
}));
if ('failed' in published) {
  console.error(published.failed);
  await fail(1);
}
timings.push({ step: 'build', start: started, end: Date.now() });

try {
  const indexing = Date.now();
  await indexSite(temporary);
  timings.push({ step: 'index', start: indexing, end: Date.now() });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await fail(1);
}
if (values.timings) fs.writeFileSync(values.timings, `${JSON.stringify(timings)}\n`);
fs.rmSync(previous, { recursive: true, force: true });
if (fs.existsSync(out)) fs.renameSync(out, previous);
fs.renameSync(temporary, out);
fs.rmSync(previous, { recursive: true, force: true });
console.log(`网站已生成到 ${path.relative(process.cwd(), out) || out}/`);
