import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';
import { promoteSectionHeadings } from './section-headings.ts';
import { remarkWordPaste } from './word-paste.ts';

/**
 * Counts 字 as Chinese editors do (SPEC §2): each CJK character, full-width punctuation mark or emoji
 * is one; each run of Latin letters or digits is one; half-width punctuation and whitespace are not
 * counted. Full-width letters and digits count like their half-width forms.
 */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\u3400-\u4dbf\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
const ALNUM = /[\p{L}\p{N}]/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** Punctuation outside ASCII (“ ” ‘ ’ … — · 、) is written full-width in Chinese text. */
const WIDE_PUNCT = /[^\x00-\x7f\p{L}\p{N}\s]/u;

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

function toHalfWidthAlnum(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

export function countChars(text: string): number {
  return ONE_POINT_GRAPHEMES.test(text) ? countCodePoints(text) : countGraphemes(text);
}

/**
 * Text in which every code point is a grapheme of its own: no combining marks, joiners, variation
 * selectors, emoji or Hangul jamo. Nearly every entry is such text, and it can be counted without the
 * (much slower) grapheme segmenter.
 */
const ONE_POINT_GRAPHEMES =
  /^[\u0000-\u02ff\u2010-\u2027\u2030-\u205f\u2190-\u23ff\u2500-\u25ff\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9d]*$/;

const NONE = 0;
const ONE = 1;
const RUN = 2;

/**
 * How one grapheme counts: as 1 (CJK, emoji, full-width punctuation), as part of a Latin run, or not at all.
 * Text that passes ONE_POINT_GRAPHEMES holds no emoji that are letters (like ℹ), so it skips the emoji test.
 */
function weigh(grapheme: string, maybeEmoji = true): number {
  if (CJK.test(grapheme) || (maybeEmoji && EMOJI.test(grapheme))) return ONE;
  if (ALNUM.test(grapheme)) return RUN;
  return WIDE_PUNCT.test(grapheme) ? ONE : NONE;
}

/** The count of text that passes ONE_POINT_GRAPHEMES, one code point at a time. */
export function countCodePoints(text: string): number {
  let count = 0;
  let previous = NONE;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let weight: number;
    if (code >= 0x4e00 && code <= 0x9fff) weight = ONE;
    else if (code < 0x80) {
      // ASCII: letters and digits make runs; punctuation and spaces are half-width and not counted.
      const alnum = (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
      weight = alnum ? RUN : NONE;
    } else {
      const char = text[i]!;
      weight = weigh(code >= 0xff10 && code <= 0xff5a ? toHalfWidthAlnum(char) : char, false);
    }
    if (weight === ONE || (weight === RUN && previous !== RUN)) count += 1;
    previous = weight;
  }
  return count;
}

/** The count of any text, one grapheme (what a reader sees as one character) at a time. */
export function countGraphemes(text: string): number {
  let count = 0;
  let previous = NONE;
  for (const { segment } of segmenter.segment(toHalfWidthAlnum(text))) {
    const weight = weigh(segment);
    if (weight === ONE || (weight === RUN && previous !== RUN)) count += 1;
    previous = weight;
  }
  return count;
}

/**
 * The longest body the Markdown parser is given, in UTF-16 units: several times what a 3,000-字 body with its
 * links and markup needs. micromark takes quadratic time on some inputs (tens of thousands of unmatched `*` or
 * backticks): a 200,000-character body of `a* ` would keep the build busy for minutes.
 */
export const MAX_BODY_LENGTH = 20_000;

/** Whether a body is short enough to parse; longer ones are refused as too long before any parse. */
export const canParse = (markdown: string): boolean => markdown.length <= MAX_BODY_LENGTH;

// The validator reads each body three ways (sections, privacy, markup): parse once.
const RECENT = 8;
const trees = new Map<string, Root>();

/** The Markdown syntax tree of a text, remembered for the few most recent texts (callers must not change it). */
export function parseMarkdown(markdown: string): Root {
  if (!canParse(markdown)) throw new RangeError(`Markdown of ${markdown.length} characters is over ${MAX_BODY_LENGTH}`);
  let tree = trees.get(markdown);
  if (!tree) {
    tree = fromMarkdown(markdown);
    // As the site renders it (src/lib/markdown.ts): lines pasted from Word are paragraphs and numbered lists,
    // then `##基本情况` and `一、基本情况` lines are section headings.
    remarkWordPaste()(tree);
    promoteSectionHeadings(tree);
    trees.set(markdown, tree);
    if (trees.size > RECENT) trees.delete(trees.keys().next().value!);
  }
  return tree;
}

/** The text a reader sees in a Markdown fragment: no markup, link targets, HTML or image sources. */
export function markdownToPlainText(markdown: string): string {
  return plainText(parseMarkdown(markdown));
}

const BLOCK_END = /<\/(?:p|h[1-6]|li|blockquote|pre|tr|ul|ol|table|div)>|<br\s*\/?>|<hr\s*\/?>/gi;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text a reader sees in HTML that Astro rendered from an entry's Markdown: the same text as
 * markdownToPlainText of the Markdown (one line per paragraph, heading or list item), read without a
 * second Markdown parse. Entries contain no raw HTML (the validator refuses it), so tags are Astro's own.
 */
export function htmlToPlainText(html: string): string {
  return html
    // Table cells stay apart (a tab), so that numbers in neighbouring cells are not read as one (privacy.ts).
    .replace(/<\/t[dh]>\s*(?=<t[dh][\s>])/gi, '\t')
    .replace(BLOCK_END, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(ENTITY, (_, decimal: string, hex: string, name: string) =>
      decimal || hex ? String.fromCodePoint(parseInt(decimal ?? hex, decimal ? 10 : 16)) : NAMED[name.toLowerCase()]!,
    )
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Nodes whose children are blocks, each on its own line: a list item's paragraph and its nested list too. */
const BLOCK_PARENTS = new Set(['root', 'list', 'listItem', 'blockquote', 'footnoteDefinition']);

function leafText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  return '';
}

/** Without recursion: a body may nest blockquotes or lists thousands deep. */
export function plainText(node: Nodes): string {
  if (!('children' in node)) return leafText(node);
  const frames: { node: Nodes & { children: Nodes[] }; parts: string[]; next: number }[] = [
    { node, parts: [], next: 0 },
  ];
  for (;;) {
    const frame = frames.at(-1)!;
    if (frame.next < frame.node.children.length) {
      const child = frame.node.children[frame.next++]!;
      if ('children' in child) {
        frames.push({ node: child as Nodes & { children: Nodes[] }, parts: [], next: 0 });
      } else frame.parts.push(leafText(child));
      continue;
    }
    const text = frame.parts.join(BLOCK_PARENTS.has(frame.node.type) ? '\n' : '');
    frames.pop();
    if (frames.length === 0) return text;
    frames.at(-1)!.parts.push(text);
  }
}

/** 字 count of a Markdown fragment, markup excluded. */
export function countMarkdownChars(markdown: string): number {
  return countChars(markdownToPlainText(markdown));
}
