import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Nodes } from 'mdast';
import { canParse, parseMarkdown } from '../markdown/plain-text.ts';
import { decodeEntities } from '../core/html-entities.ts';
import { fieldNameOf, leavesOf, pathOf } from '../core/walk.ts';
import { decodeUtf8, lineOfField, readEntryText, readYamlText, type FieldLines } from './frontmatter.ts';
import { renderMarkdown } from '../markdown/pipeline.ts';
import { checkMarkupSafety } from './markup-safety.ts';
import { formatFieldPath, type Problem } from '../report/problems.ts';
import {
  HARD_BREAK,
  TITLE_AND_NAME_FIELDS,
  describeHiddenControls,
  describePersonalNumber,
  findHiddenControls,
  findPersonalData,
  findPersonalNumbersDeep,
  type PersonalNumberFound,
} from './privacy.ts';

/**
 * The privacy rule (privacy.ts) applied to every file of a content tree that a reader or a visitor of the
 * repository can see: entries (every field, the body as written and as shown), data files and their
 * comments, caption cues, the text of SVG pictures, committed drafts and any other text file. PDFs, images
 * and videos are left to review (CONTRIBUTING says so).
 */

/** Files that are not text: the rule cannot read them, review does. */
const NOT_TEXT = /\.(?:pdf|png|jpe?g|gif|webp|avif|bmp|ico|tiff?|heic|mp4|m4v|webm|mov|mkv|mp3|m4a|aac|ogg|oga|wav|flac|zip|gz|7z|rar|docx?|xlsx?|pptx?|odt|ods|woff2?|ttf|otf|eot)$/i;
/** Larger text files are not something staff write by hand; they are read up to this size. */
const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/** Offsets to 1-based line numbers. */
class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  startOf(line: number): number {
    return this.starts[line - 1] ?? 0;
  }
}

/**
 * A text a reader sees, assembled from pieces of a file (cue lines, SVG text, Markdown nodes), each
 * remembering the line it came from. Blocks and table cells are kept apart by HARD_BREAK.
 */
class ShownText {
  private readonly parts: string[] = [];
  private readonly starts: number[] = [];
  private readonly lines: number[] = [];
  private length = 0;

  add(text: string, line: number): void {
    if (text === '') return;
    this.parts.push(text);
    this.starts.push(this.length);
    this.lines.push(line);
    this.length += text.length;
  }

  hardBreak(): void {
    if (this.parts.at(-1) !== HARD_BREAK) this.add(HARD_BREAK, this.lines.at(-1) ?? 1);
  }

  /** Each find with the line of the piece it starts in */
  find(): { hit: PersonalNumberFound; line: number }[] {
    return findPersonalData(this.parts.join('')).map((hit) => {
      let lo = 0;
      let hi = this.starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.starts[mid]! <= hit.index) lo = mid;
        else hi = mid - 1;
      }
      return { hit, line: this.lines[lo] ?? 1 };
    });
  }
}

/** What is found in one file, grouped by field and number so that each is reported once with all its lines. */
class Findings {
  private readonly byField = new Map<string, { hit: PersonalNumberFound; field: string; lines: Set<number> }>();
  /** Numbers already reported, so that a second reading of the same text adds only what is new */
  readonly keys = new Set<string>();

  add(hit: PersonalNumberFound, field: string, line: number | undefined): void {
    const id = `${field}\u0000${hit.key}`;
    let entry = this.byField.get(id);
    if (!entry) {
      entry = { hit, field, lines: new Set() };
      this.byField.set(id, entry);
    }
    if (line !== undefined) entry.lines.add(line);
    this.keys.add(hit.key);
  }

  problems(file: string): Problem[] {
    return [...this.byField.values()].map(({ hit, field, lines }) => {
      const [line, ...more] = [...lines].sort((a, b) => a - b);
      return { file, field, message: describePersonalNumber({ ...hit, lines: more }), ...(line ? { line } : {}) };
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// YAML (data files and frontmatter)

const YAML_KEY = /^(\s*)(?:-\s+)*(?:"([^"]*)"|'([^']*)'|([^\s#:"'][^#:]*?))\s*:(?:\s|$)/;

/** For each line of YAML, the path of the key it belongs to (`units.name`), by indentation. Linear. */
function yamlFieldsByLine(text: string): string[] {
  const stack: { indent: number; key: string }[] = [];
  return text.split('\n').map((line) => {
    if (/^\s*(?:#|$)/.test(line)) return stack.map((s) => s.key).join('.');
    const match = YAML_KEY.exec(line);
    const indent = line.length - line.trimStart().length;
    if (match) {
      while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
      stack.push({ indent, key: (match[2] ?? match[3] ?? match[4] ?? '').trim() });
    } else {
      while (stack.length > 0 && stack.at(-1)!.indent >= indent && !line.trimStart().startsWith('-')) stack.pop();
    }
    return stack.map((s) => s.key).join('.');
  });
}

/** Whether the offset is inside a YAML comment on its line (`# …` at the start or after a blank). */
function inYamlComment(text: string, lines: Lines, offset: number): boolean {
  const line = text.slice(lines.startOf(lines.lineOf(offset)), offset);
  return /(?:^|\s)#/.test(line.replace(/"[^"]*"|'[^']*'/g, ''));
}

/** The line of a value's key: from the YAML reader's table of lines, or found by the key names along its path. */
function lineOfPath(
  text: string,
  lines: Lines,
  fieldPath: readonly PropertyKey[],
  firstLine: number,
  fields: FieldLines | undefined,
): number {
  const known = fields ? lineOfField(fields, fieldPath) : undefined;
  if (known) return known;
  let from = lines.startOf(firstLine);
  let line = firstLine;
  for (const key of fieldPath) {
    if (typeof key !== 'string') continue;
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`^[ \\t-]*["']?${escaped}["']?[ \\t]*:`, 'm').exec(text.slice(from));
    if (!match) break;
    from += match.index + 1;
    line = lines.lineOf(from);
  }
  return line;
}

/**
 * One YAML text (a data file, or an entry's frontmatter inside its file): the values as parsed (escapes,
 * folded lines) and the text as written (comments, and numbers that YAML splits into list items).
 */
function checkYaml(
  text: string,
  value: unknown,
  lines: Lines,
  range: { from: number; to: number; firstLine: number; fields?: FieldLines },
  findings: Findings,
  rawHits: readonly PersonalNumberFound[],
): void {
  const rawLines = new Map<string, number[]>();
  const inRange = rawHits.filter((hit) => hit.index >= range.from && hit.index < range.to);
  for (const hit of inRange) rawLines.set(hit.key, [...(rawLines.get(hit.key) ?? []), lines.lineOf(hit.index)]);
  if (value !== undefined) {
    for (const hit of findPersonalNumbersDeep(value)) {
      const field = formatFieldPath(hit.path) || '(frontmatter)';
      const seen = rawLines.get(hit.key);
      for (const line of seen ?? [lineOfPath(text, lines, hit.path, range.firstLine, range.fields)]) findings.add(hit, field, line);
    }
  }
  let fields: string[] | undefined;
  for (const hit of inRange) {
    if (findings.keys.has(hit.key)) continue;
    const line = lines.lineOf(hit.index);
    fields ??= yamlFieldsByLine(text);
    const field = inYamlComment(text, lines, hit.index) ? '(注释)' : fields[line - 1] || '(文件)';
    findings.add(hit, field, line);
  }
}

/** Format and bidi controls in titles and names (title, summary, name, members, term, aliases). */
function hiddenControlProblems(file: string, value: unknown, fields?: FieldLines): Problem[] {
  const problems: Problem[] = [];
  for (const { value: v, at } of leavesOf(value)) {
    if (typeof v !== 'string' || !TITLE_AND_NAME_FIELDS.has(fieldNameOf(at) ?? '')) continue;
    const codes = findHiddenControls(v);
    if (codes.length === 0) continue;
    const path = pathOf(at);
    const line = fields ? lineOfField(fields, path) : undefined;
    problems.push({ file, field: formatFieldPath(path), message: describeHiddenControls(codes), ...(line ? { line } : {}) });
  }
  return problems.reverse();
}

// ---------------------------------------------------------------------------------------------------------
// Markdown bodies: the text as shown

/** Elements that end a block or a table cell in rendered HTML */
const HTML_BLOCK = /<\/?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|thead|tbody|tfoot|tr|td|th|div|section|figure|figcaption|hr|details|summary)\b[^>]*>/gi;

/** The text of rendered HTML as a reader sees it: blocks and cells apart, image descriptions read, references decoded. */
function shownHtml(html: string): string {
  return shownEntities(
    html
      .replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/gi, `${HARD_BREAK}$1${HARD_BREAK}`)
      .replace(HTML_BLOCK, HARD_BREAK)
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  );
}

/** Inline nodes run on within their block; every other node with children is a block of its own. */
const INLINE = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** The text a reader sees in a Markdown body: soft line breaks as spaces, blocks and table cells apart. */
function shownMarkdown(body: string, firstLine: number): ShownText {
  const shown = new ShownText();
  if (!canParse(body)) return shown;
  const stack: (Nodes | 'break')[] = [parseMarkdown(body)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'break') {
      shown.hardBreak();
      continue;
    }
    const line = (node.position?.start.line ?? 1) + firstLine - 1;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        shown.add(node.value.replace(/\n/g, ' '), line);
        continue;
      case 'code':
        shown.hardBreak();
        node.value.split('\n').forEach((text, i) => shown.add(`${text}\n`, line + 1 + i));
        shown.hardBreak();
        continue;
      case 'break':
        shown.add(' ', line);
        continue;
      case 'image':
      case 'imageReference':
        shown.add(node.alt ?? '', line);
        continue;
    }
    if (!('children' in node)) continue;
    const block = !INLINE.has(node.type);
    if (block) stack.push('break');
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    if (block) stack.push('break');
  }
  return shown;
}

export interface ReadEntryParts {
  /** The fields as the YAML reader gave them */
  frontmatter: Record<string, unknown>;
  /** The Markdown body as the reader gave it (trimmed) */
  body: string;
  /** The file line where the body starts */
  bodyFirstLine: number;
  /** Where the fields are written */
  fields?: FieldLines;
  /** The body as the pipeline rendered it, when it did */
  html?: string;
}

/**
 * An entry or draft: the frontmatter (values and comments), the body as written and as shown, and hidden
 * controls in titles and names. Without `parts` (the YAML could not be read) the text as written is checked.
 */
export function checkEntryPrivacy(file: string, source: string, parts?: ReadEntryParts): Problem[] {
  const lines = new Lines(source);
  const findings = new Findings();
  const rawHits = findPersonalData(source);
  const bodyStart = parts ? lines.startOf(parts.bodyFirstLine) : source.length;
  checkYaml(source, parts?.frontmatter, lines, { from: 0, to: bodyStart, firstLine: 1, fields: parts?.fields }, findings, rawHits);
  const bodyFindings = new Findings();
  for (const hit of rawHits) if (hit.index >= bodyStart) bodyFindings.add(hit, '正文', lines.lineOf(hit.index));
  if (parts) {
    // As shown: Markdown joins what markup splits (`**138**00138000`) and decodes character references. The
    // text of the HTML that is published is read first; the line of what only it shows is then looked up in
    // the Markdown's syntax tree (a second parse, made only for such finds).
    const shownOnly = (parts.html === undefined ? [] : findPersonalData(shownHtml(parts.html))).filter(
      (hit) => !bodyFindings.keys.has(hit.key),
    );
    const needTree = parts.html === undefined || shownOnly.length > 0;
    const lines = new Map<string, number>();
    for (const { hit, line } of needTree ? shownMarkdown(parts.body, parts.bodyFirstLine).find() : []) {
      if (!lines.has(hit.key)) lines.set(hit.key, line);
      if (parts.html === undefined && !bodyFindings.keys.has(hit.key)) bodyFindings.add(hit, '正文', line);
    }
    for (const hit of shownOnly) bodyFindings.add(hit, '正文', lines.get(hit.key) ?? parts.bodyFirstLine);
  }
  return [
    ...findings.problems(file),
    ...bodyFindings.problems(file),
    ...(parts ? hiddenControlProblems(file, parts.frontmatter, parts.fields) : []),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Captions and pictures

/** A reference to no character (`&#0;`) draws nothing: dropped, so that `138&#0;12345678` is still one number. */
const shownEntities = (text: string) => decodeEntities(text, { invalid: 'drop' });

/**
 * WebVTT as subtitles show it: tags gone, references decoded, the lines of one cue together, and every
 * other line (header, notes, cue names) as a block of its own; timing lines only separate.
 */
function shownCaptions(source: string): ShownText {
  const shown = new ShownText();
  source.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.includes('-->')) shown.hardBreak();
    else shown.add(`${shownEntities(line.replace(/<[^>\n]*>/g, ''))}\n`, i + 1);
  });
  return shown;
}

/** Elements that continue the text around them in SVG */
const SVG_INLINE = /^\/?(?:tspan|a|textPath|tref)$/i;

/** The text drawn in an SVG (text, titles, descriptions) and its comments, references decoded. */
function shownSvg(source: string, lines: Lines): ShownText {
  const shown = new ShownText();
  const addText = (from: number, to: number) => {
    if (to <= from) return;
    let offset = from;
    source
      .slice(from, to)
      .split('\n')
      .forEach((piece, k) => {
        shown.add(`${k > 0 ? '\n' : ''}${shownEntities(piece)}`, lines.lineOf(offset));
        offset += piece.length + 1;
      });
  };
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('<', i);
    if (open === -1) {
      addText(i, source.length);
      break;
    }
    addText(i, open);
    if (source.startsWith('<!--', open)) {
      const close = source.indexOf('-->', open + 4);
      const end = close === -1 ? source.length : close;
      shown.hardBreak();
      addText(open + 4, end);
      shown.hardBreak();
      i = end + 3;
      continue;
    }
    const close = source.indexOf('>', open);
    const end = close === -1 ? source.length : close;
    const name = /^<(\/?[A-Za-z][\w:.-]*)/.exec(source.slice(open, Math.min(end, open + 64)))?.[1] ?? '';
    if (!SVG_INLINE.test(name)) shown.hardBreak();
    i = end + 1;
  }
  return shown;
}

function checkShownFile(file: string, source: string, shown: ShownText | undefined, field: string): Problem[] {
  const lines = new Lines(source);
  const findings = new Findings();
  // Where the shown text is known (cues, SVG text), only it counts: timings and drawing commands are numbers
  // that no one reads, and would join with the text next to them.
  if (!shown) {
    for (const hit of findPersonalData(source)) findings.add(hit, field, lines.lineOf(hit.index));
  }
  for (const { hit, line } of shown?.find() ?? []) if (!findings.keys.has(hit.key)) findings.add(hit, field, line);
  return findings.problems(file);
}

// ---------------------------------------------------------------------------------------------------------
// Files and trees

/** A data file or any other YAML file: values, comments and hidden controls in names. */
export function checkYamlPrivacy(file: string, source: string): Problem[] {
  // Read as the data files are read (frontmatter.ts); the text as written is checked even when it cannot be.
  const read = readYamlText(source);
  const value = read.ok ? read.data : undefined;
  const fields = read.ok ? read : undefined;
  const lines = new Lines(source);
  const findings = new Findings();
  checkYaml(source, value, lines, { from: 0, to: source.length, firstLine: 1, fields }, findings, findPersonalData(source));
  return [...findings.problems(file), ...hiddenControlProblems(file, value, fields)];
}

/** A Markdown file that is not a published entry (a draft, a note): privacy and markup rules only. */
export function checkDraftFile(file: string, source: string): Problem[] {
  const read = readEntryText(source);
  if (!read.ok) return checkEntryPrivacy(file, source);
  const { data: frontmatter, body } = read.entry;
  const bodyFirstLine = read.entry.firstLine + read.entry.lines.length + 1;
  const rendered = renderMarkdown(body, { fileURL: pathToFileURL(file) });
  const problems = checkEntryPrivacy(file, source, { frontmatter, body, bodyFirstLine, fields: read.entry, html: rendered.html });
  for (const p of checkMarkupSafety(frontmatter, body, { rendered, firstLine: bodyFirstLine })) problems.push({ file, ...p });
  return problems;
}

/** Any file of the tree, by its kind. */
export function checkFilePrivacy(file: string, source: string): Problem[] {
  if (/\.ya?ml$/i.test(file)) return checkYamlPrivacy(file, source);
  if (/\.mdx?$/i.test(file)) return checkDraftFile(file, source);
  if (/\.vtt$/i.test(file)) return checkShownFile(file, source, shownCaptions(source), '(字幕)');
  if (/\.svg$/i.test(file)) return checkShownFile(file, source, shownSvg(source, new Lines(source)), '(图片文字)');
  // Other text (a .csv, a .txt): commas and tabs in a table row are cells, not separators.
  const text = /\.(?:csv|tsv)$/i.test(file) ? source.replace(/[,\t]/g, HARD_BREAK) : source;
  return checkShownFile(file, text, undefined, '(文件)');
}

function readText(file: string): string | undefined {
  const size = fs.statSync(file).size;
  const buffer = Buffer.alloc(Math.min(size, MAX_TEXT_BYTES));
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (buffer.subarray(0, 8192).includes(0)) return undefined;
  // A file that is not UTF-8 is reported by the reader that needs it; here it is read as well as it can be.
  const decoded = decodeUtf8(buffer);
  return decoded.ok ? decoded.text : buffer.toString('latin1');
}

/**
 * Every file of the content tree except the published entries (validateContent reads those itself):
 * data files, captions, SVG pictures, drafts (`_…`) and any other text. Symbolic links are not followed.
 */
export function checkTreePrivacy(contentDir: string, isEntry: (file: string) => boolean): Problem[] {
  if (!fs.existsSync(contentDir)) return [];
  const problems: Problem[] = [];
  const files = fs
    .readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
  for (const file of files) {
    if (NOT_TEXT.test(file) || isEntry(file)) continue;
    const source = readText(file);
    if (source !== undefined) problems.push(...checkFilePrivacy(file, source));
  }
  return problems;
}
