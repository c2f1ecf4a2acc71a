// npm run srt-to-vtt -- 字幕.srt [更多.srt …]: writes 字幕.vtt beside each .srt, and checks the result as validate does.
import fs from 'node:fs';
import { checkCaptions } from '../src/checks/file-checks.ts';
import { decodeSubtitles, srtToVtt } from '../src/authoring/srt.ts';
import { readFileArguments } from '../src/report/command-line.ts';

const USAGE = '用法：npm run srt-to-vtt -- 字幕文件.srt（可以一次写几个），会在旁边生成同名的 .vtt 文件';
const files = readFileArguments(USAGE);
let failed = false;
for (const file of files) {
  if (!fs.existsSync(file)) {
    console.error(`✗ 找不到文件「${file}」，请检查路径`);
    failed = true;
    continue;
  }
  const vtt = srtToVtt(decodeSubtitles(fs.readFileSync(file)));
  const target = file.replace(/\.(srt|txt|vtt)$/i, '') + '.vtt';
  const problem = checkCaptions(Buffer.from(vtt), target);
  if (problem) {
    console.error(`✗ ${file}：转换后仍有问题：${problem}`);
    failed = true;
    continue;
  }
  fs.writeFileSync(target, vtt);
  console.log(`✓ 已生成 ${target}，请在条目的 captions 字段填写它的路径`);
}
process.exit(failed ? 1 : 0);
