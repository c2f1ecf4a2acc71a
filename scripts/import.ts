// npm run import -- <申报表.docx | 汇总表.xlsx | 文件夹>… [--batch 2]: drafts entries from filled-in forms.
import { CONTENT_DIR } from '../src/config/paths.ts';
import { formatImportReport, importFailed, importFiles } from '../src/import/import-files.ts';

const USAGE = [
  '用法：',
  '  npm run import -- 申报表.docx 汇总表.xlsx …     导入填好的申报表和汇总表（可以混在一起）',
  '  npm run import -- 文件夹                          导入文件夹里的全部 .docx 和 .xlsx',
  '  可以加 --batch 2 指定这些条目的批次（1、2 或 3）',
  '每张申报表、汇总表的每一行生成一个草稿条目，放在内容目录对应的文件夹里；已有的文件不会被覆盖。',
].join('\n');

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function parseArgs(argv: string[]): { files: string[]; batch?: number } | string {
  const files: string[] = [];
  let batch: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return USAGE;
    let value: string | undefined;
    if (arg === '--batch') value = argv[++i] ?? '';
    else if (arg.startsWith('--batch=')) value = arg.slice('--batch='.length);
    else if (arg.startsWith('-')) return `不认识的选项「${arg}」。\n${USAGE}`;
    else files.push(arg);
    if (value !== undefined) {
      if (!/^[1-9]\d*$/.test(value)) return `批次「${value}」写得不对，请写数字，例如 --batch 2`;
      batch = Number(value);
    }
  }
  if (files.length === 0) return `请写出要导入的文件或文件夹。\n${USAGE}`;
  return { files, batch };
}

const args = parseArgs(process.argv.slice(2));
if (args === USAGE) {
  console.log(USAGE);
  process.exit(0);
}
if (typeof args === 'string') {
  console.error(args);
  process.exit(2);
}
const result = await importFiles(args.files, { contentDir: CONTENT_DIR, batch: args.batch, today: today() });
console.log(formatImportReport(result));
if (importFailed(result)) process.exit(1);
