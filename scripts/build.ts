// npm run build: check the content, build the site and its search index into a temporary folder, and only
// then swap it in for dist/, so that a failed build never leaves half a site where a deploy would find it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { indexSite } from './lib/search-index.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = path.resolve(values.out);
const temporary = `${out}.building`;
const previous = `${out}.previous`;

function fail(status: number): never {
  fs.rmSync(temporary, { recursive: true, force: true });
  console.error(
    `\n构建失败，${path.relative(process.cwd(), out) || out}/ 保持原样，没有发布任何改动。/ Build failed; ${out} is unchanged.`,
  );
  process.exit(status);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) fail(result.status ?? 1);
}

fs.rmSync(temporary, { recursive: true, force: true });
run('astro', ['build', '--outDir', temporary]);
try {
  await indexSite(temporary);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  fail(1);
}
fs.rmSync(previous, { recursive: true, force: true });
if (fs.existsSync(out)) fs.renameSync(out, previous);
fs.renameSync(temporary, out);
fs.rmSync(previous, { recursive: true, force: true });
console.log(`网站已生成到 ${path.relative(process.cwd(), out) || out}/`);
