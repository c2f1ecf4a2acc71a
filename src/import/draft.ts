/**
 * One form record → one draft entry, written by the `npm run new` scaffold with what the form says in
 * place of the placeholders. Contacts are left out; what the form has no cell for stays a placeholder,
 * and the placeholders are listed by checking the draft the way `npm run validate` does.
 */
import type { Kind } from '../config/paths.ts';
import { checkBody } from '../markdown/sections.ts';
import { readEntryText } from '../checks/frontmatter.ts';
import { findPersonalNumbers } from '../checks/privacy.ts';
import { issuesToProblems } from '../checks/zod-messages.ts';
import { formatFieldPath } from '../report/problems.ts';
import { KIND_FORMS, TEMPLATE_OPTIONS, scaffoldEntry } from '../authoring/scaffold.ts';
import { ENTRY_SCHEMAS } from '../schemas/index.ts';
import { labelAt } from '../schemas/contract.ts';
import { UnitSchema } from '../schemas/data.ts';
import { CASE_PARTS, type FormKey } from './form-layout.ts';
import { cellText, type FormRecord } from './read-form.ts';
import {
  readCount,
  readList,
  readMinutes,
  readNames,
  readResourceType,
  readYesNo,
  splitCaseParts,
  splitPost,
  toMarkdown,
} from './read-values.ts';
import { scrubContacts } from './scrub.ts';
import { entrySlugFromTitle } from './slug.ts';
import type { UnitMatch, UnitRegistry } from './units.ts';

export interface DraftOptions {
  units: UnitRegistry;
  /** --batch */
  batch?: number;
  scenarioNames?: readonly string[];
  /** A short name of the source for comments (the file's base name, sheet and row) */
  source: string;
  /** 年-月-日 of the import, written as the draft's addedOn */
  today?: string;
  /** The file that already has this slug, if any: nothing is overwritten */
  taken?: (kind: Kind, slug: string) => string | undefined;
}

export interface Draft {
  kind: Kind;
  slug: string;
  title: string;
  text: string;
  unit?: UnitMatch;
  /** What was read, one phrase per field */
  read: string[];
  /** What was left out on purpose */
  dropped: string[];
  /** Fields `npm run validate` will ask for, as `field（标签）` */
  missing: string[];
  /** What a person should check */
  review: string[];
}

export class DraftRefused extends Error {}

/** The entry exists already; it is left as it is. */
export class SlugTaken extends Error {
  readonly slug: string;
  readonly existing: string;
  readonly title: string;
  constructor(slug: string, existing: string, title: string) {
    super(slug);
    this.slug = slug;
    this.existing = existing;
    this.title = title;
  }
}

/** Section names of the body by form cell, in the form's order. */
const BODY_CELLS: Record<Kind, { key: FormKey; section: string }[]> = {
  cases: [{ key: 'caseBody', section: '' }],
  projects: [
    { key: 'trainingContent', section: '培训内容' },
    { key: 'trainingEffect', section: '培训效果' },
  ],
  courses: [{ key: 'courseBody', section: '课程主要内容' }],
};

const CONTACT_LABELS = '(?:项目|课程|案例)?(?:负责人|联系人)';

export function buildDraft(record: FormRecord, options: DraftOptions): Draft {
  const kind = record.kind;
  if (!kind) {
    throw new DraftRefused(
      '看不出是哪一种申报表：没有「案例名称」「项目名称」「课程名称」这样的栏目。请用 /forms/ 提供的空白申报表，或在汇总表里加一列「类别」',
    );
  }
  const cells = (key: FormKey) => record.values.get(key) ?? [];
  const first = (key: FormKey) => cells(key)[0] ?? [];
  const read: string[] = [];
  const dropped: string[] = [];
  const review: string[] = [];
  const notes: Record<string, string[]> = {};
  const note = (field: string, text: string) => (notes[field] ??= []).push(text);
  const values: Record<string, unknown> = {};
  const removedNumbers: string[] = [];

  // Contacts first, so that nothing below can carry them into the draft.
  const contactNames = [...cells('leader'), ...cells('contact')].flatMap(readNames).filter((n) => [...n].length >= 2);
  const said = (key: FormKey) => cells(key).some((cell) => cellText(cell) !== '');
  if (said('leader')) dropped.push('负责人姓名');
  if (said('contact')) dropped.push('联系人姓名');
  const phones = cells('phone').filter((cell) => cellText(cell) !== '').length;
  if (phones > 0) dropped.push(`${phones} 个联系电话`);
  if (said('email')) dropped.push('电子邮箱');

  /** Text as it may be written: numbers and contact names that a label introduces removed. */
  const clean = (text: string, where: string): string => {
    let value = text;
    for (const name of contactNames) {
      value = value.replace(new RegExp(`${CONTACT_LABELS}\\s*[:：]?\\s*${escapeRegExp(name)}[，,、；;。]?`, 'g'), '');
    }
    const scrubbed = scrubContacts(value);
    if (scrubbed.removed.length > 0) {
      removedNumbers.push(...scrubbed.removed.map((masked) => `${where}里的 ${masked}`));
    }
    return scrubbed.text;
  };
  const cleanLines = (paragraphs: readonly string[], where: string) =>
    paragraphs.map((p) => clean(p, where)).filter((p) => p.trim() !== '');

  const title = clean(first('title').join('').trim(), '名称');
  if (title === '') throw new DraftRefused('名称一栏是空的，没有名称就无法起文件名；请在申报表里填上名称再导入');
  const slug = entrySlugFromTitle(title);
  if (!slug) throw new DraftRefused(`名称「${title}」里没有汉字、字母或数字，无法起文件名`);
  const existing = options.taken?.(kind, slug);
  if (existing) throw new SlugTaken(slug, existing, title);
  values.title = title;
  read.push(`名称「${title}」`);

  // 申报单位
  const unitName = clean(cellText(first('unit')).replace(/\n/g, ''), '申报单位');
  let unit: UnitMatch | undefined;
  if (unitName !== '') {
    unit = options.units.resolve(unitName, options.source, cellText(first('province')) || undefined);
    values.unit = unit.id;
    read.push(`申报单位「${unitName}」`);
    if (unit.added)
      note('unit', `新单位「${unitName}」已添加到 units.yaml，编号 ${unit.id}：请在那里核对名称、省份，填写单位类型`);
  } else {
    review.push('申报单位一栏是空的');
  }

  // 批次: an option for the whole run, or a column of the sheet
  const batchText = cellText(first('batch'));
  const batch = options.batch ?? (batchText ? readCount(batchText) : undefined);
  if (batch !== undefined) values.batch = batch;

  const sections: { name: string; text: string }[] = [];
  const ask = ['license'];

  if (kind === 'courses') readCourse();
  if (kind === 'projects') readProject();
  if (kind === 'cases') readCase();
  if (kind !== 'cases') {
    for (const { key, section } of BODY_CELLS[kind]) {
      const paragraphs = cleanLines(cells(key).flat(), `「${section}」`);
      sections.push({ name: section, text: toMarkdown(paragraphs) });
      read.push(paragraphs.length > 0 ? `${section} ${paragraphs.length} 段` : `${section}（空）`);
    }
  }

  function readCourse(): void {
    const typeCell = cells('resourceType').flat().join('\n');
    const reading = readResourceType(typeCell);
    const minutesColumn = cellText(first('minutes'));
    const minutes = reading.minutes ?? (minutesColumn ? readMinutes(minutesColumn) : undefined);
    if (reading.types.length === 1) {
      const type = reading.types[0]!;
      values.resourceType = type;
      if (type === '视频资源' && minutes !== undefined) values.minutes = minutes;
      if (type === '其他' && reading.note) values.resourceNote = reading.note;
      read.push(`课程资源类型 ${type}${type === '视频资源' && minutes !== undefined ? `（${minutes} 分钟）` : ''}`);
      if (reading.doubt) {
        review.push(reading.doubt);
        note('resourceType', `请核对：${reading.doubt}`);
      }
      if (type === '视频资源' && minutes === undefined) review.push('选了视频资源，但没有写视频时长');
    } else if (reading.types.length > 1) {
      const message = `课程资源类型勾选了 ${reading.types.join('、')}，每门课只能选一种，请核对后填写`;
      review.push(message);
      note('resourceType', `请核对：${message}`);
    } else {
      review.push(
        typeCell.trim() ? `课程资源类型「${typeCell.replace(/\n/g, ' ')}」没有勾选哪一项` : '课程资源类型是空的',
      );
    }
    const shared = readYesNo(cells('shared').flat().join(' '));
    if (shared !== undefined) {
      values.shared = shared;
      read.push(shared ? '同意共享' : '不同意共享');
    } else if (said('shared')) review.push('是否同意共享没有勾选「是」或「否」');
    const members = readNames(cleanLines(cells('members').flat(), '核心成员'));
    if (members.length > 0) {
      values.members = members;
      read.push(`核心成员 ${members.length} 人`);
    }
    const awards = readList(cleanLines(cells('awards').flat(), '曾获奖项'));
    if (awards.length > 0) {
      values.awards = awards;
      read.push(`曾获奖项 ${awards.length} 项`);
    }
    // What the schema will ask of this course: a link when not shared, the video itself when shared.
    if (shared !== true) ask.push('link');
    if (values.resourceType === '视频资源' && shared !== false) ask.push('video', 'captions');
  }

  function readProject(): void {
    const names = readNames(cleanLines(cells('instructor').flat(), '授课人'));
    const posts = cells('instructorPost')
      .flat()
      .flatMap((p) => p.split(/[；;]/))
      .map((p) => clean(p, '单位及职务（职称）').trim())
      .filter(Boolean);
    if (names.length > 0 || posts.length > 0) {
      const instructors = (names.length > 0 ? names : ['']).map((name, i) => {
        const post = posts.length === names.length ? posts[i] : posts[0];
        const split = post ? splitPost(post) : undefined;
        if (post && !split) {
          const message = `授课人「${name || '（未写姓名）'}」的单位及职务（职称）写的是「${post}」，没能分成单位和职务，请核对`;
          review.push(message);
          note('instructors', `请核对：${message}`);
        }
        return { name, affiliation: split?.affiliation ?? post ?? '', position: split?.position ?? '' };
      });
      if (names.length > 1 && posts.length > 0 && posts.length !== names.length) {
        const message = `授课人有 ${names.length} 位，单位及职务（职称）却写了 ${posts.length} 条，已按第一条填写，请逐位核对`;
        review.push(message);
        note('instructors', `请核对：${message}`);
      }
      values.instructors = instructors;
      read.push(`授课人 ${names.length} 位`);
    }
    for (const [key, field, unitWord] of [
      ['cohorts', 'cohorts', '期'],
      ['participants', 'participants', '人次'],
    ] as const) {
      const text = cellText(first(key));
      const count = text ? readCount(text) : undefined;
      if (count !== undefined && count > 0) {
        values[field] = count;
        read.push(`${labelAt(ENTRY_SCHEMAS.projects, [field])} ${count} ${unitWord}`);
      } else if (text) {
        review.push(`${labelAt(ENTRY_SCHEMAS.projects, [field])}写的是「${text}」，读不出数字`);
      }
    }
  }

  function readCase(): void {
    const paragraphs = cleanLines(cells('caseBody').flat(), '案例内容');
    const { parts, before } = splitCaseParts(paragraphs);
    if (parts.size === 0 && before.length > 0) {
      review.push(
        `案例内容没有「一、基本情况」「二、主要做法」「三、经验效果」这样的小标题，全文放在了「${CASE_PARTS[0]}」下，请分成三节`,
      );
      parts.set(CASE_PARTS[0]!, before);
    } else if (before.length > 0) {
      review.push(
        `案例内容在「一、${CASE_PARTS[0]}」之前还有 ${before.length} 段，已放在「${CASE_PARTS[0]}」开头，请核对`,
      );
      parts.set(CASE_PARTS[0]!, [...before, ...(parts.get(CASE_PARTS[0]!) ?? [])]);
    }
    for (const name of CASE_PARTS) {
      const text = parts.get(name) ?? [];
      sections.push({ name, text: toMarkdown(text) });
      read.push(text.length > 0 ? `${name} ${text.length} 段` : `${name}（空）`);
    }
  }

  if (said('unitOpinion') || said('provinceOpinion') || record.values.has('unitOpinion')) {
    dropped.push('申报单位意见和省级教育行政部门意见（盖章栏，不是条目内容）');
  }
  const extras = (['serial', 'province', 'remark'] as FormKey[])
    .filter((key) => said(key))
    .map((key) => `${key === 'serial' ? '序号' : key === 'province' ? '省份' : '备注'}「${cellText(first(key))}」`);
  const unknown = record.unknown.map(
    ({ label, text }) => `${label ? `${label}` : '表外文字'}「${shorten(clean(text, '表外文字'))}」`,
  );
  if (extras.length + unknown.length > 0) dropped.push(`不是条目字段的栏目：${[...extras, ...unknown].join('、')}`);
  if (removedNumbers.length > 0)
    dropped.push(`文字里的 ${removedNumbers.length} 个电话号码或邮箱（${removedNumbers.join('，')}）`);

  const text = scaffoldEntry(kind, {
    ...TEMPLATE_OPTIONS,
    slug,
    addedOn: options.today,
    scenarioNames: options.scenarioNames,
    values,
    ask,
    notes: { title: [`由 npm run import 从${KIND_FORMS[kind]}「${options.source}」导入`], ...notes },
    sections: sections.length > 0 ? sections : undefined,
  });

  // A last look, as validation will take: anything personal still there is said, never silently written.
  for (const hit of findPersonalNumbers(text))
    review.push(`草稿里仍有像电话号码的数字（${hit.masked}），npm run validate 会拒绝，请删去`);
  for (const name of contactNames) {
    if (text.includes(name)) review.push(`草稿里出现了负责人或联系人的姓名「${name}」，请确认可以公开，否则删去`);
  }
  return { kind, slug, title, text, unit, read, dropped, missing: placeholdersOf(kind, text, unit), review };
}

/** The fields `npm run validate` will report in a draft, as `summary（一句话简介）`, in the file's order. */
function placeholdersOf(kind: Kind, text: string, unit: UnitMatch | undefined): string[] {
  // Read as validation reads it: the frontmatter as typed, then the schema and the sections.
  const read = readEntryText(text);
  if (!read.ok) return ['(frontmatter)'];
  const { data, body: content } = read.entry;
  const parsed = ENTRY_SCHEMAS[kind].safeParse(data);
  const issues = parsed.success ? [] : parsed.error.issues;
  const fields = issuesToProblems('', issues, data, ENTRY_SCHEMAS[kind]).map((p) => p.field);
  const labels = new Map(
    issues.map((issue) => [formatFieldPath(issue.path), labelAt(ENTRY_SCHEMAS[kind], issue.path)]),
  );
  const body = checkBody(kind, content).map((p) => p.field);
  const named = [...new Set([...fields, ...body])].map((field) => {
    const label = labels.get(field);
    return label ? `${field}（${label}）` : field;
  });
  if (unit?.added) {
    if (!unit.province) named.push(`units.yaml ${unit.id}.province（${labelAt(UnitSchema, ['province'])}）`);
    named.push(`units.yaml ${unit.id}.kind（${labelAt(UnitSchema, ['kind'])}）`);
  }
  return named;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function shorten(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : chars.join('');
}
