import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';

/**
 * Section headings as Chinese documents write them. Provinces send `## 一、基本情况`, `## （一）主要做法`,
 * `## 1. 培训内容`, `## 第一部分 基本情况`, `##基本情况` (no space) or a heading copied from the form with its
 * limit, `## 基本情况（500字以内）`. Each of them is the section 基本情况: the number and the limit are
 * decoration, the name is what the form asks for.
 */

/** Every section name any kind's structure knows (src/markdown/sections.ts); a line holding only one of them is a heading. */
export const KNOWN_SECTION_NAMES: ReadonlySet<string> = new Set([
  '基本情况',
  '主要做法',
  '经验效果',
  '实施背景',
  '成果成效',
  '经验总结',
  '推广应用',
  '培训内容',
  '培训效果',
  '培训对象',
  '培训方式',
  '方案设计',
  '教学实施',
  '实施效果',
  '项目管理',
  '社会效益',
]);

const NUMERAL = '[一二三四五六七八九十百零〇两\\d]+';
/** 第一部分 / 第1章 / （一） / (1) / 一、 / 1. / 1、 / 1．/ ① (NFKC turns ① into 1) */
const NUMBER_PREFIX = new RegExp(
  `^(?:第${NUMERAL}(?:部分|章|节|篇|项|点)|[(]${NUMERAL}[)]|${NUMERAL}\\s*[、.:]|\\d+(?=\\D))[、.:\\s]*`,
);
/** A limit copied from the form: （500字以内）, （不超过 1500 字）, （限1000字） */
const LIMIT_SUFFIX = /[(][^()]*\d+\s*字[^()]*[)]$/;

/** The section name inside a heading as written: numbering, a copied limit, spaces and a trailing colon removed. */
export function sectionNameOf(heading: string): string {
  const folded = heading
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  return folded
    .replace(NUMBER_PREFIX, '')
    .replace(LIMIT_SUFFIX, '')
    .replace(/[:：、.\s]+$/, '')
    .replace(/\s+/g, '')
    .trim();
}

/** `##基本情况` at the start of a paragraph: the space after the hashes is missing. */
const HASHES_WITHOUT_SPACE = /^(#{2,6})(?=[^\s#])/;

function headingFrom(depth: number, text: string, node: Readonly<Paragraph>): Heading {
  return {
    type: 'heading',
    depth: depth as Heading['depth'],
    children: [{ type: 'text', value: text } satisfies Text],
    ...(node.position ? { position: node.position } : {}),
  };
}

/**
 * A paragraph that is really a section heading: `##基本情况` (the space forgotten), or a line that holds only a
 * numbered section name, as Word documents write headings (`一、基本情况`, `（二）主要做法`). Returns the heading
 * followed by the rest of the paragraph's lines, or undefined when the paragraph is an ordinary one.
 */
export function sectionHeadingReplacement(node: Readonly<Paragraph>): (Heading | Paragraph)[] | undefined {
  const first = node.children[0];
  if (first?.type !== 'text') return undefined;
  const newline = first.value.indexOf('\n');
  const line = newline < 0 ? first.value : first.value.slice(0, newline);
  // The heading line must be plain text: `##基本情况` with a link or bold in it stays a paragraph.
  if (newline < 0 && node.children.length > 1) return undefined;
  const hashes = HASHES_WITHOUT_SPACE.exec(line);
  let heading: Heading | undefined;
  if (hashes) {
    heading = headingFrom(hashes[1]!.length, line.slice(hashes[1]!.length).trim(), node);
  } else {
    const name = sectionNameOf(line);
    if (KNOWN_SECTION_NAMES.has(name) && name !== line.trim()) heading = headingFrom(2, line.trim(), node);
  }
  if (!heading) return undefined;
  if (newline < 0) return [heading];
  const rest: PhrasingContent[] = [{ type: 'text', value: first.value.slice(newline + 1) }, ...node.children.slice(1)];
  return [heading, { type: 'paragraph', children: rest }];
}

/**
 * Turns top-level paragraphs that are section headings into headings, in place, for the validator's syntax tree
 * (src/markdown/plain-text.ts). The site's renderer runs the same replacement (src/markdown/plugins.ts), so what
 * is checked as a section is shown as one.
 */
export function promoteSectionHeadings(tree: Root): void {
  if (!tree.children.some((node) => node.type === 'paragraph' && sectionHeadingReplacement(node))) return;
  tree.children = tree.children.flatMap(
    (node): RootContent[] => (node.type === 'paragraph' ? sectionHeadingReplacement(node) : undefined) ?? [node],
  );
}
