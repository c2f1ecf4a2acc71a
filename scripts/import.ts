// npm run import -- <申报表.docx | 汇总表.xlsx | 文件夹>… [--batch 2]: drafts entries from filled-in forms.
import { CONTENT_DIR } from '../src/config/paths.ts';
import { formatImportReport, importFailed, importFiles } from '../src/import/import-files.ts';
import { readCommandLine } from '../src/report/command-line.ts';
import { formatDay, todayInChina } from '../src/core/dates.ts';

const USAGE = [
  '用法：',
  '  npm run import -- 申报表.docx 汇总表.xlsx …     导入填好的申报表和汇总表（可以混在一起）',
  '  npm run import -- 文件夹                          导入文件夹里的全部 .docx 和 .xlsx',
  '  可以加 --batch 2 指定这些条目的批次（1、2 或 3）',
  '每张申报表、汇总表的每一行生成一个草稿条目，放在内容目录对应的文件夹里；已有的文件不会被覆盖。',
].join('\n');

/** Today in China, as validate reads it (src/core/dates.ts). */
const today = (): string => formatDay(todayInChina());

function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals: files } = readCommandLine(
  {
    options: { batch: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
  },
  USAGE,
);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.batch !== undefined && !/^[1-9]\d*$/.test(values.batch)) {
  refuse(`批次「${values.batch}」写得不对，请写数字，例如 --batch 2`);
}
if (files.length === 0) refuse(`请写出要导入的文件或文件夹。\n${USAGE}`);
const batch = values.batch === undefined ? undefined : Number(values.batch);
const result = await importFiles(files, { contentDir: CONTENT_DIR, batch, today: today() });
console.log(formatImportReport(result));
if (importFailed(result)) process.exit(1);
