// npm run build: check the content, then build the site with Astro, then index it for search, all into a temporary folder that is swapped in for dist/ only when every step passed:
// a failed build never leaves half a site where a deploy would find it.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * Starts the content checks (or, with `publish`, the copying of media and share images) in a process of its own.
 * The checks' heap is capped at a few times what the checked catalogue holds (some 9 KB per entry), so that V8
 * collects the parsers' garbage early; and the process gives its memory back when it ends, before Astro needs it.
 */
function startChild(mode?: 'publish'): ChildProcess {
  const entries = KINDS.flatMap((kind) => {
    const dir = path.join(CONTENT_DIR, kind);
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
  }).length;
  return fork(fileURLToPath(new URL('./build/content-check-worker.ts', import.meta.url)), mode ? [mode] : [], {
    execArgv: [`--max-old-space-size=${256 + Math.ceil(entries * 0.02)}`],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** A child's next message; its ending without one is an error. */
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

// The checks run before Astro, not beside it: at 10,000 entries the two side by side needed 3.4 GB, one after
// the other 2.6 GB. A bad entry stops the build here, with the Chinese report and nothing of Astro's.
const checked = await nextMessage(startChild()).catch((error: unknown) => ({
  failed: error instanceof Error ? error.message : String(error),
}));
if ('failed' in checked) {
  console.error(checked.failed);
  await fail(1);
}
if (!('checked' in checked)) throw new Error(`unexpected message from the content checks: ${JSON.stringify(checked)}`);
if (checked.checked.length > 0) {
  console.error(
    `\n${formatReport(checked.checked)}\n\n构建已停止：有问题的内容不会发布。/ Build stopped: content has errors.`,
  );
  await fail(1);
}

const astro = spawn('astro', ['build', '--outDir', temporary], {
  stdio: 'inherit',
  env: {
    ...process.env,
    // Vite treats any other NODE_ENV (Vitest's "test", a shell's "development") as a development build.
    NODE_ENV: 'production',
    [CHECKED_ALONGSIDE_VARIABLE]: '1',
    ...(values.preview ? { [LOCAL_PREVIEW_VARIABLE]: '1' } : {}),
  },
});
const status = await new Promise<number>((resolve) =>
  astro.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1))),
);
if (status !== 0) await fail(status);

// Media files and share images go into the site Astro wrote.
const publisher = startChild('publish');
publisher.send({
  publishInto: temporary,
  media: checked.media,
  shareImages: checked.shareImages,
} satisfies PublishRequest);
const published = await nextMessage(publisher).catch((error: unknown) => ({
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
