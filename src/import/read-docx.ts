/**
 * Reads the text of a .docx as people fill in a form: the paragraphs outside tables and every table cell
 * as a list of paragraphs. The zip is opened with JSZip and word/document.xml is read with a real XML
 * parser (@xmldom/xmldom); Word's symbol-font ticks and check-box fields become ☑ and □.
 */
import JSZip from 'jszip';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { EMPTY_BOX } from './form-layout.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const TICKED = '☑';

export interface DocxCell {
  paragraphs: string[];
  /** How many grid columns the cell spans */
  span: number;
  /** A vertically merged cell: its first row says `restart`, the rows below `continue` (and hold nothing) */
  vMerge?: 'restart' | 'continue';
}

export interface DocxContent {
  /** Paragraphs outside tables (the 附件 line and the form's title) */
  paragraphs: string[];
  tables: DocxCell[][][];
}

/** Why a file cannot be read, in Chinese, for the import report. */
export class UnreadableFile extends Error {}

/**
 * Ticks and boxes that Word inserts from symbol fonts (插入 → 符号), by font and character code.
 * Wingdings ☑ is F0FE, Wingdings 2 ☑ is F052, and so on.
 */
const SYMBOLS: Record<string, Record<string, string>> = {
  wingdings: {
    F0FE: TICKED,
    F0FD: TICKED,
    F0FC: TICKED,
    F0FB: TICKED,
    F06E: TICKED,
    F0A4: TICKED,
    F06F: EMPTY_BOX,
    F070: EMPTY_BOX,
    F071: EMPTY_BOX,
    F0A8: EMPTY_BOX,
    F0A1: EMPTY_BOX,
  },
  'wingdings 2': {
    F050: TICKED,
    F051: TICKED,
    F052: TICKED,
    F053: TICKED,
    F054: TICKED,
    F09E: TICKED,
    F0A3: EMPTY_BOX,
    F02A: EMPTY_BOX,
    F0A2: EMPTY_BOX,
  },
  'wingdings 3': {},
};

function symbol(element: Element): string {
  const font = (element.getAttributeNS(W, 'font') ?? '').trim().toLowerCase();
  const code = (element.getAttributeNS(W, 'char') ?? '').trim().toUpperCase().padStart(4, '0');
  const mapped = SYMBOLS[font]?.[code] ?? SYMBOLS[font]?.[`F0${code.slice(-2)}`];
  if (mapped) return mapped;
  // A symbol from an ordinary font is the character itself (F0xx maps onto xx).
  const value = Number.parseInt(code, 16);
  if (!Number.isFinite(value) || font.startsWith('wingdings') || font === 'symbol' || font === 'webdings') return '';
  return String.fromCodePoint(value >= 0xf000 ? value - 0xf000 : value);
}

/** A legacy FORMCHECKBOX field: checked when <w:checked/> says so, otherwise by its default. */
function checkBoxField(fldChar: Element): string | undefined {
  const box = children(fldChar, 'ffData').flatMap((data) => children(data, 'checkBox'))[0];
  if (!box) return undefined;
  const on = (element: Element | undefined) =>
    element !== undefined && !['0', 'false', 'off'].includes((element.getAttributeNS(W, 'val') ?? '1').toLowerCase());
  const checked = children(box, 'checked')[0];
  return (checked ? on(checked) : on(children(box, 'default')[0])) ? TICKED : EMPTY_BOX;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function children(element: Element, localName?: string, ns = W): Element[] {
  const list: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && (localName === undefined || (node.localName === localName && node.namespaceURI === ns)))
      list.push(node);
  }
  return list;
}

/** Elements whose text is not what the reader sees: deleted text, field codes, properties. */
const SKIPPED = new Set(['del', 'delText', 'instrText', 'moveFrom', 'pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'sectPr']);

/** The text of one paragraph, with line breaks as \n. */
function paragraphText(element: Element): string {
  let text = '';
  const walk = (node: Element) => {
    for (const child of children(node)) {
      if (child.namespaceURI === MC && child.localName === 'AlternateContent') {
        // The same content twice (Choice and Fallback): read it once.
        const choice = children(child, 'Choice', MC)[0] ?? children(child, 'Fallback', MC)[0];
        if (choice) walk(choice);
        continue;
      }
      if (child.namespaceURI !== W) {
        walk(child);
        continue;
      }
      const name = child.localName ?? '';
      if (SKIPPED.has(name)) continue;
      if (name === 't') text += child.textContent ?? '';
      else if (name === 'tab' || name === 'ptab') text += '\t';
      else if (name === 'br' || name === 'cr') text += '\n';
      else if (name === 'sym') text += symbol(child);
      else if (name === 'noBreakHyphen') text += '-';
      else if (name === 'fldChar') text += checkBoxField(child) ?? '';
      else if (name === 'p') text += `\n${paragraphText(child)}\n`;
      else walk(child);
    }
  };
  walk(element);
  return text;
}

function splitLines(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
}

/** Paragraphs of a block container (a cell, a content control), nested tables read cell by cell. */
function blockParagraphs(container: Element): string[] {
  const lines: string[] = [];
  for (const child of children(container)) {
    if (child.localName === 'p') lines.push(...splitLines(paragraphText(child)));
    else if (child.localName === 'tbl') {
      for (const row of readTable(child)) for (const cell of row) lines.push(...cell.paragraphs);
    } else if (child.localName === 'sdt' || child.localName === 'customXml') {
      for (const content of children(child, 'sdtContent')) lines.push(...blockParagraphs(content));
      if (child.localName === 'customXml') lines.push(...blockParagraphs(child));
    }
  }
  return lines;
}

function rowsOf(table: Element): Element[] {
  return children(table).flatMap((child) => {
    if (child.localName === 'tr') return [child];
    if (child.localName === 'sdt') return children(child, 'sdtContent').flatMap(rowsOf);
    return [];
  });
}

function cellsOf(row: Element): Element[] {
  return children(row).flatMap((child) => {
    if (child.localName === 'tc') return [child];
    if (child.localName === 'sdt') return children(child, 'sdtContent').flatMap(cellsOf);
    return [];
  });
}

function readTable(table: Element): DocxCell[][] {
  return rowsOf(table).map((row) =>
    cellsOf(row).map((tc) => {
      const props = children(tc, 'tcPr')[0];
      const span = Number(props && children(props, 'gridSpan')[0]?.getAttributeNS(W, 'val'));
      const merge = props && children(props, 'vMerge')[0];
      const cell: DocxCell = { paragraphs: blockParagraphs(tc), span: Number.isInteger(span) && span > 0 ? span : 1 };
      if (merge) cell.vMerge = merge.getAttributeNS(W, 'val') === 'restart' ? 'restart' : 'continue';
      return cell;
    }),
  );
}

function collectBody(container: Element, content: DocxContent): void {
  for (const child of children(container)) {
    if (child.localName === 'p') content.paragraphs.push(...splitLines(paragraphText(child)).filter(Boolean));
    else if (child.localName === 'tbl') content.tables.push(readTable(child));
    else if (child.localName === 'sdt') for (const inner of children(child, 'sdtContent')) collectBody(inner, content);
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads a .docx file's paragraphs and tables. Throws UnreadableFile with a Chinese reason. */
export async function readDocx(data: Uint8Array): Promise<DocxContent> {
  if (OLE_MAGIC.every((byte, i) => data[i] === byte)) {
    throw new UnreadableFile('这是旧版 Word 文件（.doc），请用 Word 或 WPS 打开，“另存为” .docx 格式后再导入');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new UnreadableFile('打不开这个文件：它不是有效的 .docx 文件（可能已损坏，或只是改了扩展名）');
  }
  const entry = zip.file('word/document.xml');
  if (!entry) throw new UnreadableFile('这个压缩包里没有 Word 正文（word/document.xml），不是 .docx 文件');
  const xml = await entry.async('string');
  let body: Element | undefined;
  try {
    const document = new DOMParser().parseFromString(xml, 'text/xml');
    body = document.documentElement ? children(document.documentElement, 'body')[0] : undefined;
  } catch {
    throw new UnreadableFile('Word 正文的内容已损坏，读不出来；请用 Word 或 WPS 打开后重新保存再导入');
  }
  if (!body) throw new UnreadableFile('Word 正文是空的');
  const content: DocxContent = { paragraphs: [], tables: [] };
  collectBody(body, content);
  return content;
}
