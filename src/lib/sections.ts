import type { RootContent } from 'mdast';
import type { Kind } from './paths.ts';
import { canParse, countChars, parseMarkdown, plainText } from './char-count.ts';

export interface SectionRule {
  name: string;
  /** 字 limit of the section's text, heading excluded */
  max?: number;
}

export interface BodyRules {
  /** `##` sections that must be present, in this order */
  required: SectionRule[];
  /** `##` sections that may be added; null means any heading is fine */
  optional: SectionRule[] | null;
  /** Whether required sections must come in the order given */
  ordered: boolean;
  /** 字 limit of the whole body */
  max: number;
}

/** From 附件2/3/4: the sections each form asks for and their limits. */
export const BODY_RULES: Record<Kind, BodyRules> = {
  cases: {
    required: [
      { name: '基本情况', max: 500 },
      { name: '主要做法', max: 1500 },
      { name: '经验效果', max: 1000 },
    ],
    optional: [],
    ordered: true,
    max: 3000,
  },
  projects: {
    required: [{ name: '培训内容' }, { name: '培训效果' }],
    optional: [{ name: '方案设计' }, { name: '教学实施' }, { name: '项目管理' }, { name: '社会效益' }],
    ordered: false,
    max: 3000,
  },
  courses: { required: [], optional: null, ordered: false, max: 3000 },
};

export interface Section {
  /** Heading text; '' for the text before the first `##` */
  name: string;
  chars: number;
}

export interface BodyOutline {
  sections: Section[];
  /** Headings of level 1, which the page title already provides */
  h1s: string[];
  chars: number;
}

/** Splits a Markdown body at its `##` headings and counts each part in 字. */
export function outlineBody(markdown: string): BodyOutline {
  const tree = parseMarkdown(markdown);
  const sections: Section[] = [{ name: '', chars: 0 }];
  const h1s: string[] = [];
  const countNode = (node: RootContent) => countChars(plainText(node));
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      sections.push({ name: plainText(node).trim(), chars: 0 });
      continue;
    }
    if (node.type === 'heading' && node.depth === 1) h1s.push(plainText(node).trim());
    sections.at(-1)!.chars += countNode(node);
  }
  const chars = sections.reduce((sum, s) => sum + s.chars, 0);
  return { sections: sections.filter((s) => s.name !== '' || s.chars > 0), h1s, chars };
}

export interface SectionProblem {
  /** `正文` or `正文「主要做法」` */
  field: string;
  message: string;
}

const sectionField = (name: string) => `正文「${name}」`;

/** Checks a body against the form's sections and 字 limits. */
export function checkBody(kind: Kind, markdown: string): SectionProblem[] {
  const rules = BODY_RULES[kind];
  if (!canParse(markdown)) {
    return [
      {
        field: '正文',
        message: `正文有 ${markdown.length} 个字符，远远超过 ${rules.max} 字的上限，请删减到 ${rules.max} 字以内`,
      },
    ];
  }
  const outline = outlineBody(markdown);
  const problems: SectionProblem[] = [];
  const named = outline.sections.filter((s) => s.name !== '');
  const allowed = rules.optional === null ? null : [...rules.required, ...rules.optional];

  if (outline.chars === 0) {
    problems.push({ field: '正文', message: '正文是空的，请在第二个 --- 之后写上内容' });
  }
  for (const h1 of outline.h1s) {
    problems.push({
      field: '正文',
      message: `正文里不要用一级标题「# ${h1}」（名称已是页面标题），请改成「## ${h1}」或删去`,
    });
  }
  for (const rule of rules.required) {
    if (!named.some((s) => s.name === rule.name)) {
      problems.push({
        field: sectionField(rule.name),
        message: `缺少必需的小节，请加上一行「## ${rule.name}」并在下面写内容`,
      });
    }
  }
  const seen = new Set<string>();
  for (const section of named) {
    if (seen.has(section.name)) {
      problems.push({
        field: sectionField(section.name),
        message: `小节「${section.name}」出现了不止一次，请合并成一节`,
      });
    }
    seen.add(section.name);
    const rule = allowed?.find((r) => r.name === section.name);
    if (allowed && !rule) {
      problems.push({
        field: sectionField(section.name),
        message: `申报表里没有这个小节，小节标题只能是：${allowed.map((r) => r.name).join('、')}`,
      });
    }
    if (rule && section.chars === 0) {
      problems.push({ field: sectionField(section.name), message: '这一节是空的，请在标题下面写上内容' });
    }
    if (rule?.max !== undefined && section.chars > rule.max) {
      problems.push({
        field: sectionField(section.name),
        message: `${section.name} 已有 ${section.chars} 字，超出上限 ${rule.max} 字 ${section.chars - rule.max} 字，请删减`,
      });
    }
  }
  if (rules.ordered) {
    const order = named.map((s) => s.name).filter((n) => rules.required.some((r) => r.name === n));
    const expected = rules.required.map((r) => r.name).filter((n) => order.includes(n));
    if (order.join() !== expected.join()) {
      problems.push({
        field: '正文',
        message: `小节顺序不对，应当依次是：${rules.required.map((r) => r.name).join(' → ')}`,
      });
    }
  }
  if (outline.chars > rules.max) {
    problems.push({
      field: '正文',
      message: `正文已有 ${outline.chars} 字，超出上限 ${rules.max} 字 ${outline.chars - rules.max} 字，请删减`,
    });
  }
  return problems;
}
