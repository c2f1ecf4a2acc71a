/**
 * From what a file holds to form records: the labelled cells of a filled-in 申报表, or the rows of a
 * summary sheet under its header row. Each record keeps every value cell as a list of paragraphs, keyed
 * by what the label means (form-layout.ts), whatever spacing, order or extra columns the file has.
 */
import ExcelJS from 'exceljs';
import type { Kind } from '../config/paths.ts';
import type { DocxCell, DocxContent } from './read-docx.ts';
import { UnreadableFile } from './read-docx.ts';
import { keyOfLabel, kindOfLabels, kindOfText, type FormKey } from './form-layout.ts';

export interface FormRecord {
  /** Where it came from, for the report: the file, and the sheet and row for a summary sheet */
  where: string;
  kind?: Kind;
  /** Each value cell of a label, as paragraphs; a label met twice (two 联系电话) has two cells */
  values: Map<FormKey, string[][]>;
  /** Labels and columns that mean nothing to the importer, with their text, for the report */
  unknown: { label: string; text: string }[];
}

export const cellText = (paragraphs: readonly string[] | undefined) => (paragraphs ?? []).join('\n').trim();

function add(record: FormRecord, key: FormKey, paragraphs: string[]): void {
  const list = record.values.get(key) ?? [];
  list.push(paragraphs);
  record.values.set(key, list);
}

/** `课程名称：手机挂号` in one cell: the label and the value it starts with. */
function inlineLabel(paragraphs: readonly string[]): { key: FormKey; rest: string[] } | undefined {
  const first = paragraphs[0] ?? '';
  const match = /^(.{1,30}?)[:：]\s*(.*)$/.exec(first);
  if (!match) return undefined;
  const key = keyOfLabel(match[1]!);
  return key ? { key, rest: [match[2]!, ...paragraphs.slice(1)].filter((p, i) => i > 0 || p !== '') } : undefined;
}

interface Placed extends DocxCell {
  column: number;
  key?: FormKey;
}

/** Reads one table of a form into a record, label cell by value cell, merged cells included. */
function readFormTable(rows: DocxCell[][], record: FormRecord, labelsSeen: string[]): void {
  // The label of a vertically merged label cell, by grid column, for the rows that continue it
  const mergedLabel = new Map<number, FormKey>();
  for (const row of rows) {
    let column = 0;
    const placed: Placed[] = row.map((cell) => {
      const at: Placed = { ...cell, column };
      column += cell.span;
      const text = cell.paragraphs.join('');
      if (cell.vMerge === 'continue') {
        at.key = mergedLabel.get(at.column);
      } else {
        at.key = keyOfLabel(text);
        if (at.key) labelsSeen.push(text);
        if (cell.vMerge === 'restart' && at.key) mergedLabel.set(at.column, at.key);
        else mergedLabel.delete(at.column);
      }
      return at;
    });
    for (let i = 0; i < placed.length; i++) {
      const cell = placed[i]!;
      if (cell.key) {
        const next = placed[i + 1];
        if (next && !next.key) {
          if (next.vMerge !== 'continue') add(record, cell.key, next.paragraphs);
          i++;
        } else if (cell.vMerge !== 'continue') {
          add(record, cell.key, []);
        }
        continue;
      }
      if (cell.vMerge === 'continue') continue;
      const inline = inlineLabel(cell.paragraphs);
      if (inline) {
        labelsSeen.push(cell.paragraphs[0]!.split(/[:：]/)[0]!);
        add(record, inline.key, inline.rest);
      } else if (cellText(cell.paragraphs) !== '') {
        record.unknown.push({ label: '', text: cellText(cell.paragraphs) });
      }
    }
  }
}

/**
 * The forms in a .docx: usually one table; a document holding several forms gives one record per table
 * that has a name cell, and a table without one continues the form before it.
 */
export function formsOfDocx(content: DocxContent, file: string): FormRecord[] {
  const titleKind = content.paragraphs.map(kindOfTitle).find((kind) => kind !== undefined);
  const records: { record: FormRecord; labels: string[] }[] = [];
  for (const table of content.tables) {
    const scratch: FormRecord = { where: file, values: new Map(), unknown: [] };
    const labels: string[] = [];
    readFormTable(table, scratch, labels);
    if (labels.length === 0) continue;
    const current = records.at(-1);
    if (!current || (scratch.values.has('title') && current.record.values.has('title'))) {
      records.push({ record: scratch, labels });
    } else {
      for (const [key, cells] of scratch.values) for (const cell of cells) add(current.record, key, cell);
      current.record.unknown.push(...scratch.unknown);
      current.labels.push(...labels);
    }
  }
  if (records.length === 0) {
    throw new UnreadableFile('没有找到申报表的表格：文件里没有「案例名称」「项目名称」「课程名称」这样的栏目');
  }
  return records.map(({ record, labels }, i) => ({
    ...record,
    where: records.length > 1 ? `${file} 第 ${i + 1} 张表` : file,
    kind: kindOfLabels(labels) ?? (records.length === 1 ? titleKind : undefined),
  }));
}

/** `“智慧助老”专题典型课程资源申报表` → courses; other paragraphs say nothing. */
function kindOfTitle(paragraph: string): Kind | undefined {
  return /申报表|推荐表|汇总表/.test(paragraph) ? kindOfText(paragraph.replace(/“智慧助老”专题/g, '')) : undefined;
}

/** A cell of a sheet as text: rich text, formulas' results, hyperlinks and numbers as Excel shows them. */
function sheetCellText(cell: ExcelJS.Cell): string {
  const text = cell.text ?? '';
  return text.replace(/\r\n?/g, '\n').trim();
}

/** The first of the top rows that holds a name column and at least one other known label. */
function findHeader(rows: string[][]): number | undefined {
  for (let i = 0; i < Math.min(rows.length, 15); i++) {
    const keys = rows[i]!.map((text) => keyOfLabel(text));
    if (keys.includes('title') && keys.filter(Boolean).length >= 2) return i;
  }
  return undefined;
}

/**
 * The rows of every sheet of a summary workbook as records: the header row's labels in any order, with
 * extras (序号, 备注) kept aside. A sheet says its kind by its labels, its name, or a 类别 column per row.
 */
export async function formsOfWorkbook(data: Uint8Array, file: string): Promise<FormRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile(
      '打不开这个文件：它不是有效的 .xlsx 文件（旧版 .xls 请用 Excel 或 WPS 另存为 .xlsx 后再导入）',
    );
  }
  const records: FormRecord[] = [];
  let sheetsWithHeader = 0;
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = [];
      for (let column = 1; column <= sheet.columnCount; column++) cells.push(sheetCellText(row.getCell(column)));
      rows[number - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const headerAt = findHeader(rows);
    if (headerAt === undefined) return;
    sheetsWithHeader++;
    const header = rows[headerAt]!;
    const keys = header.map((label) => keyOfLabel(label));
    const sheetKind =
      kindOfLabels(header.filter((_, i) => keys[i] !== undefined)) ??
      kindOfText(sheet.name) ??
      rows
        .slice(0, headerAt)
        .map((cells) => kindOfText(cells.join('')))
        .find(Boolean);
    for (let r = headerAt + 1; r < rows.length; r++) {
      const cells = rows[r]!;
      if (cells.every((text) => text === '')) continue;
      const record: FormRecord = {
        where: `${file}「${sheet.name}」第 ${r + 1} 行`,
        values: new Map(),
        unknown: [],
      };
      cells.forEach((text, c) => {
        const key = keys[c];
        if (key) add(record, key, text === '' ? [] : text.split('\n').map((line) => line.trim()));
        else if (text !== '' && header[c]) record.unknown.push({ label: header[c]!, text });
        else if (text !== '') record.unknown.push({ label: `第 ${c + 1} 列`, text });
      });
      // A row with no name is a total or a note under the table, not an entry.
      if (cellText(record.values.get('title')?.[0]) === '') continue;
      const rowKind = cellText(record.values.get('kind')?.[0]);
      record.kind = (rowKind ? kindOfText(rowKind) : undefined) ?? sheetKind;
      records.push(record);
    }
  });
  if (sheetsWithHeader === 0) {
    throw new UnreadableFile(
      '没有找到汇总表的表头：前 15 行里没有一行同时有名称（如「课程名称」「案例名称」「项目名称」）和其他栏目',
    );
  }
  return records;
}
