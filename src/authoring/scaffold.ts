/**
 * The text `npm run new` writes: every field of a kind with a Chinese comment from its contract
 * (src/schemas/contract.ts), and the body sections from BODY_RULES. Required fields hold placeholders that the schema rejects, so a
 * scaffold fails `npm run validate` until each one is filled in.
 */
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { contractOf, isRequiredField, shapeOf, type FieldContract } from '../schemas/contract.ts';
import { ENTRY_SCHEMAS } from '../schemas/index.ts';
import { InstructorSchema } from '../schemas/project.ts';
import { fillPlaceholders } from '../core/placeholders.ts';
import { entrySlugFault } from '../core/slugs.ts';
import { t } from '../i18n/zh-CN.ts';
import { KINDS, type Kind } from '../config/paths.ts';
import { BODY_RULES } from '../markdown/sections.ts';

/** The application form each kind comes from. */
export const KIND_FORMS: Record<Kind, string> = {
  courses: '附件4 课程资源申报表',
  cases: '附件2 工作案例申报表',
  projects: '附件3 教育培训项目申报表',
};

const KIND_ALIASES: Record<Kind, string[]> = {
  courses: ['1', 'course', 'courses', '课程', '课程资源'],
  cases: ['2', 'case', 'cases', '案例', '工作案例'],
  projects: ['3', 'project', 'projects', '项目', '培训项目', '教育培训项目'],
};

export const kindLabel = (kind: Kind): string => t(`kind.${kind}`);

/** `course`, `courses`, `课程` or `1` → `courses`. */
export function parseKind(input: string): Kind | undefined {
  const value = input.trim().toLowerCase();
  return KINDS.find((kind) => KIND_ALIASES[kind].includes(value));
}

/** What a member of staff types as a file name: surrounding spaces and a trailing `.md` are forgiven. */
export function normalizeSlug(input: string): string {
  return input.trim().replace(/\.md$/i, '');
}

/**
 * Why a slug cannot be used, in Chinese, or undefined when it can. Uses
 * entrySlugFault (src/core/slugs.ts), the same rule the validator applies, so a scaffold never fails on its name.
 */
export function slugProblem(slug: string): string | undefined {
  if (slug === '') return '文件名不能为空';
  switch (entrySlugFault(slug)) {
    case 'draft':
      return `「${slug}」以 _ 开头：这样的文件是草稿，网站不发布，npm run validate 也不检查。新条目的文件名请不要以 _ 开头`;
    case 'pattern':
      return `「${slug}」不能做文件名：只能用小写英文字母、数字和短横线（至少有一个字母），不能有空格、下划线、大写字母或汉字`;
    case 'reserved':
      return `「${slug}」是网站保留的网址，不能做文件名`;
    default:
      return undefined;
  }
}

export const SLUG_ADVICE =
  '文件名就是网址的一部分，发布后不再改变。建议用名称的拼音，例如「手机预约挂号」写成 shouji-yuyue-guahao';

/** A real calendar date written 年-月-日. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The field names of a kind, in the schema's order. */
export function entryFields(kind: Kind): string[] {
  return Object.keys(entryShape(kind));
}

function entryShape(kind: Kind): Record<string, z.ZodType> {
  return shapeOf(ENTRY_SCHEMAS[kind])!;
}

/** A field's contract; every entry field has one (tests/unit/schemas/contract.test.ts). */
function contract(kind: Kind, name: string): FieldContract {
  return contractOf(entryShape(kind)[name]!)!;
}

/** Optional fields (and fields with a default) are written commented out. */
export function isOptionalField(kind: Kind, name: string): boolean {
  const field = entryShape(kind)[name];
  return field !== undefined && !isRequiredField(field);
}

export interface ScaffoldOptions {
  slug: string;
  /** 年-月-日, written as recommendedOn and updatedOn (the web-editor templates write a placeholder) */
  date: string;
  /** 年-月-日 the entry is added to the site: written as addedOn (`npm run new` and `npm run import` give today) */
  addedOn?: string;
  /** Names from scenarios.yaml, listed in the comment when known */
  scenarioNames?: readonly string[];
  /** Values already known (read from a filled-in form by `npm run import`), written in place of the placeholders */
  values?: Readonly<Record<string, unknown>>;
  /** Optional fields written uncommented with a placeholder, for a person to fill in or delete */
  ask?: readonly string[];
  /** Comment lines above a field, for what a person must check */
  notes?: Readonly<Record<string, readonly string[]>>;
  /** The body's sections with their text; a required section without text keeps its prompt */
  sections?: readonly { name: string; text: string }[];
}

interface Group {
  title: string;
  fields: string[];
}

const COMMON_FIRST = [
  'title',
  'summary',
  'unit',
  'batch',
  'scenarios',
  'status',
  'recommendedOn',
  'addedOn',
  'updatedOn',
];
const MEDIA = ['cover', 'coverAlt', 'video', 'captions'];
const RARELY_CHANGED = ['featured', 'license', 'withdrawn'];

const KIND_FIELDS: Record<Kind, string[]> = {
  courses: ['resourceType', 'minutes', 'resourceNote', 'file', 'themes', 'shared', 'link', 'members', 'awards'],
  cases: ['areas', 'areaNote'],
  projects: ['instructors', 'cohorts', 'participants'],
};

function groups(kind: Kind): Group[] {
  const listed: Group[] = [
    { title: '基本信息', fields: COMMON_FIRST },
    { title: `${kindLabel(kind)}（${KIND_FORMS[kind]}）`, fields: KIND_FIELDS[kind] },
    { title: '封面图片和短视频（可选）', fields: MEDIA },
    { title: '一般不用改', fields: RARELY_CHANGED },
  ];
  const named = new Set(listed.flatMap((g) => g.fields));
  // A field added to a schema later still appears, at the end of its kind's own fields.
  listed[1]!.fields = [...listed[1]!.fields, ...entryFields(kind).filter((name) => !named.has(name))];
  return listed.map((g) => ({ ...g, fields: g.fields.filter((f) => entryShape(kind)[f] !== undefined) }));
}

/** A kind's fields in the order staff meet them: the scaffold's groups, one after the other. */
export function fieldOrder(kind: Kind): string[] {
  return groups(kind).flatMap((group) => group.fields);
}

/** The value written for a field: a placeholder the schema rejects, or a sensible value or example. */
function fieldValue(name: string, options: ScaffoldOptions): string {
  const field = KINDS.map((kind) => entryShape(kind)[name]).find((schema) => schema !== undefined);
  const known = field && contractOf(field);
  return fillPlaceholders(known?.placeholder ?? known?.example ?? '', {
    slug: options.slug,
    date: options.date,
    addedOn: options.addedOn ?? options.date,
  });
}

/**
 * What a scaffold writes for an optional field it asks for: the contract's askPlaceholder, or its
 * placeholder when that is already a value the schema rejects (a link of just `https://`).
 */
function askedValue(name: string, options: ScaffoldOptions): string {
  const field = KINDS.map((kind) => entryShape(kind)[name]).find((schema) => schema !== undefined);
  const asked = field && contractOf(field)?.askPlaceholder;
  return asked ?? fieldValue(name, options);
}

/** A value as one line of YAML: `[王丽, 陈明]`, `'a: b'`, `25`. */
export function yamlValue(value: unknown): string {
  return yaml.dump(value, { flowLevel: 0, lineWidth: -1 }).trimEnd();
}

function fieldComment(kind: Kind, name: string): string {
  const { label, hint, requiredWhen } = contract(kind, name);
  const tag = !isOptionalField(kind, name) ? '必填' : requiredWhen ? `可选，${requiredWhen}` : '可选';
  return `# ${label}【${tag}】：${hint}`;
}

function instructorLines(instructors: readonly Record<string, unknown>[] = [{}]): string[] {
  const lines = ['instructors:'];
  instructors.forEach((instructor, n) => {
    Object.entries(InstructorSchema.shape).forEach(([name, schema], i) => {
      const indent = i === 0 ? '  ' : '    ';
      const { label, hint } = contractOf(schema)!;
      if (n === 0) lines.push(`${indent}# ${label}：${hint}`);
      const value = instructor[name];
      lines.push(`${indent}${i === 0 ? '- ' : ''}${name}: ${value === undefined ? "''" : yamlValue(value)}`);
    });
  });
  return lines;
}

function fieldLines(kind: Kind, name: string, options: ScaffoldOptions): string[] {
  const lines = [fieldComment(kind, name)];
  if (name === 'scenarios' && options.scenarioNames?.length) {
    lines.push(`#   现有的场景：${options.scenarioNames.join('、')}`);
  }
  for (const note of options.notes?.[name] ?? []) lines.push(`#   ${note}`);
  const known = options.values?.[name];
  if (name === 'instructors') {
    lines.push('#   有几位授课人就写几组：复制从「- name」到「position」这几行，接在后面，改成另一位的信息。');
    return [...lines, ...instructorLines(Array.isArray(known) && known.length > 0 ? known : undefined)];
  }
  if (known !== undefined) return [...lines, `${name}: ${yamlValue(known)}`];
  if (options.ask?.includes(name)) return [...lines, `${name}: ${askedValue(name, options)}`];
  if (name === 'addedOn' && options.addedOn) return [...lines, `addedOn: ${options.addedOn}`];
  const line = `${name}: ${fieldValue(name, options)}`.trimEnd();
  return [...lines, isOptionalField(kind, name) ? `# ${line}` : line];
}

/** What each section of the form asks for (附件1 lists these dimensions); the limits come from BODY_RULES. */
const SECTION_GUIDES: Record<string, string> = {
  基本情况: '单位和地区的概况，为什么开展这项工作（实施背景）',
  主要做法: '具体是怎么做的，可以分成“一是、二是、三是”来写',
  经验效果: '取得了哪些成效（尽量用数字说明），有哪些经验值得推广',
  培训内容: '培训对象，每期几次课、每次多长时间，讲了哪些内容',
  培训效果: '开班期数、培训人次，学员学会了什么，反响如何',
  方案设计: '项目是怎样设计的',
  教学实施: '怎样组织教学',
  项目管理: '由谁负责、怎样管理',
  社会效益: '对社区和家庭带来的好处',
  培训对象: '面向哪些老年人，怎样招募',
  培训方式: '线上还是线下，怎样组织',
};

const limit = (max?: number) => (max === undefined ? '' : `（${max} 字以内）`);

/**
 * How to write the body, as YAML comments: the body itself may hold no HTML comment once written
 * (src/checks/markup-safety.ts), so only the per-section prompts, which staff replace, live there.
 */
function bodyGuideLines(kind: Kind): string[] {
  const rules = BODY_RULES[kind];
  const lines = ['', '# ==== 正文 ===='];
  const names = rules.required.map((r) => r.name);
  if (names.length === 0) {
    lines.push(
      `# 正文写在下面第二个 --- 之后，全文不超过 ${rules.max} 字。需要分节时，每节以一行「## 小标题」开头；操作步骤用 1. 2. 3. 一步一步写。`,
    );
  } else {
    const order = rules.ordered ? `${names.join(' → ')}，按这个顺序写` : names.join('、');
    lines.push(
      `# 正文写在下面第二个 --- 之后，要有 ${names.length} 节：${order}。`,
      `# 每节以一行「## 小节名」开头，小节名前可以带序号（例如 ## 一、${names[0]}）；全文不超过 ${rules.max} 字。`,
    );
  }
  if (rules.optional && rules.optional.length > 0) {
    lines.push(`# 还可以加上这些小节（可选）：${rules.optional.map((r) => r.name).join('、')}。`);
  }
  for (const other of rules.alternatives) {
    const optional = other.optional?.length ? `，可以加上 ${other.optional.map((r) => r.name).join('、')}` : '';
    lines.push(
      `# 也可以按${other.source}的结构写：${other.required.map((r) => r.name).join('、')}${optional}；这时每节不限字数，全文仍不超过 ${rules.max} 字。`,
    );
  }
  lines.push('# 正文里 <!-- … --> 是提示：写正文时连同 <!-- 和 --> 一起删去，正文里不能留 HTML 注释。');
  return lines;
}

const COURSE_PROMPT = '这门课教什么、适合谁、怎么学';

/** The prompt of a section, inside an HTML comment, so that the section counts as empty until it is written. */
function sectionPrompt(kind: Kind, name: string): string {
  const rule = BODY_RULES[kind].required.find((r) => r.name === name);
  const guide = SECTION_GUIDES[name] ?? (kind === 'courses' ? COURSE_PROMPT : undefined);
  return `<!-- 在这里写${name}${limit(rule?.max ?? (kind === 'courses' ? BODY_RULES[kind].max : undefined))}${guide ? `：${guide}` : ''} -->`;
}

/** One prompt per section, or the sections given with their text. */
function bodyLines(kind: Kind, given?: ScaffoldOptions['sections']): string[] {
  const rules = BODY_RULES[kind];
  if (given === undefined) {
    if (rules.required.length === 0) return [sectionPrompt(kind, '课程主要内容')];
    given = rules.required.map((rule) => ({ name: rule.name, text: '' }));
  }
  const named = new Set(given.map((section) => section.name));
  const sections = [
    ...given,
    ...rules.required.filter((rule) => !named.has(rule.name)).map((r) => ({ name: r.name, text: '' })),
  ];
  return sections.flatMap((section, i) => [
    ...(i > 0 ? [''] : []),
    `## ${section.name}`,
    '',
    section.text.trim() === '' ? sectionPrompt(kind, section.name) : section.text.trim(),
  ]);
}

/** The whole Markdown file for a new entry. */
export function scaffoldEntry(kind: Kind, options: ScaffoldOptions): string {
  const lines = [
    '---',
    `# 新的${kindLabel(kind)}，依据${KIND_FORMS[kind]}。填写方法：`,
    '# - 每个字段上面 # 开头的一行是说明，不会显示在网站上，可以留着。',
    "# - ''、[]、「填写…」和正文里的 <!-- … --> 是待填的地方；没填好之前，npm run validate 会逐项指出还差哪些。",
    '# - 标「可选」的字段默认不用；要用时，删去那一行开头的「# 」。',
    '# - 列表写在方括号里，用英文逗号隔开，例如 [就医, 出行]。',
    '# - 不要写个人手机号、固定电话或身份证号：公开网站不能登载，检查时会报错。',
  ];
  for (const group of groups(kind)) {
    lines.push('', `# ==== ${group.title} ====`);
    for (const name of group.fields) lines.push(...fieldLines(kind, name, options));
  }
  lines.push(...bodyGuideLines(kind), '---', '', ...bodyLines(kind, options.sections), '');
  return lines.join('\n');
}

/** Copies of the scaffold for staff who add entries in GitHub's web editor, where `npm run new` cannot run. */
export const TEMPLATE_DIR = '.github/entry-templates';
export const TEMPLATE_FILES: Record<Kind, string> = { courses: 'course.md', cases: 'case.md', projects: 'project.md' };
export const TEMPLATE_OPTIONS: ScaffoldOptions = { slug: '文件名', date: '填写日期', addedOn: '填写今天的日期' };
