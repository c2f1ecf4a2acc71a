/**
 * The text a reader sees in an entry's Markdown, and its length in 字. The counter itself (countChars) lives in
 * src/core/char-count.ts, below the schemas that need it: import it from there.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import { MAX_HTML_DEPTH } from './allowlist.ts';
import { countChars } from '../core/char-count.ts';
import { decodeEntities } from '../core/html-entities.ts';
import { promoteSectionHeadings } from './section-headings.ts';
import { remarkWordPaste } from './word-paste.ts';

/**
 * The longest body the Markdown parser is given, in UTF-16 units: several times what a 3,000-字 body with its
 * links and markup needs. micromark takes quadratic time on some inputs (tens of thousands of unmatched `*` or
 * backticks): a 200,000-character body of `a* ` would keep the build busy for minutes.
 */
export const MAX_BODY_LENGTH = 20_000;

/** Whether a body is short enough to parse; longer ones are refused as too long before any parse. */
export const canParse = (markdown: string): boolean => markdown.length <= MAX_BODY_LENGTH;

/** Blockquote and list markers at the start of a line: each opens one more level. */
const CONTAINER_MARKER = /^[ \t]{0,3}(?:>[ \t]?|[-+*][ \t]+|\d{1,9}[.)][ \t]+)/;

/**
 * How deeply the lines of a body nest blockquotes and lists, in one linear scan of the text: the markers that open
 * each line, plus its indentation (a nested list item is indented at least two columns per level). Sätteri takes
 * time that grows with the square of the nesting, so a body nested past the limit is refused before it is parsed.
 */
export function sourceNesting(markdown: string): number {
  let max = 0;
  for (const line of markdown.split('\n')) {
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    let rest = line.slice(Math.max(0, Math.min(indent, line.length) - 3));
    let markers = 0;
    for (let match = CONTAINER_MARKER.exec(rest); match && match[0].length > 0; match = CONTAINER_MARKER.exec(rest)) {
      markers++;
      rest = rest.slice(match[0].length);
      if (markers > MAX_HTML_DEPTH) break;
    }
    max = Math.max(max, markers + Math.floor(indent / 2));
  }
  return max;
}

// The validator reads each body three ways (sections, privacy, links): parse once.
const RECENT = 8;
const trees = new Map<string, Root>();

/**
 * Plain CommonMark, as micromark (mdast-util-from-markdown) reads it: no GFM, no frontmatter. Sätteri, the
 * parser Astro renders with, gives the same tree, start positions included (tests/unit/markdown/char-count.test.ts
 * compares them), in a tenth of the time: it is most of what the content checks cost per entry.
 */
const COMMONMARK = { features: { gfm: false, frontmatter: false }, position: true } as const;

/**
 * The CommonMark syntax tree of a text, before the site's transforms: Sätteri's, or micromark's for a body nested
 * past the limit, whose time would otherwise grow with the square of the nesting (the pipeline refuses such bodies).
 */
export function commonMarkTree(markdown: string): Root {
  return sourceNesting(markdown) > MAX_HTML_DEPTH
    ? fromMarkdown(markdown)
    : (markdownToMdast(markdown, COMMONMARK) as Root);
}

/** The Markdown syntax tree of a text, remembered for the few most recent texts (callers must not change it). */
export function parseMarkdown(markdown: string): Root {
  if (!canParse(markdown)) throw new RangeError(`Markdown of ${markdown.length} characters is over ${MAX_BODY_LENGTH}`);
  let tree = trees.get(markdown);
  if (!tree) {
    tree = commonMarkTree(markdown);
    // As the site renders it (src/markdown/pipeline.ts): lines pasted from Word are paragraphs and numbered lists,
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

/**
 * The text a reader sees in HTML that Astro rendered from an entry's Markdown: the same text as
 * markdownToPlainText of the Markdown (one line per paragraph, heading or list item), read without a
 * second Markdown parse. Entries contain no raw HTML (the validator refuses it), so tags are Astro's own.
 */
export function htmlToPlainText(html: string): string {
  return decodeEntities(
    html
      // Table cells stay apart (a tab), so that numbers in neighbouring cells are not read as one (privacy.ts).
      .replace(/<\/t[dh]>\s*(?=<t[dh][\s>])/gi, '\t')
      .replace(BLOCK_END, '\n')
      .replace(/<[^>]*>/g, ''),
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
