import type { RootContent } from 'mdast';
import type { Kind } from '../config/paths.ts';
import { countChars } from '../core/char-count.ts';
import { canParse, parseMarkdown, plainText } from './plain-text.ts';
import { sectionNameOf } from './section-headings.ts';

export interface SectionRule {
  name: string;
  /** 字 limit of the section's text, heading excluded */
  max?: number;
}

/** One way of dividing a body into `##` sections. */
export interface BodyStructure {
  /** Where the structure comes from, as staff know it: 申报表（附件2） */
  source: string;
  /** `##` sections that must be present */
  required: SectionRule[];
  /** `##` sections that may be added; null means any heading is fine */
  optional: SectionRule[] | null;
  /** Whether required sections must come in the order given */
  ordered: boolean;
}

export interface BodyRules extends BodyStructure {
  /** Other structures a body may follow instead of the form's (附件1's), with no per-section limits */
  alternatives: BodyStructure[];
  /** 字 limit of the whole body, in every structure */
  max: number;
}

/**
 * From 附件2/3/4: the sections each form asks for and their limits. 附件1 describes cases and projects by
 * other headings, which real write-ups follow; they are accepted as alternatives. 培训对象 and 培训方式 are
 * named by neither form, but real project write-ups use them.
 */
export const BODY_RULES: Record<Kind, BodyRules> = {
  cases: {
    source: '申报表（附件2）',
    required: [
      { name: '基本情况', max: 500 },
      { name: '主要做法', max: 1500 },
      { name: '经验效果', max: 1000 },
    ],
    optional: [],
    ordered: true,
    alternatives: [
      {
        source: '申报要求（附件1）',
        required: [{ name: '实施背景' }, { name: '主要做法' }, { name: '成果成效' }],
        optional: [{ name: '经验总结' }, { name: '推广应用' }],
        ordered: true,
      },
    ],
    max: 3000,
  },
  projects: {
    source: '申报表（附件3）',
    required: [{ name: '培训内容' }, { name: '培训效果' }],
    optional: [
      { name: '方案设计' },
      { name: '教学实施' },
      { name: '项目管理' },
      { name: '社会效益' },
      { name: '培训对象' },
      { name: '培训方式' },
    ],
    ordered: false,
    alternatives: [
      {
        source: '申报要求（附件1）',
        required: [{ name: '方案设计' }, { name: '教学实施' }, { name: '实施效果' }],
        optional: [{ name: '项目管理' }, { name: '社会效益' }, { name: '培训对象' }, { name: '培训方式' }],
        ordered: false,
      },
    ],
    max: 3000,
  },
  courses: { source: '申报表（附件4）', required: [], optional: null, ordered: false, alternatives: [], max: 3000 },
};

/** The form's structure first, then the alternatives. */
export function structuresOf(kind: Kind): BodyStructure[] {
  const rules = BODY_RULES[kind];
  return [rules, ...rules.alternatives];
}

export interface Section {
  /** The section's name, numbering and copied limits removed (`一、基本情况` → 基本情况); '' before the first `##` */
  name: string;
  /** The heading as written */
  heading: string;
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
  const sections: Section[] = [{ name: '', heading: '', chars: 0 }];
  const h1s: string[] = [];
  const countNode = (node: RootContent) => countChars(plainText(node));
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const heading = plainText(node).trim();
      sections.push({ name: sectionNameOf(heading) || heading, heading, chars: 0 });
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

/**
 * The structure a body follows: the one most of whose required sections are present, then the one with most
 * known sections; the form's on a tie, so that a body with no sections is told what the form asks for.
 */
function chooseStructure(kind: Kind, names: readonly string[]): BodyStructure {
  const score = (structure: BodyStructure) => {
    const required = structure.required.filter((r) => names.includes(r.name)).length;
    const known = [...structure.required, ...(structure.optional ?? [])].filter((r) => names.includes(r.name)).length;
    return required * 100 + known;
  };
  return structuresOf(kind).reduce((best, next) => (score(next) > score(best) ? next : best));
}

/** `（也可以按申报要求（附件1）的结构写：实施背景、主要做法、成果成效）` for the structures not chosen. */
function otherStructures(kind: Kind, chosen: BodyStructure): string {
  const others = structuresOf(kind).filter((s) => s !== chosen);
  if (others.length === 0) return '';
  const described = others.map((s) => `按${s.source}的结构写：${s.required.map((r) => r.name).join('、')}`);
  return `（也可以${described.join('；或')}）`;
}

/** Checks a body against the form's sections (or 附件1's) and 字 limits. */
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
  const structure = chooseStructure(
    kind,
    named.map((s) => s.name),
  );
  const allowed = structure.optional === null ? null : [...structure.required, ...structure.optional];
  const alternatives = otherStructures(kind, structure);

  if (outline.chars === 0) {
    problems.push({ field: '正文', message: '正文是空的，请在第二个 --- 之后写上内容' });
  }
  for (const h1 of outline.h1s) {
    problems.push({
      field: '正文',
      message: `正文里不要用一级标题「# ${h1}」（名称已是页面标题），请改成「## ${h1}」或删去`,
    });
  }
  for (const rule of structure.required) {
    if (!named.some((s) => s.name === rule.name)) {
      problems.push({
        field: sectionField(rule.name),
        message: `缺少必需的小节，请加上一行「## ${rule.name}」并在下面写内容${alternatives}`,
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
        field: sectionField(section.heading),
        message: `${structure.source}里没有这个小节，小节标题只能是：${allowed.map((r) => r.name).join('、')}（前面可以带“一、”“（一）”“1.”这样的序号）${alternatives}`,
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
  if (structure.ordered) {
    const order = named.map((s) => s.name).filter((n) => structure.required.some((r) => r.name === n));
    const expected = structure.required.map((r) => r.name).filter((n) => order.includes(n));
    if (order.join() !== expected.join()) {
      problems.push({
        field: '正文',
        message: `小节顺序不对，应当依次是：${structure.required.map((r) => r.name).join(' → ')}`,
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
