/**
 * `npm run import`: filled-in forms (.docx) and summary sheets (.xlsx), any mix, and folders of them →
 * one draft entry per form or sheet row under CONTENT_DIR, never over an existing file, with a report in
 * Chinese, file by file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATA_FILES, type Kind } from '../config/paths.ts';
import { findEntryFile, scenarioNames } from '../checks/validator.ts';
import { KIND_FORMS, kindLabel } from '../authoring/scaffold.ts';
import { readDocx, UnreadableFile } from './read-docx.ts';
import { formsOfDocx, formsOfWorkbook, type FormRecord } from './read-form.ts';
import { buildDraft, DraftRefused, SlugTaken, type Draft } from './draft.ts';
import { UnitRegistry } from './units.ts';
import { scrubContacts } from './scrub.ts';
import { shownPath } from '../report/problems.ts';

export interface ImportOptions {
  contentDir: string;
  batch?: number;
  /** 年-月-日, for the note in units.yaml */
  today: string;
}

export type FormOutcome =
  | { where: string; status: 'written'; file: string; draft: Draft }
  | { where: string; status: 'skipped'; title: string; slug: string; existing: string; kind: Kind }
  | { where: string; status: 'refused'; reason: string };

export interface FileOutcome {
  file: string;
  /** Set when the file could not be read at all */
  error?: string;
  forms: FormOutcome[];
}

export interface ImportResult {
  files: FileOutcome[];
  unitsFile: string;
  addedUnits: readonly { id: string; name: string }[];
}

/** What a folder is read for: forms and sheets, and their old formats, which get a message rather than silence. */
const OFFICE_FILES = /\.(docx|xlsx|doc|xls)$/i;

/** The files to read: files as given, folders by their Word and Excel files (Word's ~$ lock files skipped). */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (fs.existsSync(input) && fs.statSync(input).isDirectory()) {
      const inside = fs
        .readdirSync(input, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile() && OFFICE_FILES.test(d.name) && !d.name.startsWith('~$'))
        .map((d) => path.join(d.parentPath, d.name))
        .sort((a, b) => a.localeCompare(b, 'zh-CN'));
      files.push(...(inside.length > 0 ? inside : [input]));
    } else files.push(input);
  }
  return files;
}

async function recordsOf(file: string): Promise<FormRecord[]> {
  if (!fs.existsSync(file)) throw new UnreadableFile('找不到这个文件，请检查路径和文件名');
  if (fs.statSync(file).isDirectory()) throw new UnreadableFile('这个文件夹里没有 .docx 或 .xlsx 文件');
  const name = path.basename(file);
  const data = new Uint8Array(fs.readFileSync(file));
  if (/\.docx$/i.test(name)) return formsOfDocx(await readDocx(data), name);
  if (/\.xlsx$/i.test(name)) return formsOfWorkbook(data, name);
  if (/\.doc$/i.test(name))
    throw new UnreadableFile('这是旧版 Word 文件（.doc），请用 Word 或 WPS 打开，“另存为” .docx 格式后再导入');
  if (/\.(xls|et|wps)$/i.test(name))
    throw new UnreadableFile(
      '这是旧版或 WPS 格式的文件，请用 Excel、Word 或 WPS 打开，“另存为” .xlsx 或 .docx 后再导入',
    );
  throw new UnreadableFile('只能导入填好的申报表（.docx）和汇总表（.xlsx）');
}

/** A source's name as it may appear in a committed comment: the base name, without numbers in it. */
function sourceName(where: string): string {
  return scrubContacts(where).text;
}

export async function importFiles(inputs: readonly string[], options: ImportOptions): Promise<ImportResult> {
  const unitsFile = path.join(options.contentDir, DATA_FILES.units);
  const units = new UnitRegistry(unitsFile);
  const scenarios = scenarioNames(options.contentDir);
  const written = new Map<string, string>();
  const taken = (kind: Kind, slug: string) =>
    written.get(`${kind}/${slug}`) ?? findEntryFile(options.contentDir, kind, slug);
  const files: FileOutcome[] = [];

  for (const file of expandInputs(inputs)) {
    const outcome: FileOutcome = { file, forms: [] };
    files.push(outcome);
    let records: FormRecord[];
    try {
      records = await recordsOf(file);
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      outcome.error = error.message;
      continue;
    }
    if (records.length === 0) outcome.error = '汇总表的表头下面没有填写任何一行';
    for (const record of records) {
      try {
        const draft = buildDraft(record, {
          units,
          batch: options.batch,
          scenarioNames: scenarios,
          source: sourceName(record.where),
          today: options.today,
          taken,
        });
        const target = path.join(options.contentDir, draft.kind, `${draft.slug}.md`);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, draft.text, { flag: 'wx' });
        written.set(`${draft.kind}/${draft.slug}`, target);
        outcome.forms.push({ where: record.where, status: 'written', file: target, draft });
      } catch (error) {
        if (error instanceof SlugTaken) {
          outcome.forms.push({
            where: record.where,
            status: 'skipped',
            title: error.title,
            slug: error.slug,
            existing: error.existing,
            kind: record.kind!,
          });
        } else if (error instanceof DraftRefused) {
          outcome.forms.push({ where: record.where, status: 'refused', reason: error.message });
        } else throw error;
      }
    }
  }
  units.save(options.today);
  return { files, unitsFile, addedUnits: units.added };
}

/** The report, file by file: what was read, what was written where, what is missing, what was left out. */
export function formatImportReport(result: ImportResult, cwd = process.cwd()): string {
  const lines: string[] = [];
  let written = 0;
  let skipped = 0;
  let failed = 0;
  result.files.forEach((file, i) => {
    lines.push(`【${i + 1}/${result.files.length}】${shownPath(file.file, cwd)}`);
    if (file.error) {
      failed++;
      lines.push(`  ✗ 没有导入：${file.error}`);
    }
    for (const form of file.forms) {
      const prefix = file.forms.length > 1 || form.where !== path.basename(file.file) ? `  ◆ ${form.where}\n` : '';
      if (form.status === 'refused') {
        failed++;
        lines.push(`${prefix}  ✗ 没有导入：${form.reason}`);
        continue;
      }
      if (form.status === 'skipped') {
        skipped++;
        lines.push(
          `${prefix}  – 没有写入：${kindLabel(form.kind)}「${form.title}」的文件名 ${form.slug} 已经有了（${shownPath(form.existing, cwd)}），没有覆盖。` +
            '如果是同一条，请直接修改已有的文件；如果是另一条，请先把已有文件改名或换个名称再导入。',
        );
        continue;
      }
      written++;
      const { draft } = form;
      lines.push(`${prefix}  读到：${KIND_FORMS[draft.kind]}；${draft.read.join('，')}`);
      lines.push(`  已写入：${shownPath(form.file, cwd)}`);
      if (draft.unit) {
        lines.push(
          draft.unit.added
            ? `  申报单位：units.yaml 里没有「${draft.unit.name}」，已添加为 ${draft.unit.id}（${draft.unit.province ? `省份 ${draft.unit.province}` : '省份待填'}，单位类型待填）`
            : `  申报单位：与 units.yaml 里的 ${draft.unit.id} 对上了`,
        );
      }
      if (draft.dropped.length > 0) lines.push(`  有意删去：${draft.dropped.join('；')}`);
      if (draft.missing.length > 0) {
        lines.push(`  待填写（${draft.missing.length} 项，npm run validate 会逐项提示）：`);
        lines.push(...draft.missing.map((field) => `    · ${field}`));
      }
      if (draft.review.length > 0) {
        lines.push('  请核对：');
        lines.push(...draft.review.map((item) => `    · ${item}`));
      }
    }
    lines.push('');
  });
  if (result.addedUnits.length > 0) {
    lines.push(
      `新添加到 ${shownPath(result.unitsFile, cwd)} 的单位 ${result.addedUnits.length} 个：${result.addedUnits.map((u) => `${u.id}（${u.name}）`).join('、')}`,
    );
  }
  lines.push(
    `共读取 ${result.files.length} 个文件：写入草稿 ${written} 条` +
      (skipped > 0 ? `，已存在未覆盖 ${skipped} 条` : '') +
      (failed > 0 ? `，没有导入 ${failed} 项` : '') +
      '。',
  );
  if (written > 0) {
    lines.push(
      '接下来：打开每个草稿，把「待填写」的各项填好（单位类型在 units.yaml 里），运行 npm run validate 直到显示“内容检查通过”，',
      '再运行 npm start 预览，然后发起拉取请求。申报表原件里有电话号码，请不要放进仓库。',
    );
  }
  return lines.join('\n');
}

export const importFailed = (result: ImportResult) =>
  result.files.some((f) => f.error || f.forms.some((form) => form.status === 'refused'));
