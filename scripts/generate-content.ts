// npm run generate -- N <dir> [--seed S]: writes a valid synthetic content tree of N entries into <dir>,
// for benchmarks and scale tests. The same seed always gives byte-identical files.
import fs from 'node:fs';
import path from 'node:path';
import { generateContent, MARKER_FILE } from './generate/synthetic-content.ts';
import { readCommandLine } from '../src/report/command-line.ts';
import { shownPath } from '../src/report/problems.ts';
import { renderCover } from './generate/synthetic-covers.ts';

const USAGE =
  '用法：npm run generate -- 条目数 目标目录 [--seed 随机种子]，例如 npm run generate -- 800 /tmp/content-800';

function fail(message: string, { usage = true } = {}): never {
  console.error(usage ? `${message}\n${USAGE}` : message);
  process.exit(1);
}

function readArgs(): { count: number; dir: string; seed: string } {
  const { values, positionals } = readCommandLine(
    { options: { seed: { type: 'string', default: '1' } }, allowPositionals: true },
    USAGE,
    1,
  );
  const { seed } = values;
  if (positionals.length !== 2) fail('需要两个参数：条目数和目标目录。');
  const [countText, dir] = positionals as [string, string];
  if (!/^[1-9]\d*$/.test(countText)) fail(`条目数「${countText}」不对，请写正整数，例如 800。`);
  if (seed.trim() === '') fail('随机种子不能为空。');
  return { count: Number(countText), dir: path.resolve(dir), seed };
}

/** Refuses to touch a folder that holds anything but an earlier generated tree. */
function prepareDir(dir: string): void {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) fail(`${dir} 已存在且不是目录，请换一个目标目录。`, { usage: false });
    const children = fs.readdirSync(dir);
    if (children.length > 0 && !children.includes(MARKER_FILE)) {
      fail(
        `${dir} 不是空目录，也不是本命令生成的目录（没有 ${MARKER_FILE} 标记文件）。为免覆盖真实内容，请换一个空目录或不存在的目录。`,
        { usage: false },
      );
    }
    for (const child of children) fs.rmSync(path.join(dir, child), { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
}

const { count, dir, seed } = readArgs();
const tree = generateContent({ count, seed });
prepareDir(dir);
const folders = new Set([...tree.files, ...tree.covers].map((file) => path.dirname(path.join(dir, file.path))));
for (const folder of folders) fs.mkdirSync(folder, { recursive: true });
for (const file of tree.files) fs.writeFileSync(path.join(dir, file.path), file.content);
for (const cover of tree.covers) fs.writeFileSync(path.join(dir, cover.path), await renderCover(cover.seed));

const { courses, cases, projects } = tree.counts;
const shown = shownPath(dir);
console.log(
  `已生成 ${count} 条合成内容到 ${shown}：课程资源 ${courses} 门、教育培训项目 ${projects} 个、` +
    `工作案例 ${cases} 个（其中 ${tree.covers.length} 条有封面照片），申报单位 ${tree.units} 个，覆盖 ${tree.provinces} 个省级单位（随机种子 ${seed}）。`,
);
