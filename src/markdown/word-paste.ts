/**
 * Text pasted from Word, made to read as it did in Word. Word puts one paragraph on each line, and staff
 * number steps by hand (`1、打开微信`, `（1）`, `①`). Markdown joins such lines into one paragraph, and a
 * browser shows each line break between Chinese characters as a stray space. So, inside a paragraph:
 * - a single line break next to Chinese text (or before a numbered line) starts a new paragraph;
 * - lines that begin with `1、` `1．` `1.` `（1）` `(1)` or `①` become a numbered list, numbered as typed;
 * - a section heading such as `一、基本情况` is never a list item (it stays a line of its own).
 * Lines of other text (English wrapped across lines) stay one paragraph, as Markdown has them.
 *
 * One rule, two plugin shapes: `wordPastePlugin` for Sätteri (the one Markdown pipeline,
 * src/markdown/transforms.ts) and `remarkWordPaste` for mdast trees (the validator's, src/markdown/plain-text.ts), so that
 * what renders an entry body and what checks it apply the same transform.
 */
import type { List, ListItem, Paragraph, PhrasingContent, Parent, Root, RootContent, Text } from 'mdast';
import type { MdastPluginInstance } from 'satteri';
import { KNOWN_SECTION_NAMES, sectionNameOf } from './section-headings.ts';

/** Chinese characters and the full-width punctuation and quotes written with them. */
const CJK = /[\u2018-\u201d\u2460-\u2473\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

const MARKERS: { family: string; pattern: RegExp; number: (m: RegExpExecArray) => number }[] = [
  // `1、` `1．` and `1.` not followed by a digit (1.5 元 is not a step)
  { family: 'arabic', pattern: /^(\d{1,3})(?:[、．]|\.(?!\d))[ \t\u3000]*/u, number: (m) => Number(m[1]) },
  { family: 'paren', pattern: /^[（(](\d{1,3})[）)][ \t\u3000]*/u, number: (m) => Number(m[1]) },
  { family: 'circled', pattern: /^([\u2460-\u2473])[ \t\u3000]*/u, number: (m) => m[1]!.codePointAt(0)! - 0x2460 + 1 },
];

/** Outer to inner: `1、` steps hold `（1）` sub-steps, which hold `①` points. */
const FAMILY_RANK: Record<string, number> = { arabic: 0, paren: 1, circled: 2 };

export interface NumberedLine {
  family: string;
  number: number;
  /** How many characters the marker takes, with the space after it */
  length: number;
}

/** The step number a line starts with, if it starts with one. */
export function numberedLine(text: string): NumberedLine | undefined {
  for (const { family, pattern, number } of MARKERS) {
    const m = pattern.exec(text);
    if (m && m[0].trim() !== '' && text.length > m[0].length) return { family, number: number(m), length: m[0].length };
  }
  return undefined;
}

/**
 * `一、基本情况`, `（一）活动背景`, `第一部分`, or `1、培训内容` (a numbered section name the forms ask for, see
 * src/markdown/section-headings.ts): a heading written as a line, never a list item.
 */
export function isSectionHeadingLine(text: string): boolean {
  const name = sectionNameOf(text);
  if (KNOWN_SECTION_NAMES.has(name) && name !== text.trim()) return true;
  return /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十\d]{1,3}[部分章节])/u.test(
    text.trim(),
  );
}

type Line = PhrasingContent[];

/** Plain text of inline content, for deciding where lines break. */
function inlineText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n) =>
      'value' in n && typeof n.value === 'string'
        ? n.value
        : 'children' in n
          ? inlineText(n.children as PhrasingContent[])
          : '',
    )
    .join('');
}

/** Splits a paragraph's inline content at the line breaks inside its text nodes. */
function splitLines(children: readonly PhrasingContent[]): Line[] {
  const lines: Line[] = [[]];
  for (const child of children) {
    if (child.type !== 'text' || !/[\r\n]/.test(child.value)) {
      lines.at(-1)!.push(child);
      continue;
    }
    const parts = child.value.split(/\r?\n|\r/);
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines.at(-1)!.push({ type: 'text', value: part } satisfies Text);
    });
  }
  return lines;
}

/** Removes `count` characters from the start of a line's text (a list marker). */
function dropStart(line: Line, count: number): Line {
  const [first, ...rest] = line;
  if (first?.type !== 'text') return line;
  const value = first.value.slice(count);
  return value === '' ? rest : [{ type: 'text', value }, ...rest];
}

function trimLine(line: Line): Line {
  const out = [...line];
  const first = out[0];
  if (first?.type === 'text') out[0] = { type: 'text', value: first.value.replace(/^[ \t]+/, '') };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value.replace(/[ \t]+$/, '') };
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

/** Joins lines that stay in one paragraph with the soft line break Markdown had between them. */
function joinLines(lines: Line[]): Line {
  return lines.flatMap((line, i) => (i === 0 ? line : [{ type: 'text', value: '\n' } satisfies Text, ...line]));
}

/**
 * What a paragraph becomes: undefined when it stays as it is, otherwise the paragraphs and numbered lists
 * that replace it, in order.
 */
export function splitPastedParagraph(children: readonly PhrasingContent[]): (Paragraph | List)[] | undefined {
  const lines = splitLines(children).map(trimLine);
  if (
    lines.length < 2 &&
    !(lines[0] && numberedLine(inlineText(lines[0])) && !isSectionHeadingLine(inlineText(lines[0])))
  ) {
    return undefined;
  }
  const texts = lines.map(inlineText);
  // Group lines into blocks: a new block starts at a break next to Chinese text, or at a numbered line.
  const blocks: number[][] = [];
  texts.forEach((text, i) => {
    const previous = texts[i - 1];
    const breaks =
      i === 0 ||
      previous === undefined ||
      CJK.test(previous.trimEnd().slice(-1)) ||
      CJK.test(text.trimStart().charAt(0)) ||
      numberedLine(text) !== undefined ||
      isSectionHeadingLine(text);
    if (breaks) blocks.push([i]);
    else blocks.at(-1)!.push(i);
  });
  if (blocks.length === lines.length && blocks.length < 2 && !numberedLine(texts[0]!)) return undefined;

  const out: (Paragraph | List)[] = [];
  // Open lists, outermost first: `（1）` under `3、` is a sub-step of step 3.
  let open: { node: List; family: string; next: number }[] = [];
  for (const block of blocks) {
    const first = texts[block[0]!]!;
    const marker = isSectionHeadingLine(first) ? undefined : numberedLine(first);
    const content = joinLines(
      block.map((i, k) => (k === 0 && marker ? dropStart(lines[i]!, marker.length) : lines[i]!)),
    );
    if (content.length === 0) continue;
    if (!marker) {
      open = [];
      out.push({ type: 'paragraph', children: content });
      continue;
    }
    const item: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: content }] };
    const level = open.findIndex((l) => l.family === marker.family);
    if (level !== -1 && open[level]!.next === marker.number) {
      open = open.slice(0, level + 1);
      open[level]!.node.children.push(item);
      open[level]!.next++;
      continue;
    }
    const node: List = { type: 'list', ordered: true, start: marker.number, spread: false, children: [item] };
    const parent = level === -1 ? open.at(-1) : open[level - 1];
    const nests =
      parent !== undefined && FAMILY_RANK[marker.family]! > FAMILY_RANK[parent.family]! && marker.number === 1;
    if (nests) {
      parent.node.children.at(-1)!.children.push(node);
      open = [...open.slice(0, open.indexOf(parent) + 1), { node, family: marker.family, next: marker.number + 1 }];
    } else {
      out.push(node);
      open = [{ node, family: marker.family, next: marker.number + 1 }];
    }
  }
  const unchanged = out.length === 1 && out[0]!.type === 'paragraph' && lines.length === 1;
  return unchanged ? undefined : out;
}

/** The Sätteri mdast plugin (Astro's default Markdown processor). MDX pages are the team's own: left alone. */
export const wordPastePlugin: MdastPluginInstance & { name: string } = {
  name: 'zhulao:word-paste',
  paragraph(node, ctx) {
    if (ctx.sourceFormat !== 'markdown') return;
    const replacement = splitPastedParagraph(node.children as PhrasingContent[]);
    if (replacement) ctx.replaceNode(node, replacement);
  },
};

/** The same transform for a unified (remark) pipeline or any mdast tree. */
export function remarkWordPaste() {
  return (tree: Root) => {
    const visit = (parent: Parent) => {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i] as RootContent;
        if (child.type === 'paragraph') {
          const replacement = splitPastedParagraph(child.children);
          if (replacement) {
            parent.children.splice(i, 1, ...replacement);
            i += replacement.length - 1;
            // The new lists' items are already final; paragraphs need no second pass.
          }
        } else if ('children' in child) visit(child as Parent);
      }
    };
    visit(tree);
  };
}
