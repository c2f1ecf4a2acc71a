/**
 * The text a reader sees in an entry's Markdown, and its length in 字. The counter itself (countChars) lives in
 * src/core/char-count.ts, below the schemas that need it: import it from there.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';
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

// The validator reads each body three ways (sections, privacy, markup): parse once.
const RECENT = 8;
const trees = new Map<string, Root>();

/** The Markdown syntax tree of a text, remembered for the few most recent texts (callers must not change it). */
export function parseMarkdown(markdown: string): Root {
  if (!canParse(markdown)) throw new RangeError(`Markdown of ${markdown.length} characters is over ${MAX_BODY_LENGTH}`);
  let tree = trees.get(markdown);
  if (!tree) {
    tree = fromMarkdown(markdown);
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
