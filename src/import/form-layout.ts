import { RESOURCE_TYPES } from '../schemas/course.ts';
/**
 * The three application forms of the notice (教职成司函〔2021〕44 号, 附件2–4), cell for cell: the labels,
 * in the notice's order, and what each value cell holds when blank. The blank forms offered at /forms/
 * are written from this table and the importer reads filled-in forms with it, so the two cannot disagree.
 */
import type { Kind } from '../config/paths.ts';
import { BODY_RULES } from '../markdown/sections.ts';

/** What a cell of a form holds, whatever its label says on a given form. */
export type FormKey =
  | 'title'
  | 'unit'
  | 'leader'
  | 'contact'
  | 'phone'
  | 'email'
  | 'caseBody'
  | 'instructor'
  | 'instructorPost'
  | 'cohorts'
  | 'participants'
  | 'trainingContent'
  | 'trainingEffect'
  | 'resourceType'
  | 'shared'
  | 'members'
  | 'awards'
  | 'courseBody'
  | 'unitOpinion'
  | 'provinceOpinion'
  // Columns that summary sheets add
  | 'serial'
  | 'province'
  | 'batch'
  | 'kind'
  | 'minutes'
  | 'remark';

export interface FormCell {
  key: FormKey;
  /** The label as the notice prints it, one string per printed line */
  label: string[];
  /** The value cell of a blank form, one string per paragraph */
  blank?: string[];
}

export interface FormSpec {
  kind: Kind;
  /** 附件2 */
  attachment: string;
  /** The title printed above the table */
  title: string;
  /** ASCII file name of the blank form under /forms/ */
  fileName: string;
  /** One array per table row: a row holds one or two label–value pairs */
  rows: FormCell[][];
}

/** Ticks and empty boxes as units write them: Word's symbols, typed marks and look-alikes. */
export const TICK_MARKS = '☑■√✓✔☒✗✘▣◼◾▪●◉⊙✅☛';
export const BOX_MARKS = '□☐◻▢○◯';
export const EMPTY_BOX = '□';

/** The options of 课程资源类型 as the notice prints them; the schema's values (RESOURCE_TYPES) match. */
/** The form's tick boxes are the field's own values (附件4 prints them in this order). */
export const RESOURCE_TYPE_OPTIONS = RESOURCE_TYPES;
export const MINUTES_BLANK = '视频时长______分钟';

const STAMP = ['', '', '（盖章）', '年    月    日'];

const contacts: FormCell[][] = [
  [
    { key: 'leader', label: ['负责人'] },
    { key: 'phone', label: ['联系电话'] },
  ],
  [
    { key: 'contact', label: ['联系人'] },
    { key: 'phone', label: ['联系电话'] },
  ],
];

const opinions: FormCell[][] = [
  [{ key: 'unitOpinion', label: ['申报单位', '意见'], blank: STAMP }],
  [{ key: 'provinceOpinion', label: ['省级教育', '行政部门', '意见'], blank: STAMP }],
];

/** 一、基本情况：（500字以内）。 — the case body's three parts, with the limits the site checks. */
export const CASE_PARTS = BODY_RULES.cases.required.map((rule) => rule.name);
const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const caseBodyBlank = [
  '主要围绕以下三方面内容：',
  ...BODY_RULES.cases.required.map((rule, i) => `${NUMERALS[i]}、${rule.name}：（${rule.max}字以内）。`),
];

export const FORMS: Record<Kind, FormSpec> = {
  cases: {
    kind: 'cases',
    attachment: '附件2',
    title: '“智慧助老”专题典型工作案例申报表',
    fileName: 'fujian2-gongzuo-anli-shenbaobiao.docx',
    rows: [
      [{ key: 'title', label: ['案例名称'] }],
      [{ key: 'unit', label: ['申报单位'] }],
      ...contacts,
      [{ key: 'caseBody', label: ['案', '例', '内', '容'], blank: caseBodyBlank }],
      ...opinions,
    ],
  },
  projects: {
    kind: 'projects',
    attachment: '附件3',
    title: '“智慧助老”专题典型教育培训项目申报表',
    fileName: 'fujian3-jiaoyu-peixun-xiangmu-shenbaobiao.docx',
    rows: [
      [{ key: 'title', label: ['项目名称'] }],
      [{ key: 'unit', label: ['申报单位'] }],
      ...contacts,
      [
        { key: 'instructor', label: ['授课人'] },
        { key: 'instructorPost', label: ['单位及职', '务（职称）'] },
      ],
      [
        { key: 'cohorts', label: ['培训期数'] },
        { key: 'participants', label: ['培训人次'] },
      ],
      [{ key: 'trainingContent', label: ['培训内容'] }],
      [{ key: 'trainingEffect', label: ['培训效果'] }],
      [{ key: 'unitOpinion', label: ['申报单位', '意见'], blank: STAMP }],
      [{ key: 'provinceOpinion', label: ['省级教育行', '政部门意见'], blank: STAMP }],
    ],
  },
  courses: {
    kind: 'courses',
    attachment: '附件4',
    title: '“智慧助老”专题典型课程资源申报表',
    fileName: 'fujian4-kecheng-ziyuan-shenbaobiao.docx',
    rows: [
      [{ key: 'title', label: ['课程名称'] }],
      [
        {
          key: 'resourceType',
          label: ['课程资源', '类型'],
          blank: [
            `${EMPTY_BOX} ${RESOURCE_TYPE_OPTIONS[0]}`,
            `${EMPTY_BOX} ${RESOURCE_TYPE_OPTIONS[1]}，${MINUTES_BLANK}`,
            `${EMPTY_BOX} ${RESOURCE_TYPE_OPTIONS[2]}`,
          ],
        },
      ],
      [{ key: 'unit', label: ['申报单位'] }],
      [
        {
          key: 'shared',
          label: ['是否同意纳入', '全国老年教育课程资源库', '共享'],
          blank: [`${EMPTY_BOX} 是        ${EMPTY_BOX} 否`],
        },
      ],
      ...contacts,
      [{ key: 'members', label: ['核心成员'] }],
      [{ key: 'awards', label: ['曾获奖项'] }],
      [{ key: 'courseBody', label: ['课', '程', '主', '要', '内', '容'] }],
      [{ key: 'unitOpinion', label: ['申报单位', '意见'], blank: STAMP }],
      [{ key: 'provinceOpinion', label: ['省级教育行', '政部门意见'], blank: STAMP }],
    ],
  },
};

/**
 * Other ways units and summary sheets write a label. Every label of FORMS is known as written; these are
 * the usual variants (a sheet's short column names, a 授课教师 for 授课人) and the columns sheets add.
 */
const LABEL_ALIASES: Partial<Record<FormKey, string[]>> = {
  title: ['名称', '案例名称', '项目名称', '课程名称', '课程资源名称', '培训项目名称', '工作案例名称'],
  unit: ['申报单位名称', '单位名称', '推荐单位', '单位'],
  leader: ['项目负责人', '课程负责人', '案例负责人', '负责人姓名'],
  contact: ['联系人姓名'],
  phone: [
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '联系方式',
    '办公电话',
    '负责人电话',
    '联系人电话',
    '负责人联系电话',
    '联系人联系电话',
    '固定电话',
    '座机',
  ],
  email: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail', '联系邮箱'],
  instructor: ['授课教师', '主讲人', '授课人姓名', '主讲教师'],
  instructorPost: ['单位及职务', '单位及职称', '单位及职务职称', '授课人单位及职务（职称）', '授课人单位及职务'],
  cohorts: ['期数', '培训期次', '培训班次'],
  participants: ['人次', '培训人数', '参训人次'],
  trainingContent: ['培训主要内容'],
  trainingEffect: ['培训成效', '实施效果'],
  resourceType: ['资源类型', '课程类型', '类型'],
  shared: ['是否同意共享', '是否共享', '是否同意纳入全国老年教育课程资源库共享', '同意共享'],
  members: ['课程核心成员', '主要成员', '团队成员'],
  awards: ['获奖情况', '所获奖项', '获奖'],
  courseBody: ['课程内容', '主要内容', '课程简介'],
  caseBody: ['案例正文', '案例主要内容'],
  unitOpinion: ['申报单位意见'],
  provinceOpinion: ['省级教育行政部门意见', '省级教育行政部门推荐意见', '推荐意见'],
  serial: ['序号', '编号', '序'],
  province: ['省份', '所在省份', '省（区、市）', '省区市', '地区', '推荐省份'],
  batch: ['批次', '申报批次'],
  kind: ['类别', '申报类别', '类型（案例/项目/课程）'],
  minutes: ['视频时长', '视频时长（分钟）', '时长', '时长（分钟）'],
  remark: ['备注', '说明'],
};

/**
 * A label as it is compared: no spaces of any width (labels are spaced out: 负 责 人), no line breaks,
 * half-width brackets and colons as full-width ones, no trailing colon or required-field star.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}

const LABELS = new Map<string, FormKey>();
for (const spec of Object.values(FORMS)) {
  for (const row of spec.rows) for (const cell of row) LABELS.set(normalizeLabel(cell.label.join('')), cell.key);
}
for (const [key, aliases] of Object.entries(LABEL_ALIASES) as [FormKey, string[]][]) {
  for (const alias of aliases) if (!LABELS.has(normalizeLabel(alias))) LABELS.set(normalizeLabel(alias), key);
}

/** The key a label names (负 责 人 → leader), or undefined when the text is no label of the forms. */
export function keyOfLabel(text: string): FormKey | undefined {
  const label = normalizeLabel(text);
  if (label === '') return undefined;
  return LABELS.get(label) ?? LABELS.get(label.replace(/（.*?）$/, ''));
}

/** Labels that only one form has, so that a form or a sheet says which kind it is. */
const KIND_TITLE_LABELS: Record<Kind, string[]> = {
  cases: ['案例名称', '工作案例名称', '案例内容'],
  projects: ['项目名称', '培训项目名称', '授课人', '培训期数', '培训人次', '培训内容', '培训效果'],
  courses: ['课程名称', '课程资源名称', '课程资源类型', '核心成员', '曾获奖项', '课程主要内容'],
};

/** Which form a set of labels comes from, when they say it. */
export function kindOfLabels(labels: readonly string[]): Kind | undefined {
  const normalized = new Set(labels.map(normalizeLabel));
  const scores = (Object.keys(KIND_TITLE_LABELS) as Kind[]).map((kind) => ({
    kind,
    score: KIND_TITLE_LABELS[kind].filter((label) => normalized.has(normalizeLabel(label))).length,
  }));
  scores.sort((a, b) => b.score - a.score);
  return scores[0]!.score > 0 && scores[0]!.score > scores[1]!.score ? scores[0]!.kind : undefined;
}

/** The kind a title or a 类别 value names: 工作案例申报表, 教育培训项目, 课程资源. */
export function kindOfText(text: string): Kind | undefined {
  const value = normalizeLabel(text);
  if (/案例/.test(value)) return 'cases';
  if (/培训|项目/.test(value)) return 'projects';
  if (/课程|资源/.test(value)) return 'courses';
  return undefined;
}
