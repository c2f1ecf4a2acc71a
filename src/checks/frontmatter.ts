/**
 * Reads an entry file the way staff type it. The one reader behind `npm run validate`, `npm run build` and
 * Astro's content collections (src/content.config.ts), so that what is checked is what is published.
 *
 * Staff are not YAML users. Plain YAML would silently change what they type: ` #` starts a comment, `: ` makes
 * a mapping, a leading `"` or `[` changes the type, and `[a(2021, b)]` splits at the comma inside brackets.
 * So one-line text fields (title, summary, …) and the items of text lists (members, awards) are read exactly
 * as typed, before YAML sees them: each such value is rewritten, on its own line, as a single-quoted scalar.
 * A value that is already one complete quoted scalar keeps YAML's meaning (`'a: b'` is `a: b`). Everything else
 * goes to YAML, with a schema that has no implicit timestamps (dates stay text; src/core/dates.ts reads them).
 * Mistakes YAML would report lines away (an unclosed quote, a full-width colon, a missing closing `---`, a
 * file that is not UTF-8) are found line by line first, and named with the fix.
 */
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { KINDS } from '../core/slugs.ts';
import { contractOf, elementOf, fieldPaths, unwrapSchema, type FieldPath } from '../schemas/contract.ts';
import { ENTRY_SCHEMAS } from '../schemas/index.ts';

/** Every field of every kind of entry, nested ones included, with its contract (src/schemas/contract.ts). */
const ENTRY_FIELDS = KINDS.flatMap((kind) => fieldPaths(ENTRY_SCHEMAS[kind]));
const namesOf = (test: (field: FieldPath) => boolean) =>
  new Set(ENTRY_FIELDS.filter(test).map((field) => field.path.at(-1)!));
const isText = (schema: z.ZodType | undefined) =>
  schema !== undefined && unwrapSchema(schema).def.type === 'string' && contractOf(schema)?.max !== undefined;

/** One-line text fields (measured in 字): read as typed. `name`, `affiliation`, `position` are an instructor's. */
export const TYPED_TEXT_FIELDS: ReadonlySet<string> = namesOf((field) => isText(field.schema));

/** Lists whose items are free text: each item is read as typed; brackets inside an item never split it. */
export const TYPED_LIST_FIELDS: ReadonlySet<string> = namesOf((field) => isText(elementOf(field.schema)));

/** Lists of people's names: `[张三、李四]` and `[张三，李四]` are two names, as are `张三、李四` and `- 张三、李四`. */
export const NAME_LIST_FIELDS: ReadonlySet<string> = namesOf((field) => field.contract?.names === true);

/** Lists of choices (应用场景, 课程主题, 案例方面): split at commas (ASCII or full-width) and 、 outside brackets. */
export const CHOICE_LIST_FIELDS: ReadonlySet<string> = namesOf((field) => {
  const item = elementOf(field.schema);
  return item !== undefined && !isText(item) && unwrapSchema(item).def.type !== 'object';
});

/** A problem in the file's text, before any field is read. `line` is 1-based, in the whole file. */
export interface SourceProblem {
  line?: number;
  message: string;
}

/** Where the fields are, for messages that name the line. */
export interface FieldLines {
  /** 1-based file line of each top-level key */
  keyLines: Map<string, number>;
  /** The YAML's lines, and the file line of the first one, for finding nested fields */
  lines: string[];
  firstLine: number;
}

export interface ReadEntry extends FieldLines {
  data: Record<string, unknown>;
  /** The Markdown after the closing `---`, trimmed as Astro trims it */
  body: string;
}

export type ReadResult = { ok: true; entry: ReadEntry } | { ok: false; problems: SourceProblem[] };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes; a file that is not UTF-8 (GBK, from older Windows editors) is named as such. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: SourceProblem } {
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    let gbk = false;
    try {
      gbk = /[\u4e00-\u9fff]/.test(new TextDecoder('gbk', { fatal: true }).decode(bytes));
    } catch {
      gbk = false;
    }
    return {
      ok: false,
      problem: {
        message:
          `文件不是 UTF-8 编码${gbk ? '（看起来是 Windows 记事本等旧编辑器保存的 GBK 编码）' : ''}，网站只能读取 UTF-8，否则中文会变成乱码。` +
          '请把文件另存为 UTF-8：记事本里「文件 → 另存为」，编码选「UTF-8」；VS Code 里点右下角的编码名称，选「通过编码保存」→「UTF-8」',
      },
    };
  }
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*([:：])(.*)$/;
const SINGLE_QUOTED = /^'(?:[^']|'')*'$/;
const DOUBLE_QUOTED = /^"(?:[^"\\]|\\.)*"$/;
/** Chinese characters and full-width punctuation: lines of them join without a space. */
const CJK_EDGE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201d]/;
const BLOCK_SCALAR = /^[|>][+-]?[1-9]?[+-]?$/;

const singleQuoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
const isCompleteQuoted = (value: string) => SINGLE_QUOTED.test(value) || DOUBLE_QUOTED.test(value);

const OPENERS: Record<string, string> = {
  '(': ')',
  '（': '）',
  '[': ']',
  '【': '】',
  '《': '》',
  '「': '」',
  '『': '』',
  '“': '”',
  '‘': '’',
  '〔': '〕',
  '{': '}',
};

/**
 * Splits list text at separators that are outside brackets and quotes: `甲(2021, 一等奖), 乙` → two items.
 * Returns undefined when a bracket or quote is never closed.
 */
export function splitOutsideBrackets(text: string, separators: ReadonlySet<string>): string[] | undefined {
  const items: string[] = [];
  const stack: string[] = [];
  let quote: string | undefined;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      current += ch;
      if (ch === quote) {
        if (quote === "'" && text[i + 1] === "'") {
          current += text[++i];
          continue;
        }
        quote = undefined;
      } else if (quote === '"' && ch === '\\') current += text[++i] ?? '';
      continue;
    }
    if ((ch === "'" || ch === '"') && current.trim() === '') {
      quote = ch;
      current += ch;
      continue;
    }
    if (OPENERS[ch] !== undefined) {
      stack.push(ch);
    } else if (stack.length > 0 && ch === OPENERS[stack.at(-1)!]) {
      stack.pop();
    } else if (stack.length === 0 && separators.has(ch)) {
      items.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (quote || stack.length > 0) return undefined;
  items.push(current);
  return items.map((item) => item.trim()).filter((item, i, all) => item !== '' || all.length > 1);
}

/**
 * Curly quotes typed around a whole value (Word and Chinese input methods turn ' and " into ‘’ and “”) are a
 * person quoting the value, not part of it: `‘用手机预约挂号’` is 用手机预约挂号. Quotes inside are kept.
 */
export function withoutCurlyQuotes(value: string): string {
  const m = /^‘([^‘’]*)’$/.exec(value) ?? /^“([^“”]*)”$/.exec(value);
  return m ? m[1]!.trim() : value;
}

/** An item as YAML should read it: a complete quoted scalar keeps its quotes; anything else is taken as typed. */
function typedItem(item: string): string {
  return isCompleteQuoted(item) ? item : singleQuoted(withoutCurlyQuotes(item));
}

/** Items of a list as typed: `[a, b]` written in a line, or one value without brackets. */
function typedItems(key: string, text: string): string[] | undefined {
  return splitOutsideBrackets(text, separatorsFor(key))?.filter((s) => s !== '');
}

/** Names are split at any list mark staff use between names; awards only at commas outside brackets. */
function separatorsFor(key: string): ReadonlySet<string> {
  if (NAME_LIST_FIELDS.has(key)) return NAME_SEPARATORS;
  return CHOICE_LIST_FIELDS.has(key) ? CHOICE_SEPARATORS : COMMA;
}

function fieldLine(line: number, key: string, message: string): SourceProblem {
  return { line, message: `「${key}」${message}` };
}

const COMMA = new Set([',']);
const CHOICE_SEPARATORS = new Set([',', '，', '、', '；', ';']);
const NAME_SEPARATORS = CHOICE_SEPARATORS;

/**
 * Rewrites the frontmatter so that YAML reads typed text as typed, one line for one line. Lines that YAML
 * would misread are reported with their line number and the fix.
 */
function rewriteFrontmatter(lines: string[], firstLine: number): { text: string; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const out: string[] = [];
  /** The key of the block list being read, and its indentation */
  let listKey: { key: string; indent: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = firstLine + i;
    if (line.trim() === '' || /^\s*#/.test(line)) {
      out.push(line);
      continue;
    }
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.includes('\t')) {
      problems.push({ line: lineNo, message: '这一行开头用了 Tab 键缩进，YAML 只认空格：请把开头的 Tab 换成两个空格' });
      out.push(line);
      continue;
    }
    if (listKey && indent.length <= listKey.indent && !/^\s*-(\s|$)/.test(line)) listKey = undefined;
    const item = /^(\s*)-[ \t]+(.*)$/.exec(line);
    if (listKey && item && !KEY_LINE.test(line)) {
      const value = item[2]!.trim();
      if (/^["']/.test(value) && !isCompleteQuoted(value) && value.indexOf(value[0]!, 1) === -1) {
        problems.push({
          line: lineNo,
          message: `「${listKey.key}」的这一项以英文引号 ${value[0]} 开头，但没有配对的结束引号。请在末尾补上 ${value[0]}，或者删去这个引号`,
        });
        out.push(line);
        continue;
      }
      // Several names in one item become a nested list here, flattened once read (flattenLists).
      // An item of a block list is one award as typed; names and choices may still be several in one line.
      const splits = NAME_LIST_FIELDS.has(listKey.key) || CHOICE_LIST_FIELDS.has(listKey.key);
      const items = isCompleteQuoted(value) || !splits ? [value] : (typedItems(listKey.key, value) ?? [value]);
      out.push(`${item[1]}- ${items.length === 1 ? typedItem(items[0]!) : `[${items.map(typedItem).join(', ')}]`}`);
      continue;
    }
    const match = KEY_LINE.exec(line);
    if (!match) {
      if (!listKey && indent === '' && !/^-(\s|$)/.test(line) && !/:(\s|$)/.test(line)) {
        problems.push({
          line: lineNo,
          message: line.includes('：')
            ? `这一行「${line.trim()}」没有英文冒号：字段名后面要用英文冒号「:」加一个空格，不能用中文冒号「：」；字段名要用英文，例如 title: 手机挂号入门`
            : `这一行「${line.trim()}」不是「字段名: 内容」的写法，请在字段名后加英文冒号和空格；如果它是正文，请把它移到第二个 --- 之后`,
        });
      }
      out.push(line);
      continue;
    }
    const [, lead = '', dash = '', key, colon, rest = ''] = match as unknown as string[];
    if (colon === '：') {
      problems.push(
        fieldLine(
          lineNo,
          key!,
          `后面用了中文冒号「：」：字段名后面要用英文冒号「:」再加一个空格，请改成「${key}: ${rest.trim()}」`,
        ),
      );
      out.push(line);
      continue;
    }
    if (rest !== '' && !/^[ \t\u3000]/.test(rest)) {
      problems.push(
        fieldLine(
          lineNo,
          key!,
          `后面的冒号和内容之间缺少空格，请在英文冒号「:」后加一个空格：「${key}: ${rest.trim()}」`,
        ),
      );
      out.push(line);
      continue;
    }
    const value = rest.trim();
    const prefix = `${lead}${dash}${key}: `;
    // A full-width space after the colon (typed with a Chinese input method) is a space.
    const current = /^\u3000/.test(rest) ? `${prefix}${value}` : line;
    if (value === '') {
      listKey =
        TYPED_LIST_FIELDS.has(key!) || CHOICE_LIST_FIELDS.has(key!) ? { key: key!, indent: lead.length } : undefined;
      out.push(current);
      continue;
    }
    const continued = (() => {
      const next = lines[i + 1];
      if (next === undefined || next.trim() === '' || /^\s*#/.test(next)) return false;
      const nextIndent = /^ */.exec(next)![0].length;
      return nextIndent > lead.length + dash.length && !KEY_LINE.test(next) && !/^\s*-(\s|$)/.test(next);
    })();
    const opensQuote = value.startsWith('"') || value.startsWith("'");
    if (opensQuote && !isCompleteQuoted(value)) {
      const q = value[0]!;
      const closes = value.indexOf(q, 1);
      if (closes === -1) {
        problems.push(
          fieldLine(
            lineNo,
            key!,
            `的值以英文引号 ${q} 开头，但这一行里没有配对的结束引号 ${q}。请在值的末尾补上 ${q}；如果引号本来就是文字的一部分，请把整个值放进另一种引号里，例如 ${key}: ${q === '"' ? `'${value}'` : `"${value}"`}`,
          ),
        );
        out.push(current);
        continue;
      }
    }
    if (TYPED_TEXT_FIELDS.has(key!)) {
      if (continued && !BLOCK_SCALAR.test(value) && !opensQuote) {
        // Text that runs on over indented lines: one text as typed, lines joined (without a space between
        // Chinese characters); the lines it took stay, blank, so that later line numbers hold.
        let text = value;
        let j = i + 1;
        for (; j < lines.length; j++) {
          const next = lines[j]!;
          if (next.trim() === '' || /^ */.exec(next)![0].length <= lead.length + dash.length) break;
          const part = next.trim();
          text += CJK_EDGE.test(text.slice(-1)) || CJK_EDGE.test(part[0]!) ? part : ` ${part}`;
        }
        out.push(`${prefix}${singleQuoted(withoutCurlyQuotes(text))}`);
        for (let k = i + 1; k < j; k++) out.push('');
        i = j - 1;
        continue;
      }
      if (BLOCK_SCALAR.test(value) || continued || isCompleteQuoted(value)) out.push(current);
      else out.push(`${prefix}${singleQuoted(withoutCurlyQuotes(value))}`);
      continue;
    }
    if (TYPED_LIST_FIELDS.has(key!) || CHOICE_LIST_FIELDS.has(key!)) {
      if (value.startsWith('[') && value.endsWith(']')) {
        const items = typedItems(key!, value.slice(1, -1));
        if (items === undefined) {
          problems.push(
            fieldLine(
              lineNo,
              key!,
              '的列表里有没配对的括号或引号，请检查每个「(」「（」「“」都有对应的「)」「）」「”」',
            ),
          );
          out.push(current);
        } else out.push(`${prefix}[${items.map(typedItem).join(', ')}]`);
        continue;
      }
      if (value.startsWith('[')) {
        problems.push(
          fieldLine(lineNo, key!, '的列表以「[」开头却没有在这一行以「]」结束，请把整个列表写在一行里，用「]」收尾'),
        );
        out.push(current);
        continue;
      }
      if (!continued && !BLOCK_SCALAR.test(value)) {
        // One value without brackets: a list of one, or of several names (张三、李四).
        const items = isCompleteQuoted(value) ? [value] : (typedItems(key!, value) ?? [value]);
        out.push(`${prefix}[${items.map(typedItem).join(', ')}]`);
        continue;
      }
    }
    if (opensQuote && !isCompleteQuoted(value)) {
      const q = value[0]!;
      problems.push(
        fieldLine(
          lineNo,
          key!,
          `的值用英文引号 ${q} 括起了一部分，后面还有文字。要么去掉引号，要么把整个值放进引号里，例如 ${key}: ${q === '"' ? `'${value}'` : `"${value}"`}`,
        ),
      );
      out.push(current);
      continue;
    }
    out.push(current);
  }
  return { text: out.join('\n'), problems };
}

function yamlErrorProblem(error: unknown, firstLine: number, lines: string[]): SourceProblem {
  const mark = (error as { mark?: { line: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? '';
  const line = mark ? firstLine + Math.min(mark.line, lines.length - 1) : undefined;
  const hint = /duplicated mapping key/.test(reason)
    ? '同一个字段写了两次，请删去其中一个'
    : /bad indentation|end of the stream or a document separator/.test(reason)
      ? '缩进没有对齐，或者这一行缺少「字段名: 」。同一层的字段要从同一列开始，用空格缩进'
      : '请检查冒号后是否有空格、缩进是否对齐、引号是否成对';
  return { line, message: `YAML 写法有误：${hint}` };
}

/** Where the closing `---` probably belongs: before the first line that is not frontmatter. */
function missingCloseHint(lines: string[], firstLine: number): string {
  const at = lines.findIndex(
    (l, i) =>
      i > 0 &&
      (/^#{1,6}\s/.test(l) ||
        (lines[i - 1]!.trim() === '' && !/^(\s|-|#|[A-Za-z_]\w*\s*:)/.test(l) && l.trim() !== '')),
  );
  return at > 0 ? `，应当在第 ${firstLine + at} 行之前` : '';
}

/**
 * Reads YAML lines (a frontmatter, or a whole data file such as units.yaml) with typed text read as typed and
 * without implicit timestamps. `firstLine` is the file line of `lines[0]`, for the messages.
 */
export function readYamlLines(
  lines: string[],
  firstLine = 1,
): ({ ok: true; data: unknown } & FieldLines) | { ok: false; problems: SourceProblem[] } {
  const { text, problems } = rewriteFrontmatter(lines, firstLine);
  if (problems.length > 0) return { ok: false, problems };
  try {
    const data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    const keyLines = new Map<string, number>();
    lines.forEach((line, i) => {
      const m = /^([A-Za-z0-9_][A-Za-z0-9_-]*)\s*:/.exec(line);
      if (m && !keyLines.has(m[1]!)) keyLines.set(m[1]!, firstLine + i);
    });
    return { ok: true, data, keyLines, lines, firstLine };
  } catch (error) {
    return { ok: false, problems: [yamlErrorProblem(error, firstLine, lines)] };
  }
}

/** A whole YAML data file's text (BOM and CRLF allowed). */
export function readYamlText(source: string) {
  return readYamlLines((source.startsWith('\uFEFF') ? source.slice(1) : source).split(/\r?\n/));
}

/**
 * `- 张三、李四` in a block list was read as a nested list: one list of names. A name list never holds an item
 * that names several people, even one quoted as `'张三、李四'`.
 */
function flattenLists(data: Record<string, unknown>): void {
  for (const key of [...TYPED_LIST_FIELDS, ...CHOICE_LIST_FIELDS]) {
    const value = data[key];
    if (!Array.isArray(value)) continue;
    const flat = value.flat();
    data[key] = NAME_LIST_FIELDS.has(key)
      ? flat.flatMap((item) =>
          typeof item === 'string'
            ? (splitOutsideBrackets(item, NAME_SEPARATORS)?.filter((s) => s !== '') ?? [item])
            : [item],
        )
      : flat;
  }
}

/** An instructor's name that names several people: each instructor has their own 单位 and 职务, so it is refused. */
function severalPeopleInOneName(data: Record<string, unknown>, where: FieldLines): SourceProblem[] {
  const instructors = data.instructors;
  if (!Array.isArray(instructors)) return [];
  return instructors.flatMap((instructor, i): SourceProblem[] => {
    const name = (instructor as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') return [];
    const names = splitOutsideBrackets(name, NAME_SEPARATORS)?.filter((s) => s !== '') ?? [name];
    if (names.length < 2) return [];
    return [
      {
        line: lineOfField(where, ['instructors', i, 'name']),
        message: `第 ${i + 1} 位授课人的姓名「${name}」写了 ${names.length} 个人：每位授课人要单独写一组 name（姓名）、affiliation（单位）、position（职务），请把「${names.slice(1).join('」「')}」各自另写一组`,
      },
    ];
  });
}

/**
 * Reads an entry file's text: the frontmatter as typed (see the module comment) and the Markdown body.
 * Every problem found in the text is returned, each with its line.
 */
export function readEntryText(source: string): ReadResult {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const all = text.split(/\r?\n/);
  let open = 0;
  while (open < all.length && all[open]!.trim() === '') open++;
  if (all[open]?.trimEnd() !== '---') {
    return {
      ok: false,
      problems: [
        {
          line: open + 1,
          message:
            '文件开头缺少用 --- 包起来的字段区：第一行应当是单独的 ---，接着是各个字段，再一行 --- 之后才是正文。可以用 npm run new 生成新条目再填写',
        },
      ],
    };
  }
  let close = -1;
  for (let i = open + 1; i < all.length; i++) {
    if (all[i]!.trimEnd() === '---') {
      close = i;
      break;
    }
  }
  const firstLine = open + 2;
  if (close === -1) {
    const lines = all.slice(open + 1);
    return {
      ok: false,
      problems: [
        {
          line: open + 1,
          message: `字段区缺少结束的 ---：第 ${open + 1} 行的 --- 开始了字段区，但后面没有单独一行的 ---${missingCloseHint(lines, firstLine)}。请在最后一个字段的下一行加上一行 ---，正文写在它后面`,
        },
      ],
    };
  }
  const lines = all.slice(open + 1, close);
  const read = readYamlLines(lines, firstLine);
  if (!read.ok) return read;
  if (read.data === null || read.data === undefined) read.data = {};
  const data = read.data;
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      problems: [{ line: firstLine, message: '字段区应当是一行一个「字段名: 内容」，请参照 npm run new 生成的模板' }],
    };
  }
  flattenLists(data as Record<string, unknown>);
  const together = severalPeopleInOneName(data as Record<string, unknown>, read);
  if (together.length > 0) return { ok: false, problems: together };
  const body = all
    .slice(close + 1)
    .join('\n')
    .trim();
  return {
    ok: true,
    entry: { data: data as Record<string, unknown>, body, keyLines: read.keyLines, lines, firstLine },
  };
}

/**
 * The file line of a field (`instructors[1].name` → the line of that instructor's name), or of the nearest
 * enclosing field that can be found.
 */
export function lineOfField(entry: FieldLines, path: readonly PropertyKey[]): number | undefined {
  const [top, ...rest] = path;
  if (typeof top !== 'string') return undefined;
  let line = entry.keyLines.get(top);
  if (line === undefined) return undefined;
  let index = line - entry.firstLine;
  let parentIndent = 0;
  for (const segment of rest) {
    const start = index;
    const within = (i: number) => {
      const l = entry.lines[i]!;
      if (l.trim() === '' || /^\s*#/.test(l)) return true;
      return (
        /^ */.exec(l)![0].length > parentIndent ||
        (/^\s*-(\s|$)/.test(l) && /^ */.exec(l)![0].length >= parentIndent && i > start)
      );
    };
    let found = -1;
    if (typeof segment === 'number') {
      let seen = -1;
      for (let i = start + 1; i < entry.lines.length && within(i); i++) {
        if (/^\s*-(\s|$)/.test(entry.lines[i]!) && ++seen === segment) {
          found = i;
          break;
        }
      }
      if (found !== -1) parentIndent = /^ */.exec(entry.lines[found]!)![0].length;
    } else {
      const key = new RegExp(`^\\s*(?:-\\s+)?${String(segment)}\\s*:`);
      for (let i = start; i < entry.lines.length && (i === start || within(i)); i++) {
        if (key.test(entry.lines[i]!)) {
          found = i;
          break;
        }
      }
    }
    if (found === -1) break;
    index = found;
    line = entry.firstLine + found;
  }
  return line;
}
