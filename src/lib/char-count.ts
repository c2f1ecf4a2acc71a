import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';

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
  let count = 0;
  let inRun = false;
  for (const { segment } of segmenter.segment(toHalfWidthAlnum(text))) {
    if (EMOJI.test(segment) || CJK.test(segment)) {
      count += 1;
      inRun = false;
    } else if (ALNUM.test(segment)) {
      if (!inRun) count += 1;
      inRun = true;
    } else {
      if (WIDE_PUNCT.test(segment)) count += 1;
      inRun = false;
    }
  }
  return count;
}

// The validator reads each body three ways (sections, privacy, markup) and pages read it again: parse once.
const RECENT = 8;
const trees = new Map<string, Root>();
const texts = new Map<string, string>();

/** The Markdown syntax tree of a text, remembered for the few most recent texts (callers must not change it). */
export function parseMarkdown(markdown: string): Root {
  let tree = trees.get(markdown);
  if (!tree) {
    tree = fromMarkdown(markdown);
    trees.set(markdown, tree);
    if (trees.size > RECENT) trees.delete(trees.keys().next().value!);
  }
  return tree;
}

/** The text a reader sees in a Markdown fragment: no markup, link targets, HTML or image sources. */
export function markdownToPlainText(markdown: string): string {
  let text = texts.get(markdown);
  if (text === undefined) {
    text = plainText(parseMarkdown(markdown));
    // Bodies are the catalogue itself: keeping their plain text once per build costs little and saves a parse.
    texts.set(markdown, text);
  }
  return text;
}

export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  if ('children' in node) {
    const sep = node.type === 'root' || node.type === 'list' || node.type === 'blockquote' ? '\n' : '';
    return node.children.map((child) => plainText(child)).join(sep);
  }
  return '';
}

/** 字 count of a Markdown fragment, markup excluded. */
export function countMarkdownChars(markdown: string): number {
  return countChars(markdownToPlainText(markdown));
}
