import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { z } from 'astro/zod';
import { ENTRY_SCHEMAS } from '../schemas/index.ts';
import { contractOf, isRequiredField, unwrapField, type FieldContract } from '../schemas/contract.ts';
import { PROVINCES, getProvince } from '../schemas/provinces.ts';
import { UnitFields, type Batch, type Scenario, type Unit } from '../schemas/data.ts';
import { isLocalVideo } from '../schemas/shared.ts';
import { t } from '../i18n/zh-CN.ts';
import { htmlToPlainText } from '../markdown/plain-text.ts';
import { sectionNameOf } from '../markdown/section-headings.ts';
import { structuresOf } from '../markdown/sections.ts';
import { mediaPath } from './media.ts';
import { channelOf } from '../collections/channel.ts';
import type { Channel } from '../schemas/shared.ts';
import { absoluteUrl, KINDS, type Kind } from '../config/paths.ts';
import { describePersonalNumber, findPersonalNumbersDeep } from '../checks/privacy.ts';
import { compareNewest } from '../core/newest-first.ts';
import type { EntryDataByKind } from '../checks/validator.ts';

/**
 * The open data export, listed on /data/ and licensed CC BY 4.0: every entry's public fields as JSON and CSV, for the
 * 全国老年教育资源共享和公共服务平台. The JSON keys are the schema's field names, so the field table on
 * /data/ is read off the Zod schemas and cannot drift from what the files contain.
 */

/**
 * Raised with every change to the files' shape (a key added, renamed or removed, or a value that changes meaning),
 * and each change is noted in EXPORT_CHANGES, which /data/ shows. The published JSON Schemas are exact, so an
 * importer that validates against them notices a new version instead of misreading it.
 */
export const EXPORT_VERSION = 5;

/** What each version changed, newest first (shown on /data/). */
export const EXPORT_CHANGES: readonly { version: number; changes: readonly string[] }[] = [
  {
    version: 5,
    changes: [
      '不再单独发布 courses.json、cases.json、projects.json：它们与 entries.json 里同一类别的条目逐字相同，一万条时多占约 116 MB。请读 entries.json，按 kind（类别编号）筛选；CSV 按“类别编号”一列筛选',
    ],
  },
  {
    version: 4,
    changes: [
      'resourceType（课程资源类型）改为列表：一般是一项；融媒体读本（扫码看视频）是 教材（读本） 和 视频资源 两项',
      'minutes（视频时长）可以有一位小数，例如 7.5；新增 episodes（集数），系列视频有几集',
      '新增 channel（推荐渠道）：省级教育行政部门、新疆生产建设兵团 或 有关直属单位，总是有值',
      'link（网络链接地址）可能是 http:// 开头的网址（省级平台只有这种地址时），网站上标为“不加密”',
      'unitKind（单位类型）新增 社区学校、社区教育中心、成人文化技术学校、教育行政部门、老年开放大学；申报单位表新增 city（计划单列市）',
      'title（名称）最长 60 字；授课人单位最长 60 字，职务（职称）最长 40 字；areaNote、resourceNote 最长 60 字',
    ],
  },
  {
    version: 3,
    changes: [
      '新增 addedOn（上线日期：条目加入本网站的日期；以前的条目按推荐日期补上）；数据日期 generated 改为最新的上线日期或内容更新日期',
    ],
  },
  {
    version: 2,
    changes: [
      '新增 JSON Schema（/data/schema/），每个 JSON 文件用 $schema 指向它；文件顶层新增 digest（条目内容的 SHA-256 摘要）',
      '每个条目新增 id（类别/条目编号，例如 courses/shouji-guahao），与网站地址无关，发布后不变',
      '工作案例和教育培训项目的正文各小节另成字段（basics、practice、results；trainingContent、trainingResults 等）',
      '新增申报单位、批次、应用场景三张表（units.json、batches.json、scenarios.json）',
      'CSV 增加正文（text）和各小节；一格里的多项改为每项一行；授课人的姓名、单位、职务分成三列；改用 csv-stringify 书写',
      'link 和平台视频地址写成规范化的网址（例如空格写成 %20）',
    ],
  },
  { version: 1, changes: ['第一版：entries.json、entries.csv 和各类别的 JSON 文件'] },
];
export const DATA_LICENSE = 'CC BY 4.0';
export const DATA_LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
/**
 * Joins list items in a CSV cell: one item a line. Items are single-line text (a line break inside one is written
 * as a space in the CSV), so the split is unambiguous; a list of records (授课人) gets one column per field.
 */
export const CSV_LIST_SEPARATOR = '\n';

/** What the export reads of one entry; the Astro collections and the validator both provide it. */
export interface ExportSource {
  kind: Kind;
  slug: string;
  /** The body as a reader sees it: plain text, one line per paragraph, heading or list item */
  text: string;
  /** The body's `##` sections as plain text, keyed by heading (see bodySections) */
  sections?: Readonly<Record<string, string>>;
  data: Omit<EntryDataByKind[Kind], 'cover'>;
}

export interface ExportContext {
  units: Map<string, Unit>;
  batches: Map<number, Batch>;
}

export type ExportValue = string | number | boolean | null | string[] | Record<string, string>[];

export interface ExportRecord {
  [field: string]: ExportValue;
  id: string;
  kind: Kind;
  kindName: string;
  slug: string;
  url: string;
  title: string;
  summary: string;
  unit: string;
  province: string;
  batch: number;
  scenarios: string[];
  status: string;
  withdrawn: boolean;
  recommendedOn: string;
  addedOn: string;
  updatedOn: string;
  license: string;
  text: string;
}

export interface ExportDocument {
  /** The JSON Schema this file follows */
  $schema: string;
  version: typeof EXPORT_VERSION;
  /** The newest updatedOn (YYYY-MM-DD), not the clock, so that a rebuild of the same content is identical */
  generated: string | null;
  license: string;
  licenseUrl: string;
  /** The site's home page and this documentation page */
  source: string;
  documentation: string;
  count: number;
  /** SHA-256 of the entries (see contentDigest): any change to any entry changes it */
  digest: string;
  entries: ExportRecord[];
}

// ---------------------------------------------------------------------------------------------
// The field table, read off the Zod schemas

export interface FieldDoc {
  /** The JSON key; a field inside each item of a list is written `instructors[].name` */
  key: string;
  /** The field's name in the entry, when the export names it otherwise (its contract's exportName) */
  source?: string;
  /** For a field inside list items: the list's key, and its label */
  parent?: string;
  parentLabel?: string;
  label: string;
  /** The value's type in plain words */
  type: string;
  /** Must be filled in the entry file (derived fields always have a value) */
  required: boolean;
  /** The value used when the entry leaves the field out, as written in the export */
  defaultValue?: string;
  /** What the export writes when the entry leaves the field out, when that is neither null nor one default */
  whenEmpty?: string;
  /** What the value means in the export */
  note: string;
  /** From the entry file, or worked out by the site */
  origin: 'entry' | 'derived';
  inJson: boolean;
  inCsv: boolean;
}

/** The slice of Zod 4's internals that the field table reads (`schema.def`). */
export interface ZodLike {
  def: {
    type: string;
    innerType?: ZodLike;
    in?: ZodLike;
    out?: ZodLike;
    element?: ZodLike;
    shape?: Record<string, ZodLike>;
    entries?: Record<string, string | number>;
    format?: string;
    defaultValue?: unknown;
    checks?: { _zod: { def: { check: string; value?: unknown; inclusive?: boolean; format?: string } } }[];
  };
}

interface Unwrapped {
  schema: ZodLike;
  optional: boolean;
  defaultValue?: unknown;
}

/** unwrapField (src/schemas/contract.ts), for the slice of Zod's internals that the field table reads. */
function unwrap(schema: ZodLike): Unwrapped {
  const { schema: inner, optional, defaultValue } = unwrapField(schema as unknown as z.ZodType);
  return { schema: inner as unknown as ZodLike, optional, defaultValue };
}

function describeNumber(schema: ZodLike): string {
  const checks = (schema.def.checks ?? []).map((c) => c._zod.def);
  const isInt = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const positive = checks.some(
    (c) =>
      c.check === 'greater_than' && typeof c.value === 'number' && (c.value > 0 || (c.value === 0 && !c.inclusive)),
  );
  const tenths = checks.some((c) => c.check === 'multiple_of' && c.value === 0.1);
  if (isInt) return positive ? '正整数' : '整数';
  if (positive) return tenths ? '正数（最多一位小数，例如 7.5）' : '正数';
  return '数字';
}

/** The type of a value in plain words. Throws on a Zod type it does not know, so that new schema shapes get documented. */
export function describeType(schema: ZodLike): string {
  const { def } = schema;
  switch (def.type) {
    case 'string':
      return def.format === 'url' ? '网址' : '文字';
    case 'number':
      return describeNumber(schema);
    case 'boolean':
      return '是或否（JSON 里是 true 或 false）';
    case 'date':
      return '日期（年-月-日）';
    case 'enum':
      return `以下之一：${Object.values(def.entries!).join('、')}`;
    case 'object':
      return '一组字段（见下面各项）';
    case 'array': {
      const element = unwrap(def.element!).schema;
      return element.def.type === 'object'
        ? '列表，每项是一组字段（见下面各项）'
        : `列表，每项是${describeType(element)}`;
    }
    default:
      throw new Error(`open-data.ts: no description for the Zod type "${def.type}"; add it to describeType`);
  }
}

function exportedDefault(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]（空列表）' : JSON.stringify(value);
  return String(value);
}

interface DerivedField {
  key: string;
  label: string;
  type: string;
  note: string;
  /** Where it goes in the table: first, last, or after a field */
  at: 'start' | 'end' | { after: string };
  inCsv: boolean;
  /** The kinds that have it; all by default */
  kinds?: readonly Kind[];
  /** Its value in the export, for the published JSON Schema */
  schema: z.ZodType;
  value: (source: ExportSource, context: ExportContext) => ExportValue;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const unitOf = (source: ExportSource, context: ExportContext) => context.units.get(source.data.unit)!;
const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** The stable id of an entry: its kind and slug, which never change once published. */
export const recordId = (kind: Kind, slug: string) => `${kind}/${slug}`;

/** Export keys of the body sections the forms (附件2/3) and the requirements (附件1) name (src/markdown/sections.ts). */
const SECTION_KEYS: Record<string, string> = {
  基本情况: 'basics',
  主要做法: 'practice',
  经验效果: 'results',
  实施背景: 'background',
  成果成效: 'outcomes',
  经验总结: 'lessons',
  推广应用: 'adoption',
  培训内容: 'trainingContent',
  培训效果: 'trainingResults',
  方案设计: 'design',
  教学实施: 'teaching',
  项目管理: 'management',
  社会效益: 'socialBenefit',
  培训对象: 'trainees',
  培训方式: 'trainingMethods',
  实施效果: 'implementationResults',
};

/** One field per section any structure of the kind knows, in the order the structures name them; null when absent. */
function sectionFields(): DerivedField[] {
  return KINDS.flatMap((kind) => {
    const structures = structuresOf(kind);
    const names = [...new Set(structures.flatMap((s) => [...s.required, ...(s.optional ?? [])].map((r) => r.name)))];
    return names.map((name, i): DerivedField => {
      const key = SECTION_KEYS[name];
      if (!key) throw new Error(`open-data.ts: no export key for the section ${name}; add it to SECTION_KEYS`);
      const sources = structures.filter((s) => s.required.some((r) => r.name === name)).map((s) => s.source);
      return {
        key,
        label: name,
        type: '文字（纯文本，段落之间换行）',
        note:
          `正文「${name}」一节的文字，不含小标题（写成“一、${name}”等形式的小标题也算）；条目没有这一节时为 null` +
          (sources.length > 0 ? `。按${sources.join('或')}书写的条目必须有这一节` : ''),
        at: i === 0 ? { after: 'text' } : { after: SECTION_KEYS[names[i - 1]!]! },
        inCsv: true,
        kinds: [kind],
        schema: z.string().nullable(),
        value: (s) => s.sections?.[name] ?? null,
      };
    });
  });
}

const DERIVED_FIELDS: DerivedField[] = [
  {
    key: 'id',
    label: '编号',
    type: '文字（类别编号/条目编号）',
    note: '条目的唯一编号，例如 courses/shouji-guahao；与网站的地址无关，发布后不再改变，导入时请用它作主键',
    at: 'start',
    inCsv: true,
    schema: z.string().regex(/^(courses|cases|projects)\/[a-z0-9]+(?:-[a-z0-9]+)*$/),
    value: (s) => recordId(s.kind, s.slug),
  },
  {
    key: 'kind',
    label: '类别编号',
    type: `以下之一：${KINDS.join('、')}`,
    note: KINDS.map((kind) => `${kind} 是${t(`kind.${kind}`)}`).join('，'),
    at: 'start',
    inCsv: true,
    schema: z.enum(KINDS),
    value: (s) => s.kind,
  },
  {
    key: 'kindName',
    label: '类别',
    type: `以下之一：${KINDS.map((kind) => t(`kind.${kind}`)).join('、')}`,
    note: '类别的中文名称',
    at: 'start',
    inCsv: true,
    schema: z.enum(KINDS.map((kind) => t(`kind.${kind}`)) as [string, ...string[]]),
    value: (s) => t(`kind.${s.kind}`),
  },
  {
    key: 'slug',
    label: '条目编号',
    type: '文字（小写英文字母、数字和短横线）',
    note: '条目的文件名，在同一类别里不重复，发布后不再改变',
    at: 'start',
    inCsv: true,
    schema: slugSchema,
    value: (s) => s.slug,
  },
  {
    key: 'url',
    label: '网址',
    type: '网址',
    note: '条目页面的完整网址；条目撤下后网址仍然有效。网站换了地址时网址会变，编号（id）不变',
    at: 'start',
    inCsv: true,
    schema: z.url(),
    value: (s) => absoluteUrl(`/${s.kind}/${s.slug}/`),
  },
  {
    key: 'unitId',
    label: '申报单位编号',
    type: '文字（小写英文字母、数字和短横线）',
    note: '申报单位在本站的编号，同一单位的条目编号相同；单位的详细信息见 units.json',
    at: { after: 'unit' },
    inCsv: true,
    schema: slugSchema,
    value: (s) => s.data.unit,
  },
  {
    key: 'unitKind',
    label: contractOf(UnitFields.shape.kind)!.label,
    type: describeType(unwrap(UnitFields.shape.kind as unknown as ZodLike).schema),
    note: '申报单位的类型',
    at: { after: 'unitId' },
    inCsv: true,
    schema: UnitFields.shape.kind,
    value: (s, c) => unitOf(s, c).kind,
  },
  {
    key: 'province',
    label: '所在地区',
    type: `以下之一：${PROVINCES.map((p) => p.fullName).join('、')}`,
    note: '由申报单位决定，写全称，例如 浙江省',
    at: { after: 'unitKind' },
    inCsv: true,
    schema: z.enum(PROVINCES.map((p) => p.fullName) as [string, ...string[]]),
    value: (s, c) => getProvince(unitOf(s, c).province).fullName,
  },
  {
    key: 'batchName',
    label: '批次名称',
    type: '文字',
    note: '例如 第一批；批次的截止日期和成果应用见 batches.json',
    at: { after: 'batch' },
    inCsv: true,
    schema: z.string(),
    value: (s, c) => c.batches.get(s.data.batch)?.name ?? t('batch.label', { n: s.data.batch }),
  },
  {
    key: 'text',
    label: '正文',
    type: '文字（纯文本，段落之间换行）',
    note: '条目的全部正文（小标题各占一行），去掉了排版标记和图片',
    at: 'end',
    inCsv: true,
    schema: z.string(),
    value: (s) => s.text.trim(),
  },
  ...sectionFields(),
];

function derivedDoc(field: DerivedField): FieldDoc {
  return {
    key: field.key,
    label: field.label,
    type: field.type,
    required: true,
    note: field.note,
    origin: 'derived',
    inJson: true,
    inCsv: field.inCsv,
  };
}

/** A field's contract (src/schemas/contract.ts); every field of an entry has one. */
function contractOfField(name: string, field: ZodLike): FieldContract {
  const contract = contractOf(field as unknown as Parameters<typeof contractOf>[0]);
  if (!contract)
    throw new Error(`open-data.ts: the field ${name} has no contract; give it one with field() in src/schemas`);
  return contract;
}

/** Rows for the fields of an object, read off each field's contract. */
function schemaDocs(shape: Record<string, ZodLike>, parent?: { key: string; label: string }): FieldDoc[] {
  return Object.entries(shape).flatMap(([name, field]) => {
    const { schema, defaultValue } = unwrap(field);
    const contract = contractOfField(name, field);
    const exported = contract.exported !== false;
    const ownKey = contract.exportName ?? name;
    const doc: FieldDoc = {
      key: parent ? `${parent.key}[].${ownKey}` : ownKey,
      ...(ownKey !== name ? { source: name } : {}),
      ...(parent ? { parent: parent.key, parentLabel: parent.label } : {}),
      label: contract.label,
      type: contract.exportType ?? describeType(schema),
      required: isRequiredField(field as unknown as z.ZodType),
      ...(defaultValue !== undefined ? { defaultValue: exportedDefault(defaultValue) } : {}),
      ...(!parent && contract.exportWhenEmpty ? { whenEmpty: contract.exportWhenEmpty } : {}),
      note: contract.exportNote ?? contract.hint,
      origin: 'entry',
      inJson: exported,
      inCsv: exported,
    };
    const element = schema.def.type === 'array' ? unwrap(schema.def.element!).schema : schema;
    const nested =
      element.def.type === 'object' && !parent
        ? schemaDocs(element.def.shape!, { key: ownKey, label: contract.label })
        : [];
    // A list of records goes into the CSV as one column per field of its items.
    if (nested.length > 0) doc.inCsv = false;
    return [doc, ...nested];
  });
}

function buildFieldTable(kind: Kind): FieldDoc[] {
  const top = unwrap(ENTRY_SCHEMAS[kind] as unknown as ZodLike).schema;
  const derived = DERIVED_FIELDS.filter((f) => !f.kinds || f.kinds.includes(kind));
  const start = derived.filter((f) => f.at === 'start').map(derivedDoc);
  const rows = [...start, ...schemaDocs(top.def.shape!), ...derived.filter((f) => f.at === 'end').map(derivedDoc)];
  for (const field of derived) {
    if (typeof field.at !== 'object') continue;
    const anchor = field.at.after;
    const index = rows.findIndex((row) => row.key === anchor);
    if (index < 0) throw new Error(`open-data.ts: derived field ${field.key} follows unknown field ${anchor}`);
    rows.splice(index + 1, 0, derivedDoc(field));
  }
  return rows;
}

const FIELD_TABLES = Object.fromEntries(KINDS.map((kind) => [kind, buildFieldTable(kind)])) as Record<Kind, FieldDoc[]>;

/** Every field of one kind, in the order the JSON writes them, nested fields after their list. */
export function fieldTable(kind: Kind): readonly FieldDoc[] {
  return FIELD_TABLES[kind];
}

/** Fields every kind has (same key and meaning), and the ones only some kinds have. */
export function splitFieldTables(): { common: FieldDoc[]; byKind: Record<Kind, FieldDoc[]> } {
  const inAll = (key: string) => KINDS.every((kind) => FIELD_TABLES[kind].some((f) => f.key === key));
  const common = FIELD_TABLES[KINDS[0]].filter((f) => inAll(f.key));
  const byKind = Object.fromEntries(
    KINDS.map((kind) => [kind, FIELD_TABLES[kind].filter((f) => !inAll(f.key))]),
  ) as Record<Kind, FieldDoc[]>;
  return { common, byKind };
}

// ---------------------------------------------------------------------------------------------
// Records

function exportValue(key: string, value: unknown, source: ExportSource, context: ExportContext): ExportValue {
  if (key === 'channel') return channelOf(value as Channel | undefined, unitOf(source, context).province);
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return isoDate(value);
  if (key === 'unit') return unitOf(source, context).name;
  if ((key === 'video' && isLocalVideo(value as string)) || key === 'captions' || key === 'file') {
    return absoluteUrl(mediaPath(source.kind, source.slug, value as string));
  }
  // A web address as a browser resolves it: spaces, quotes and non-ASCII characters percent-encoded.
  if (key === 'video' || key === 'link') return new URL(value as string).href;
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === 'object' ? { ...(item as Record<string, string>) } : item)) as
      string[] | Record<string, string>[];
  }
  return value as ExportValue;
}

const DERIVED_BY_KEY = new Map(DERIVED_FIELDS.map((field) => [field.key, field]));

/** One entry's public fields, keys in the order of its field table. */
export function toExportRecord(source: ExportSource, context: ExportContext): ExportRecord {
  const data = source.data as Record<string, unknown>;
  const record: Record<string, ExportValue> = {};
  for (const field of FIELD_TABLES[source.kind]) {
    if (!field.inJson || field.parent) continue;
    const derived = DERIVED_BY_KEY.get(field.key);
    record[field.key] = derived
      ? derived.value(source, context)
      : exportValue(field.source ?? field.key, data[field.source ?? field.key], source, context);
  }
  return record as ExportRecord;
}

/** The privacy rule holds for what leaves the site too (a Markdown body can join digits that the source keeps apart). */
export function checkRecordPrivacy(record: ExportRecord): void {
  const hit = findPersonalNumbersDeep(record)[0];
  if (!hit) return;
  const field = hit.path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.');
  throw new Error(`开放数据：${record.kind}/${record.slug} 的 ${field} — ${describePersonalNumber(hit)}`);
}

/** Every entry, withdrawn ones included (marked `withdrawn: true`), checked against the privacy rule. */
export function buildExportRecords(sources: readonly ExportSource[], context: ExportContext): ExportRecord[] {
  const records = sources.map((source) => toExportRecord(source, context));
  records.forEach(checkRecordPrivacy);
  // The site's newest-first order (src/core/newest-first.ts): newest first, then kind and slug.
  return records.sort(compareNewest);
}

/**
 * The newest day any entry was added or updated, from the content and not the clock, so that the same content
 * always gives the same files, and an entry added with old dates still moves the date on.
 */
export function generatedDate(records: readonly ExportRecord[]): string | null {
  return records.reduce<string | null>((max, r) => {
    const newest = r.addedOn > r.updatedOn ? r.addedOn : r.updatedOn;
    return max === null || newest > max ? newest : max;
  }, null);
}

/**
 * The SHA-256 of the items as compact JSON (UTF-8), written as in Subresource Integrity: `sha256-` and Base64.
 * (Base64 rather than hex, whose long digit runs would look like phone numbers to the privacy rule.)
 */
export function contentDigest(items: readonly unknown[]): string {
  // Item by item, the same bytes as JSON.stringify(items): the whole list as one string took over 100 MB of the
  // build's memory at 10,000 entries.
  const hash = createHash('sha256').update('[');
  items.forEach((item, i) => hash.update(`${i === 0 ? '' : ','}${JSON.stringify(item) ?? 'null'}`));
  return `sha256-${hash.update(']').digest('base64')}`;
}

/** Where the JSON Schema of a published data file lives (see exportJsonSchemas). */
export const schemaPath = (name: SchemaName) => `/data/schema/${name}.json`;

export function exportDocument(records: ExportRecord[], generated: string | null): ExportDocument {
  return {
    $schema: absoluteUrl(schemaPath('entries')),
    version: EXPORT_VERSION,
    generated,
    license: DATA_LICENSE,
    licenseUrl: DATA_LICENSE_URL,
    source: absoluteUrl('/'),
    documentation: absoluteUrl('/data/'),
    count: records.length,
    digest: contentDigest(records),
    entries: records,
  };
}

export function toJson(document: ExportDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

interface CatalogueLike extends ExportContext {
  all: readonly { collection: Kind; id: string; rendered?: { html: string }; data: ExportSource['data'] }[];
}

const recordCache = new WeakMap<CatalogueLike, ExportRecord[]>();

/** The records of a built catalogue (src/collections/catalogue.ts), made once per build for all export files. */
export function catalogueRecords(catalogue: CatalogueLike): ExportRecord[] {
  let records = recordCache.get(catalogue);
  if (!records) {
    // Astro keeps the rendered HTML of each entry, not its Markdown: the text is read from the HTML.
    const sources = catalogue.all.map((e) => ({
      kind: e.collection,
      slug: e.id,
      text: htmlToPlainText(e.rendered?.html ?? ''),
      sections: bodySections(e.rendered?.html ?? ''),
      data: e.data,
    }));
    records = buildExportRecords(sources, catalogue);
    recordCache.set(catalogue, records);
  }
  return records;
}

// ---------------------------------------------------------------------------------------------
// Body sections

/** The `##` sections of a rendered body as plain text, keyed by their heading as the sections rule names it. */
export function bodySections(html: string): Record<string, string> {
  const parts = html.split(/(<h2\b[^>]*>[\s\S]*?<\/h2>)/);
  const sections: Record<string, string> = {};
  for (let i = 1; i < parts.length; i += 2) {
    const heading = htmlToPlainText(parts[i]!).trim();
    sections[sectionNameOf(heading) || heading] = htmlToPlainText(parts[i + 1] ?? '').trim();
  }
  return sections;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** RFC 4180 by csv-stringify: CRLF after every record, quotes where needed; a UTF-8 BOM for Excel and WPS. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return [...csvChunks(rows)].join('');
}

/**
 * The CSV a few hundred rows at a time; joined, they are the file. Written as one string, then encoded, the file took
 * some 300 MB of the build's memory at 10,000 entries (see the entries.csv endpoint, which streams these).
 */
export function* csvChunks(rows: readonly (readonly string[])[], rowsPerChunk = 500): Generator<string> {
  for (let start = 0; start < rows.length; start += rowsPerChunk) {
    // Each chunk ends with a record delimiter (csv-stringify's eof), so that chunks join without a seam.
    yield stringify(rows.slice(start, start + rowsPerChunk) as string[][], {
      bom: start === 0,
      record_delimiter: '\r\n',
      quoted_match: /[\r\n]/,
    });
  }
}

/** Spreadsheets run a cell that starts with = + - @ as a formula; a leading apostrophe keeps it text. */
function formulaSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const oneLine = (item: string) => item.replace(/\s*[\r\n]+\s*/g, ' ');

export function csvCell(value: ExportValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value
      .map((item) => formulaSafe(oneLine(typeof item === 'string' ? item : Object.values(item).join(' '))))
      .join(CSV_LIST_SEPARATOR);
  }
  return formulaSafe(value);
}

/** A column's header: the field's Chinese name, `授课人：姓名` for a field of list items (as on /data/). */
export function csvHeader(field: FieldDoc): string {
  return field.parentLabel ? `${field.parentLabel}：${field.label}` : field.label;
}

/** The CSV's columns: every exported field of every kind, in field-table order. */
export function csvColumns(): FieldDoc[] {
  const columns = new Map<string, FieldDoc>();
  for (const kind of KINDS) {
    for (const field of FIELD_TABLES[kind]) if (field.inCsv && !columns.has(field.key)) columns.set(field.key, field);
  }
  return [...columns.values()];
}

function csvValue(record: ExportRecord, field: FieldDoc): string {
  if (!field.parent) return csvCell(record[field.key]);
  const items = record[field.parent] as Record<string, string>[] | null | undefined;
  const name = field.key.slice(field.parent.length + 3);
  return csvCell((items ?? []).map((item) => item[name] ?? ''));
}

/** One header row of Chinese names, then one row per entry; cells of fields another kind has are empty. */
export function toCsvRows(records: readonly ExportRecord[]): string[][] {
  const columns = csvColumns();
  return [columns.map(csvHeader), ...records.map((record) => columns.map((c) => csvValue(record, c)))];
}

// ---------------------------------------------------------------------------------------------
// The export's own Zod schema, and the JSON Schema published from it

/** The export's value for a field of the content schema: dates as YYYY-MM-DD, local files as URLs. */
function exportZod(schema: ZodLike, exportType?: string): z.ZodType {
  const { def } = schema;
  if (exportType === '网址') return z.url();
  switch (def.type) {
    case 'string':
      return def.format === 'url' ? z.url() : z.string();
    case 'number': {
      const type = describeNumber(schema);
      return type === '正整数' ? z.number().int().positive() : type === '整数' ? z.number().int() : z.number();
    }
    case 'boolean':
      return z.boolean();
    case 'date':
      return z.iso.date();
    case 'enum':
      return z.enum(Object.values(def.entries!).map(String) as [string, ...string[]]);
    case 'array':
      return z.array(exportZod(unwrap(def.element!).schema, exportType));
    case 'object':
      return z.strictObject(
        Object.fromEntries(
          Object.entries(def.shape!).map(([name, field]) => {
            const inner = unwrap(field);
            const value = exportZod(inner.schema, contractOfField(name, field).exportType);
            return [name, inner.optional && inner.defaultValue === undefined ? value.optional() : value];
          }),
        ),
      );
    default:
      throw new Error(`open-data.ts: no export type for the Zod type "${def.type}"; add it to exportZod`);
  }
}

function recordSchema(kind: Kind) {
  const top = unwrap(ENTRY_SCHEMAS[kind] as unknown as ZodLike).schema.def.shape!;
  const shape: Record<string, z.ZodType> = {};
  for (const field of FIELD_TABLES[kind]) {
    if (!field.inJson || field.parent) continue;
    const derived = DERIVED_BY_KEY.get(field.key);
    let value: z.ZodType;
    if (field.key === 'kind') value = z.literal(kind);
    else if (derived) value = derived.schema;
    else {
      const name = field.source ?? field.key;
      const contract = contractOfField(name, top[name]!);
      const inner = unwrap(top[name]!);
      value = name === 'unit' ? z.string() : exportZod(inner.schema, contract.exportType);
      // A field the export always fills (the license in force) is never null.
      if (inner.optional && inner.defaultValue === undefined && contract.exportWhenEmpty === undefined) {
        value = value.nullable();
      }
    }
    shape[field.key] = value.meta({ title: field.label, description: `${field.type}。${field.note}` });
  }
  return z.strictObject(shape).meta({ title: t(`kind.${kind}`) });
}

/** One entry in the export, by kind. */
export const ExportRecordSchema = z.discriminatedUnion('kind', [
  recordSchema('courses'),
  recordSchema('cases'),
  recordSchema('projects'),
]);

const digestSchema = z
  .string()
  .regex(/^sha256-[A-Za-z0-9+/]{43}=$/)
  .meta({
    description:
      '内容摘要：条目列表写成紧凑 JSON（UTF-8）后的 SHA-256，用 Base64 书写，前面加 sha256-（和子资源完整性的写法相同）',
  });

/** What every data file has around its items. */
function documentShape(schema: SchemaName) {
  return {
    $schema: z.literal(absoluteUrl(schemaPath(schema))).meta({ description: '本文件遵循的 JSON Schema' }),
    version: z.literal(EXPORT_VERSION).meta({ description: '数据格式的版本号，格式每变一次加一' }),
    license: z.literal(DATA_LICENSE),
    licenseUrl: z.literal(DATA_LICENSE_URL),
    source: z.url().meta({ description: '本站首页' }),
    documentation: z.url().meta({ description: '开放数据说明页（/data/）' }),
    count: z.number().int().nonnegative().meta({ description: '文件里的条目数' }),
    digest: digestSchema,
  };
}

/** entries.json. */
export const ExportDocumentSchema = z
  .strictObject({
    ...documentShape('entries'),
    generated: z.iso
      .date()
      .nullable()
      .meta({ description: '数据日期：所有条目里最新的内容日期，不是生成文件的时间；没有条目时为 null' }),
    entries: z.array(ExportRecordSchema),
  })
  .meta({ title: `${t('site.name')}：条目` });

// ---------------------------------------------------------------------------------------------
// Units, batches and scenarios as their own tables

export const UnitRecordSchema = z.strictObject({
  id: slugSchema.meta({ title: '申报单位编号', description: '条目的 unitId 指向它' }),
  name: z.string().meta({ title: '单位名称' }),
  province: z.enum(PROVINCES.map((p) => p.fullName) as [string, ...string[]]).meta({ title: '所在地区' }),
  city: z
    .string()
    .nullable()
    .meta({ title: '所在城市', description: '计划单列市（大连、青岛、宁波、厦门、深圳）的单位写城市名，其余为 null' }),
  kind: UnitFields.shape.kind.meta({ title: '单位类型' }),
});

export const BatchRecordSchema = z.strictObject({
  id: z.number().int().positive().meta({ title: '批次编号', description: '条目的 batch 指向它' }),
  name: z.string().meta({ title: '批次名称' }),
  deadline: z.iso.date().meta({ title: '报送截止日期' }),
  outcome: z.string().meta({ title: '成果应用' }),
});

export const ScenarioRecordSchema = z.strictObject({
  id: slugSchema.meta({ title: '场景编号', description: '场景页面的网址用它，例如 /scenarios/jiuyi/' }),
  name: z.string().meta({ title: '场景名称', description: '条目的 scenarios 列表写的是这个名称' }),
  description: z.string().meta({ title: '场景说明' }),
  synonyms: z.array(z.string()).meta({ title: '同义词', description: '老年人常说的词，搜索时能找到这个场景' }),
  notice: z.boolean().meta({ title: '通知列出的高频场景', description: '是否是通知列出的五个高频场景之一' }),
  order: z.number().int().positive().meta({ title: '显示顺序' }),
});

export type UnitRecord = z.output<typeof UnitRecordSchema>;
export type BatchRecord = z.output<typeof BatchRecordSchema>;
export type ScenarioRecord = z.output<typeof ScenarioRecordSchema>;

export const TABLES = {
  units: { title: '申报单位', schema: UnitRecordSchema },
  batches: { title: '批次', schema: BatchRecordSchema },
  scenarios: { title: '应用场景', schema: ScenarioRecordSchema },
} as const;
export type TableName = keyof typeof TABLES;
export type SchemaName = 'entries' | TableName;

export function tableDocumentSchema(name: TableName) {
  return z
    .strictObject({ ...documentShape(name), [name]: z.array(TABLES[name].schema) })
    .meta({ title: `${t('site.name')}：${TABLES[name].title}` });
}

export interface TableContext extends ExportContext {
  scenarios: readonly (Scenario & { slug: string })[];
}

/** The rows of one table, in a fixed order (ids, numbers, display order). */
export function tableRows(name: TableName, context: TableContext): (UnitRecord | BatchRecord | ScenarioRecord)[] {
  if (name === 'units') {
    return [...context.units]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, unit]) => ({
        id,
        name: unit.name,
        province: getProvince(unit.province).fullName,
        city: unit.city ?? null,
        kind: unit.kind,
      }));
  }
  if (name === 'batches') {
    return [...context.batches]
      .sort(([a], [b]) => a - b)
      .map(([id, batch]) => ({ id, name: batch.name, deadline: isoDate(batch.deadline), outcome: batch.outcome }));
  }
  return [...context.scenarios]
    .sort((a, b) => a.order - b.order)
    .map((s) => ({
      id: s.slug,
      name: s.name,
      description: s.description,
      synonyms: [...s.synonyms],
      notice: s.notice,
      order: s.order,
    }));
}

/** units.json, batches.json or scenarios.json, checked against its own schema. */
export function tableDocument(name: TableName, context: TableContext): Record<string, unknown> {
  const rows = tableRows(name, context);
  return tableDocumentSchema(name).parse({
    $schema: absoluteUrl(schemaPath(name)),
    version: EXPORT_VERSION,
    license: DATA_LICENSE,
    licenseUrl: DATA_LICENSE_URL,
    source: absoluteUrl('/'),
    documentation: absoluteUrl('/data/'),
    count: rows.length,
    digest: contentDigest(rows),
    [name]: rows,
  });
}

/** The published JSON Schemas (draft 2020-12), derived from the Zod schemas above. */
export function exportJsonSchema(name: SchemaName): Record<string, unknown> {
  const schema = name === 'entries' ? ExportDocumentSchema : tableDocumentSchema(name);
  return { $id: absoluteUrl(schemaPath(name)), ...z.toJSONSchema(schema, { target: 'draft-2020-12' }) };
}

export const SCHEMA_NAMES: readonly SchemaName[] = ['entries', 'units', 'batches', 'scenarios'];
