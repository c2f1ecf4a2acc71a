/**
 * The blank application forms as real .docx files, written with the `docx` library from FORMS: the
 * notice's title, then one table, label cell by value cell, in the notice's order. The same bytes come
 * out of every build (the zip's and the document's dates are fixed to the notice's date).
 */
import {
  AlignmentType,
  Document,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Kind } from '../config/paths.ts';
import { FORMS, type FormCell, type FormKey } from './form-layout.ts';

/** The date of the notice (教职成司函〔2021〕44 号), written as the forms' creation date. */
const NOTICE_DATE = new Date('2021-10-26T00:00:00Z');

const FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const TITLE_FONT = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
/** Half-points: 四号 (14 pt) in the table, 二号 (22 pt) for the title */
const SIZE = 28;
const TITLE_SIZE = 44;

/** Twips across A4 with 2.5 cm margins, in four columns: label, value, label, value */
const COLUMNS = [1900, 2750, 1900, 2750];
const FULL_WIDTH = COLUMNS.reduce((a, b) => a + b, 0);

/** Room to write in, in twips (1 cm ≈ 567): generous where a unit writes paragraphs. */
const MIN_HEIGHT: Partial<Record<FormKey, number>> = {
  caseBody: 9000,
  trainingContent: 4500,
  trainingEffect: 3400,
  courseBody: 6200,
  unitOpinion: 2000,
  provinceOpinion: 2000,
  members: 900,
  awards: 1100,
  resourceType: 1500,
};

const text = (value: string, bold = false) => new TextRun({ text: value, font: FONT, size: SIZE, bold });

function labelCell(cell: FormCell): TableCell {
  return new TableCell({
    width: { size: COLUMNS[0]!, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: cell.label.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [text(line)] })),
  });
}

function valueCell(cell: FormCell, span: number, width: number): TableCell {
  const stamp = cell.key === 'unitOpinion' || cell.key === 'provinceOpinion';
  const lines = cell.blank ?? [''];
  return new TableCell({
    columnSpan: span,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: stamp ? VerticalAlign.BOTTOM : VerticalAlign.TOP,
    children: lines.map(
      (line, i) =>
        new Paragraph({
          alignment: stamp && i >= 2 ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: stamp && i >= 2 ? { right: 600 } : undefined,
          children: line === '' ? [] : [text(line)],
        }),
    ),
  });
}

function tableRow(cells: FormCell[]): TableRow {
  const height = Math.max(700, ...cells.map((c) => MIN_HEIGHT[c.key] ?? 0));
  const children =
    cells.length === 1
      ? [labelCell(cells[0]!), valueCell(cells[0]!, 3, FULL_WIDTH - COLUMNS[0]!)]
      : cells.flatMap((cell, i) => [labelCell(cell), valueCell(cell, 1, COLUMNS[i * 2 + 1]!)]);
  return new TableRow({ height: { value: height, rule: HeightRule.ATLEAST }, cantSplit: height < 3000, children });
}

/** The form of a kind as a docx Document, blank. */
export function formDocument(kind: Kind): Document {
  const form = FORMS[kind];
  return new Document({
    creator: '国家开放大学',
    title: `${form.attachment} ${form.title}`,
    description: '教职成司函〔2021〕44 号附件；填好后由 npm run import 导入',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } } },
        children: [
          new Paragraph({ children: [new TextRun({ text: form.attachment, font: TITLE_FONT, size: 32 })] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 360 },
            children: [new TextRun({ text: form.title, font: TITLE_FONT, size: TITLE_SIZE })],
          }),
          new Table({
            width: { size: FULL_WIDTH, type: WidthType.DXA },
            columnWidths: COLUMNS,
            layout: TableLayoutType.FIXED,
            rows: form.rows.map(tableRow),
          }),
        ],
      },
    ],
  });
}

/**
 * A .docx as the same bytes every time: the zip entries and the document's created/modified dates set to
 * the notice's date, so that two builds of the site are identical.
 */
export async function reproducibleDocx(data: Uint8Array): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(data);
  const target = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name]!;
    if (entry.dir) continue;
    let content: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      const document = new DOMParser().parseFromString(new TextDecoder().decode(content), 'text/xml');
      for (const tag of ['created', 'modified']) {
        const element = document.getElementsByTagNameNS('http://purl.org/dc/terms/', tag)[0];
        if (element) element.textContent = NOTICE_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
      }
      content = new XMLSerializer().serializeToString(document);
    }
    target.file(name, content, { date: NOTICE_DATE, createFolders: false });
  }
  return target.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The blank form of a kind, as the bytes of a .docx file. */
export async function blankFormDocx(kind: Kind): Promise<Uint8Array> {
  return reproducibleDocx(new Uint8Array(await Packer.toBuffer(formDocument(kind))));
}
