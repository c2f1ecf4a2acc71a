import { ENTRY_SCHEMAS } from '../schemas/index.ts';
import { FIELDS, fieldHint, fieldLabel } from '../schemas/fields.ts';
import { PROVINCES, getProvince } from '../schemas/provinces.ts';
import { UnitSchema, type Batch, type Unit } from '../schemas/data.ts';
import { isLocalVideo } from '../schemas/shared.ts';
import { t } from '../i18n/zh-CN.ts';
import { htmlToPlainText } from './char-count.ts';
import { mediaPath } from './media.ts';
import { absoluteUrl, KINDS, type Kind } from './paths.ts';
import { describePersonalNumber, findPersonalNumbersDeep } from './privacy.ts';
import type { EntryDataByKind } from './content-tree.ts';

/**
 * The open data export (SPEC §3 /data/, §8): every entry's public fields as JSON and CSV, for the
 * 全国老年教育资源共享和公共服务平台. The JSON keys are the schema's field names, so the field table on
 * /data/ is read off the Zod schemas and cannot drift from what the files contain.
 */

/** Bump when a key is renamed or removed or a value changes meaning; adding keys keeps the version. */
export const EXPORT_VERSION = 1;
export const DATA_LICENSE = 'CC BY 4.0';
export const DATA_LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
/** Joins list items in a CSV cell; a full-width semicolon never occurs inside names or titles. */
export const CSV_LIST_SEPARATOR = '；';

/** What the export reads of one entry; the Astro collections and the validator both provide it. */
export interface ExportSource {
  kind: Kind;
  slug: string;
  /** The body as a reader sees it: plain text, one line per paragraph, heading or list item */
  text: string;
  data: Omit<EntryDataByKind[Kind], 'cover'>;
}

export interface ExportContext {
  units: Map<string, Unit>;
  batches: Map<number, Batch>;
}

export type ExportValue = string | number | boolean | null | string[] | Record<string, string>[];

export interface ExportRecord {
  [field: string]: ExportValue;
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
  updatedOn: string;
  license: string;
  text: string;
}

export interface ExportDocument {
  version: typeof EXPORT_VERSION;
  /** The newest updatedOn (YYYY-MM-DD), not the clock, so that a rebuild of the same content is identical */
  generated: string | null;
  license: string;
  licenseUrl: string;
  /** The site's home page and this documentation page */
  source: string;
  documentation: string;
  count: number;
  entries: ExportRecord[];
}

// ---------------------------------------------------------------------------------------------
// The field table, read off the Zod schemas

export interface FieldDoc {
  /** The JSON key; a field inside each item of a list is written `instructors[].name` */
  key: string;
  /** For a field inside list items: the list's key */
  parent?: string;
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

/** Peels optional, default and pipes (a preprocess pipe shows its output, a transform pipe its input). */
function unwrap(schema: ZodLike): Unwrapped {
  let current = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const { def } = current;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly') {
      optional ||= def.type === 'optional';
      current = def.innerType!;
    } else if (def.type === 'default' || def.type === 'prefault') {
      defaultValue = def.defaultValue;
      current = def.innerType!;
    } else if (def.type === 'pipe') {
      current = def.in!.def.type === 'transform' ? def.out! : def.in!;
    } else {
      return { schema: current, optional, defaultValue };
    }
  }
}

function describeNumber(schema: ZodLike): string {
  const checks = (schema.def.checks ?? []).map((c) => c._zod.def);
  const isInt = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const positive = checks.some(
    (c) =>
      c.check === 'greater_than' && typeof c.value === 'number' && (c.value > 0 || (c.value === 0 && !c.inclusive)),
  );
  return positive && isInt ? '正整数' : isInt ? '整数' : '数字';
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
      throw new Error(`export.ts: no description for the Zod type "${def.type}"; add it to describeType`);
  }
}

function exportedDefault(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]（空列表）' : JSON.stringify(value);
  return String(value);
}

/** How the export writes fields whose value is not what the entry file holds. */
const EXPORT_NOTES: Partial<Record<string, string>> = {
  unit: '申报单位的名称；单位编号见 unitId',
  license: '导出的是实际生效的许可：条目没有填写时，同意共享的课程资源为 CC BY 4.0，其余为 保留所有权利',
  video: '本站保存的视频写成它在本站的完整网址；全国老年教育资源共享和公共服务平台上的视频是平台上的网址',
  captions: '本站视频的 WebVTT 字幕文件的完整网址',
  file: 'PDF 读本在本站的完整网址',
};

/** Fields the export always fills, though the entry may leave them out: what it writes then. */
const WHEN_EMPTY: Partial<Record<string, string>> = {
  license: '选填；不填时导出默认的许可（同意共享的课程资源为 CC BY 4.0，其余为 保留所有权利），所以数据里总是有值',
};

/** Local files are exported as their URLs on the site. */
const EXPORT_TYPES: Partial<Record<string, string>> = { video: '网址', captions: '网址', file: '网址' };

/** Public on the site but not in the files: covers are resized and renamed by the build. */
const NOT_EXPORTED: Partial<Record<string, string>> = {
  cover: '不导出：封面图片请在条目页面（url）查看',
  coverAlt: '不导出：它是封面图片的文字说明，随封面图片一起在条目页面上',
};

interface DerivedField {
  key: string;
  label: string;
  type: string;
  note: string;
  /** Where it goes in the table: first, last, or after a field */
  at: 'start' | 'end' | { after: string };
  inCsv: boolean;
  value: (source: ExportSource, context: ExportContext) => ExportValue;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const unitOf = (source: ExportSource, context: ExportContext) => context.units.get(source.data.unit)!;

const DERIVED_FIELDS: DerivedField[] = [
  {
    key: 'kind',
    label: '类别编号',
    type: `以下之一：${KINDS.join('、')}`,
    note: KINDS.map((kind) => `${kind} 是${t(`kind.${kind}`)}`).join('，'),
    at: 'start',
    inCsv: true,
    value: (s) => s.kind,
  },
  {
    key: 'kindName',
    label: '类别',
    type: `以下之一：${KINDS.map((kind) => t(`kind.${kind}`)).join('、')}`,
    note: '类别的中文名称',
    at: 'start',
    inCsv: true,
    value: (s) => t(`kind.${s.kind}`),
  },
  {
    key: 'slug',
    label: FIELDS.slug.label,
    type: '文字（小写英文字母、数字和短横线）',
    note: '条目的文件名，在同一类别里不重复，发布后不再改变；类别编号加条目编号可以唯一确定一个条目',
    at: 'start',
    inCsv: true,
    value: (s) => s.slug,
  },
  {
    key: 'url',
    label: '网址',
    type: '网址',
    note: '条目页面的完整网址；条目撤下后网址仍然有效',
    at: 'start',
    inCsv: true,
    value: (s) => absoluteUrl(`/${s.kind}/${s.slug}/`),
  },
  {
    key: 'unitId',
    label: '申报单位编号',
    type: '文字（小写英文字母、数字和短横线）',
    note: '申报单位在本站的编号，同一单位的条目编号相同',
    at: { after: 'unit' },
    inCsv: true,
    value: (s) => s.data.unit,
  },
  {
    key: 'unitKind',
    label: FIELDS.kind.label,
    type: describeType(unwrap(UnitSchema.shape.kind as unknown as ZodLike).schema),
    note: '申报单位的类型',
    at: { after: 'unitId' },
    inCsv: true,
    value: (s, c) => unitOf(s, c).kind,
  },
  {
    key: 'province',
    label: '所在地区',
    type: `以下之一：${PROVINCES.map((p) => p.fullName).join('、')}`,
    note: '由申报单位决定，写全称，例如 浙江省',
    at: { after: 'unitKind' },
    inCsv: true,
    value: (s, c) => getProvince(unitOf(s, c).province).fullName,
  },
  {
    key: 'batchName',
    label: '批次名称',
    type: '文字',
    note: '例如 第一批',
    at: { after: 'batch' },
    inCsv: true,
    value: (s, c) => c.batches.get(s.data.batch)?.name ?? t('batch.label', { n: s.data.batch }),
  },
  {
    key: 'text',
    label: FIELDS.body.label,
    type: '文字（纯文本，段落之间换行）',
    note: '条目正文，去掉了排版标记和图片；只在 JSON 里有，CSV 里只有一句话简介',
    at: 'end',
    inCsv: false,
    value: (s) => s.text.trim(),
  },
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

function schemaDocs(shape: Record<string, ZodLike>, parent?: string): FieldDoc[] {
  return Object.entries(shape).flatMap(([name, field]) => {
    const { schema, optional, defaultValue } = unwrap(field);
    const key = parent ? `${parent}[].${name}` : name;
    const excluded = parent === undefined ? NOT_EXPORTED[name] : undefined;
    const doc: FieldDoc = {
      key,
      ...(parent ? { parent } : {}),
      label: fieldLabel(name),
      type: (parent ? undefined : EXPORT_TYPES[name]) ?? describeType(schema),
      required: !optional && defaultValue === undefined,
      ...(defaultValue !== undefined ? { defaultValue: exportedDefault(defaultValue) } : {}),
      ...(!parent && WHEN_EMPTY[name] ? { whenEmpty: WHEN_EMPTY[name] } : {}),
      note: excluded ?? (parent ? undefined : EXPORT_NOTES[name]) ?? fieldHint(name) ?? '',
      origin: 'entry',
      inJson: excluded === undefined,
      inCsv: excluded === undefined && parent === undefined,
    };
    const element = schema.def.type === 'array' ? unwrap(schema.def.element!).schema : schema;
    const nested = element.def.type === 'object' && !parent ? schemaDocs(element.def.shape!, name) : [];
    return [doc, ...nested];
  });
}

function buildFieldTable(kind: Kind): FieldDoc[] {
  const top = unwrap(ENTRY_SCHEMAS[kind] as unknown as ZodLike).schema;
  const rows = schemaDocs(top.def.shape!);
  const start = DERIVED_FIELDS.filter((f) => f.at === 'start').map(derivedDoc);
  const end = DERIVED_FIELDS.filter((f) => f.at === 'end').map(derivedDoc);
  for (const field of DERIVED_FIELDS) {
    if (typeof field.at !== 'object') continue;
    const anchor = field.at.after;
    const index = rows.findIndex((row) => row.key === anchor);
    if (index < 0) throw new Error(`export.ts: derived field ${field.key} follows unknown field ${anchor}`);
    rows.splice(index + 1, 0, derivedDoc(field));
  }
  return [...start, ...rows, ...end];
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
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return isoDate(value);
  if (key === 'unit') return unitOf(source, context).name;
  if ((key === 'video' && isLocalVideo(value as string)) || key === 'captions' || key === 'file') {
    return absoluteUrl(mediaPath(source.kind, source.slug, value as string));
  }
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
      : exportValue(field.key, data[field.key], source, context);
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

const KIND_ORDER = new Map(KINDS.map((kind, i) => [kind, i]));

/** Newest recommendation first, then kind and slug: the order never depends on file order. */
function byNewest(a: ExportRecord, b: ExportRecord): number {
  return (
    b.recommendedOn.localeCompare(a.recommendedOn) ||
    KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
    (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  );
}

/** Every entry, withdrawn ones included (marked `withdrawn: true`), checked against the privacy rule. */
export function buildExportRecords(sources: readonly ExportSource[], context: ExportContext): ExportRecord[] {
  const records = sources.map((source) => toExportRecord(source, context));
  records.forEach(checkRecordPrivacy);
  return records.sort(byNewest);
}

/** The newest updatedOn, so that the same content always gives the same files. */
export function generatedDate(records: readonly ExportRecord[]): string | null {
  return records.reduce<string | null>((max, r) => (max === null || r.updatedOn > max ? r.updatedOn : max), null);
}

export function exportDocument(records: ExportRecord[], generated: string | null): ExportDocument {
  return {
    version: EXPORT_VERSION,
    generated,
    license: DATA_LICENSE,
    licenseUrl: DATA_LICENSE_URL,
    source: absoluteUrl('/'),
    documentation: absoluteUrl('/data/'),
    count: records.length,
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

/** The records of a built catalogue (src/lib/collections.ts), made once per build for all export files. */
export function catalogueRecords(catalogue: CatalogueLike): ExportRecord[] {
  let records = recordCache.get(catalogue);
  if (!records) {
    // Astro keeps the rendered HTML of each entry, not its Markdown: the text is read from the HTML.
    const sources = catalogue.all.map((e) => ({
      kind: e.collection,
      slug: e.id,
      text: htmlToPlainText(e.rendered?.html ?? ''),
      data: e.data,
    }));
    records = buildExportRecords(sources, catalogue);
    recordCache.set(catalogue, records);
  }
  return records;
}

// ---------------------------------------------------------------------------------------------
// CSV

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: CRLF after every record, fields with a comma, quote or line break quoted, quotes doubled; UTF-8 BOM for Excel and WPS. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const line = (row: readonly string[]) =>
    row.map((cell) => (NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
  return `\uFEFF${rows.map((row) => `${line(row)}\r\n`).join('')}`;
}

/** Spreadsheets run a cell that starts with = + - @ as a formula; a leading apostrophe keeps it text. */
function formulaSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: ExportValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => (typeof item === 'string' ? item : Object.values(item).join('，')));
    return formulaSafe(items.join(CSV_LIST_SEPARATOR));
  }
  return formulaSafe(value);
}

/** The CSV's columns: every exported field of every kind except the body text, in field-table order. */
export function csvColumns(): FieldDoc[] {
  const columns = new Map<string, FieldDoc>();
  for (const kind of KINDS) {
    for (const field of FIELD_TABLES[kind]) if (field.inCsv && !columns.has(field.key)) columns.set(field.key, field);
  }
  return [...columns.values()];
}

/** One header row of Chinese labels, then one row per entry; cells of fields another kind has are empty. */
export function toCsvRows(records: readonly ExportRecord[]): string[][] {
  const columns = csvColumns();
  return [columns.map((c) => c.label), ...records.map((record) => columns.map((c) => csvCell(record[c.key])))];
}
