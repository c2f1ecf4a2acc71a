// npx node tests/compare-screenshots.ts <before> <after>   (folders under tests/.output/, from npm run screenshots -- --out …)
// Counts the pixels that differ between screenshots of the same name, so that a change meant to keep pages as
// they were can show it did; for each differing pair it writes <name>.diff.png (changed pixels in red) to <after>-diff/.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { OUTPUT } from './helpers/run.ts';
import { readCommandLine } from '../src/report/command-line.ts';

const USAGE = '用法：npx node tests/compare-screenshots.ts <改动前的文件夹> <改动后的文件夹>（都在 tests/.output/ 下）';
const { positionals } = readCommandLine({ allowPositionals: true }, USAGE);
const [beforeName, afterName] = positionals;
if (!beforeName || !afterName) {
  console.error(USAGE);
  process.exit(2);
}
const before = path.join(OUTPUT, beforeName);
const after = path.join(OUTPUT, afterName);
const diffDir = path.join(OUTPUT, `${afterName}-diff`);
fs.rmSync(diffDir, { recursive: true, force: true });

async function pixels(file: string) {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

let changed = 0;
const names = fs
  .readdirSync(before)
  .filter((f) => f.endsWith('.png'))
  .sort();
for (const name of names) {
  const afterFile = path.join(after, name);
  if (!fs.existsSync(afterFile)) {
    console.log(`${name}: 改动后缺这张截图`);
    changed++;
    continue;
  }
  const [a, b] = await Promise.all([pixels(path.join(before, name)), pixels(afterFile)]);
  if (a.width !== b.width || a.height !== b.height) {
    console.log(`${name}: 尺寸不同 ${a.width}×${a.height} → ${b.width}×${b.height}`);
    changed++;
    continue;
  }
  const marked = Buffer.from(b.data);
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data.readUInt32BE(i) !== b.data.readUInt32BE(i)) {
      differing++;
      marked.writeUInt32BE(0xff0000ff, i);
    }
  }
  if (differing === 0) continue;
  changed++;
  console.log(`${name}: ${differing} 个像素不同（共 ${a.width * a.height}）`);
  fs.mkdirSync(diffDir, { recursive: true });
  await sharp(marked, { raw: { width: b.width, height: b.height, channels: 4 } })
    .png()
    .toFile(path.join(diffDir, name.replace(/\.png$/, '.diff.png')));
}
console.log(`比较了 ${names.length} 张截图：${changed === 0 ? '全部逐像素相同' : `${changed} 张不同`}`);
process.exitCode = changed === 0 ? 0 : 1;
