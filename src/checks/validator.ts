import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { ENTRY_SCHEMAS } from '../schemas/index.ts';
import { BatchSchema, ScenarioSchema, UnitSchema, type Batch, type Scenario, type Unit } from '../schemas/data.ts';
import { entrySlugFault, SLUG_PATTERN } from '../core/slugs.ts';
import type { CourseData } from '../schemas/course.ts';
import type { CaseData } from '../schemas/case.ts';
import type { ProjectData } from '../schemas/project.ts';
import { CONTENT_DIR, DATA_FILES, KINDS, slugFromPath, type Kind } from '../config/paths.ts';
import { formatFieldPath, type Problem } from '../report/problems.ts';
import { decodeUtf8, lineOfField, readEntryText, readYamlText, type FieldLines } from './frontmatter.ts';
import { readDay, todayInChina, formatDay } from '../core/dates.ts';
import { issuesToProblems } from './zod-messages.ts';
import { checkBody } from '../markdown/sections.ts';
import { renderMarkdown } from '../markdown/pipeline.ts';
import { dataFileProblems } from './data-text.ts';
import { checkEntryPrivacy, checkTreePrivacy } from './privacy-check.ts';
import { checkBodyImages, checkLocalFiles, type DeferredInspection } from './entry-files.ts';
import { inspectFilesSync } from './file-checks.ts';
import { readSiteSettings } from './site-settings.ts';
import { readGuides } from './guides.ts';
import { checkMarkupSafety } from './markup-safety.ts';
import { checkTreeFiles } from './tree-files.ts';
import { unitIdForName } from './unit-names.ts';
import { insecureLinkNotes } from '../markdown/link-notes.ts';

export interface EntryDataByKind {
  courses: CourseData;
  cases: CaseData;
  projects: ProjectData;
}

export interface LoadedEntry<K extends Kind = Kind> {
  kind: K;
  slug: string;
  file: string;
  data: EntryDataByKind[K];
  body: string;
}

export interface Catalogue {
  units: Map<string, Unit>;
  batches: Map<number, Batch>;
  /** Keyed by slug */
  scenarios: Map<string, Scenario>;
  entries: LoadedEntry[];
}

export interface ContentReport {
  problems: Problem[];
  /** Not errors: http:// links, which the site marks 不加密 (link-notes.ts); listed by `npm run validate` */
  notes: Problem[];
  catalogue: Catalogue;
}

/** The 1-based line of a position in a text. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Files and folders starting with `_` are drafts. */
export function isDraft(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).some((part) => part.startsWith('_'));
}

/**
 * The published file of a kind with this slug, wherever it sits under the kind's folder, or undefined:
 * `npm run new` and `npm run import` never write over it.
 */
export function findEntryFile(contentDir: string, kind: Kind, slug: string): string | undefined {
  const dir = path.join(contentDir, kind);
  const target = path.join(dir, `${slug}.md`);
  if (fs.existsSync(target)) return target;
  return entryFilesOf(contentDir, kind).find((file) => path.basename(file).replace(/\.mdx?$/i, '') === slug);
}

/** Names from scenarios.yaml for a scaffold's comment; a broken file is left for `npm run validate` to report. */
export function scenarioNames(contentDir: string): string[] {
  try {
    const raw = yaml.load(fs.readFileSync(path.join(contentDir, DATA_FILES.scenarios), 'utf8'));
    if (raw === null || typeof raw !== 'object') return [];
    return Object.values(raw as Record<string, { name?: unknown }>)
      .map((s) => s?.name)
      .filter((name): name is string => typeof name === 'string');
  } catch {
    return [];
  }
}

/** Every file under a kind's folder, subfolders included, drafts (`_…`) left out, sorted. */
export function filesOfKind(contentDir: string, kind: string): string[] {
  const dir = path.join(contentDir, kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .filter((file) => !isDraft(path.relative(dir, file)))
    .sort();
}

/** The entry files of a kind: .md, and .mdx, which the check refuses with a message of its own. */
export function entryFilesOf(contentDir: string, kind: string): string[] {
  return filesOfKind(contentDir, kind).filter((file) => /\.mdx?$/i.test(file));
}

/** Gives each problem about a field the line where that field is written. */
function withLines(problems: Problem[], where: FieldLines, paths: Map<string, readonly PropertyKey[]>): Problem[] {
  return problems.map((p) => {
    if (p.line) return p;
    const path =
      paths.get(p.field) ??
      p.field
        .split(/\.|\[(\d+)\]/)
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const line = lineOfField(where, path);
    return line ? { ...p, line } : p;
  });
}

/** What a data file gave: its records, and what is known about the ones that could not be read. */
interface DataFile<T> {
  records: Map<string, T>;
  /** The file itself could not be read: references to it are not checked, so one fault is reported once */
  unreadable: boolean;
  /** Keys whose record is wrong (already reported): entries that name them are not reported again */
  faulty: Set<string>;
}

function loadDataFile<T extends z.ZodType>(
  contentDir: string,
  name: string,
  schema: T,
  keyRule: { test: (key: string) => boolean; message: string },
  problems: Problem[],
): DataFile<z.output<T>> {
  const file = path.join(contentDir, name);
  const result: DataFile<z.output<T>> = { records: new Map(), unreadable: true, faulty: new Set() };
  if (!fs.existsSync(file)) {
    problems.push({ file, field: '(文件)', message: `找不到数据文件 ${name}，请在内容目录里创建它` });
    return result;
  }
  const decoded = decodeUtf8(fs.readFileSync(file));
  if (!decoded.ok) {
    problems.push({ file, field: '(文件)', message: decoded.problem.message });
    return result;
  }
  const read = readYamlText(decoded.text);
  if (!read.ok) {
    for (const p of read.problems) problems.push({ file, field: '(文件)', line: p.line, message: p.message });
    return result;
  }
  const raw = read.data;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ file, field: '(文件)', message: `${name} 应当是「编号: 内容」的列表，请参照现有的写法` });
    return result;
  }
  result.unreadable = false;
  problems.push(...withLines(dataFileProblems(file, raw), read, new Map()));
  const fileSchema = z.record(z.string(), schema);
  for (const [key, value] of Object.entries(raw)) {
    if (!keyRule.test(key)) {
      problems.push({ file, field: key, message: keyRule.message, line: read.keyLines.get(key) });
      result.faulty.add(key);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      result.records.set(key, parsed.data);
    } else {
      result.faulty.add(key);
      const nested = parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }));
      problems.push(
        ...issuesToProblems(file, nested, { [key]: value }, fileSchema).map((p, i) => ({
          ...p,
          line: lineOfField(read, nested[Math.min(i, nested.length - 1)]!.path),
        })),
      );
    }
  }
  return result;
}

/** The data files as entries refer to them. */
interface References {
  units: DataFile<Unit>;
  batches: DataFile<Batch>;
  scenarios: DataFile<Scenario>;
}

/**
 * Entries' references to the data files, checked on the fields as written, even when other fields are wrong.
 * A reference is not reported when its target is already reported (a faulty record or an unreadable file), nor
 * when the field itself already failed its own rule (`skip`).
 */
function checkReferences(file: string, data: Record<string, unknown>, refs: References, skip: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const { unit, batch, scenarios } = data;
  if (typeof unit === 'string' && !skip.has('unit') && !refs.units.unreadable) {
    const id = unit.trim();
    if (!refs.units.records.has(id) && !refs.units.faulty.has(id)) {
      problems.push({
        file,
        field: 'unit',
        message: `units.yaml 里没有编号为「${id}」的申报单位，请先在 units.yaml 添加该单位，或改用已有的编号`,
      });
    }
  }
  if (typeof batch === 'number' && !skip.has('batch') && !refs.batches.unreadable) {
    if (!refs.batches.records.has(String(batch)) && !refs.batches.faulty.has(String(batch))) {
      problems.push({
        file,
        field: 'batch',
        message: `没有第 ${batch} 批，只能填写：${[...refs.batches.records.keys()].join('、')}`,
      });
    }
  }
  if (Array.isArray(scenarios) && !refs.scenarios.unreadable && refs.scenarios.faulty.size === 0) {
    const names = [...refs.scenarios.records.values()].map((s) => s.name);
    scenarios.forEach((name, i) => {
      if (typeof name === 'string' && !skip.has(`scenarios[${i}]`) && !names.includes(name.trim())) {
        problems.push({
          file,
          field: `scenarios[${i}]`,
          message: `没有「${name}」这个应用场景，只能从这些里选：${names.join('、')}`,
        });
      }
    });
  }
  return problems;
}

/** Recommended and updated days cannot be after today in China. Only validation reads the clock. */
function futureDateProblems(file: string, data: Record<string, unknown>, today: Date): Problem[] {
  return (['recommendedOn', 'addedOn', 'updatedOn'] as const).flatMap((field): Problem[] => {
    const value = data[field];
    const day = typeof value === 'string' ? readDay(value) : undefined;
    if (!day?.ok || day.date <= today) return [];
    return [
      {
        file,
        field,
        message: `「${value}」还没到（今天是 ${formatDay(today)}，按北京时间），请填写已经过去的日期`,
      },
    ];
  });
}

/** Decodes every image and reads every video the entries name, in one child process; each file once. */
function inspectDeferred(deferred: readonly DeferredInspection[]): Problem[] {
  const key = (d: DeferredInspection) => `${d.kind} ${d.path} ${d.value}`;
  const unique = [...new Map(deferred.map((d) => [key(d), d])).values()];
  const messages = new Map(inspectFilesSync(unique).map((found, i) => [key(unique[i]!), found]));
  return deferred.flatMap((d) =>
    (messages.get(key(d)) ?? []).map((message) => ({ file: d.entry, field: d.field, message })),
  );
}

/** The file line where the body starts: after the closing `---` and the blank lines that Astro trims. */
function bodyFirstLine(text: string, entry: FieldLines): number {
  const all = text.split(/\r?\n/);
  let index = entry.firstLine + entry.lines.length; // 0-based: the line after the closing ---
  while (index < all.length && all[index]!.trim() === '') index++;
  return index + 1;
}

function loadEntry(
  kind: Kind,
  file: string,
  contentDir: string,
  problems: Problem[],
  refs: References,
  today: Date,
  deferred: DeferredInspection[],
  notes: Problem[],
): LoadedEntry | undefined {
  const decoded = decodeUtf8(fs.readFileSync(file));
  if (!decoded.ok) {
    problems.push({ file, field: '(文件)', message: decoded.problem.message });
    return undefined;
  }
  const read = readEntryText(decoded.text);
  if (!read.ok) {
    for (const p of read.problems) problems.push({ file, field: '(frontmatter)', line: p.line, message: p.message });
    // The privacy rule reads the file as written even when its YAML cannot be read.
    problems.push(...checkEntryPrivacy(file, decoded.text));
    return undefined;
  }
  const { data: frontmatter, body } = read.entry;
  if (Object.keys(frontmatter).length === 0) {
    problems.push({
      file,
      field: '(frontmatter)',
      message: '文件开头的字段区是空的，请用 npm run new 生成新条目再填写',
    });
    return undefined;
  }
  const found: Problem[] = [];
  // Rendered once, by the pipeline Astro renders it with (src/markdown/pipeline.ts): the body checks read it.
  const rendered = renderMarkdown(body, { fileURL: pathToFileURL(file) });
  const firstLine = bodyFirstLine(decoded.text, read.entry);
  // Every field, the frontmatter as written (comments too), the body as written and as shown.
  found.push(
    ...checkEntryPrivacy(file, decoded.text, {
      frontmatter,
      body,
      bodyFirstLine: firstLine,
      fields: read.entry,
      html: rendered.html,
    }),
  );
  const markup = checkMarkupSafety(frontmatter, body, { rendered, firstLine });
  for (const p of markup) found.push({ file, ...p });
  for (const p of checkBodyImages(file, rendered.localImagePaths, contentDir, deferred)) found.push({ file, ...p });
  // HTML in the body changes its outline (an HTML block can swallow every heading after it): the sections are
  // judged as the body will read once its HTML is deleted, which is what the markup problem asks for.
  const htmlInBody = markup.some((p) => p.field.startsWith('正文'));
  for (const section of checkBody(kind, htmlInBody ? withoutHtml(body) : body)) found.push({ file, ...section });

  // A unit's name written where its id belongs means that unit (the build's loader reads it the same way).
  const unitId = unitIdForName(frontmatter.unit, refs.units.records);
  if (unitId) frontmatter.unit = unitId;
  const parsed = ENTRY_SCHEMAS[kind].safeParse(frontmatter);
  const failed = new Set<string>();
  const paths = new Map<string, readonly PropertyKey[]>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = formatFieldPath(issue.path) || '(frontmatter)';
      failed.add(field);
      paths.set(field, issue.path);
    }
    found.push(...issuesToProblems(file, parsed.error.issues, frontmatter, ENTRY_SCHEMAS[kind]));
  }
  // The other checks run on the fields as written, so that one run lists every problem.
  const media = Object.fromEntries(
    (['cover', 'video', 'captions', 'file'] as const)
      .filter((f) => typeof frontmatter[f] === 'string' && !failed.has(f))
      .map((f) => [f, (frontmatter[f] as string).trim()]),
  );
  for (const p of checkLocalFiles(file, media, contentDir, deferred)) found.push({ file, ...p });
  found.push(...checkReferences(file, frontmatter, refs, failed));
  found.push(...futureDateProblems(file, frontmatter, today).filter((p) => !failed.has(p.field)));
  problems.push(...withLines(found, read.entry, paths));
  if (!parsed.success) return undefined;
  // Read now, while the body's syntax tree from checkBody is still at hand (plain-text.ts keeps the last few).
  notes.push(...insecureLinkNotes(file, 'link' in parsed.data ? parsed.data.link : undefined, body));
  return { kind, slug: slugFromPath(file), file, data: parsed.data, body } as LoadedEntry;
}

/**
 * The body with its HTML comments and tags deleted, line numbers kept. Linear: each comment is closed by the
 * first `-->` after it, and a tag never spans lines.
 */
export function withoutHtml(body: string): string {
  let kept = '';
  let at = 0;
  for (let open = body.indexOf('<!--'); open >= 0; open = body.indexOf('<!--', at)) {
    kept += body.slice(at, open);
    const close = body.indexOf('-->', open + 4);
    const end = close < 0 ? body.length : close + 3;
    kept += body.slice(open, end).replace(/[^\n]/g, '');
    at = end;
  }
  kept += body.slice(at);
  return kept.replace(/<\/?[A-Za-z][^<>\n]*>/g, '');
}

/**
 * Reads and checks a whole content tree: data files, every entry's fields, sections, 字 limits, privacy,
 * local files and references. Every problem is reported, not only the first. With `keepBodies: false` the
 * entries come back with empty bodies, for callers that need only the problems and the fields.
 */
export function validateContent(
  contentDir: string = CONTENT_DIR,
  { keepBodies = true }: { keepBodies?: boolean } = {},
): ContentReport {
  const problems: Problem[] = fs.existsSync(contentDir) ? checkTreeFiles(contentDir) : [];
  problems.push(...readSiteSettings(contentDir).problems);
  const units = loadDataFile(
    contentDir,
    DATA_FILES.units,
    UnitSchema,
    {
      test: (key) => SLUG_PATTERN.test(key),
      message: '单位编号只能用小写字母、数字和短横线，例如 shili-laonian-kaifang-daxue',
    },
    problems,
  );
  const batchesById = loadDataFile(
    contentDir,
    DATA_FILES.batches,
    BatchSchema,
    {
      test: (key) => /^[1-9]\d*$/.test(key),
      message: '批次编号只能是正整数，例如 1',
    },
    problems,
  );
  const scenarios = loadDataFile(
    contentDir,
    DATA_FILES.scenarios,
    ScenarioSchema,
    {
      test: (key) => SLUG_PATTERN.test(key),
      message: '场景编号只能用小写拼音和短横线，例如 jiuyi',
    },
    problems,
  );
  const batches = new Map([...batchesById.records].map(([key, value]) => [Number(key), value]));
  const refs: References = { units, batches: batchesById, scenarios };
  const catalogue: Catalogue = { units: units.records, batches, scenarios: scenarios.records, entries: [] };
  const readAsEntries = new Set<string>();
  const today = todayInChina();

  const deferred: DeferredInspection[] = [];
  const notes: Problem[] = [];
  for (const kind of KINDS) {
    const dir = path.join(contentDir, kind);
    const slugs = new Map<string, string>();
    for (const file of filesOfKind(contentDir, kind)) {
      if (/\.mdx$/i.test(file)) {
        problems.push({
          file,
          field: '(文件)',
          message:
            '条目只能是 .md 文件：.mdx 会在构建时运行代码，出于安全不接受，请把扩展名改为 .md 并删去其中的 import、export 和组件',
        });
        continue;
      }
      if (!/\.md$/i.test(file)) continue;
      const slug = slugFromPath(file);
      const fault = entrySlugFault(slug);
      if (fault === 'pattern' || !file.endsWith('.md')) {
        problems.push({
          file,
          field: '(文件名)',
          message: `文件名「${path.basename(file)}」不合规：文件名就是网址，只能用小写英文字母、数字和短横线（至少有一个字母），例如 shouji-guahao.md`,
        });
        continue;
      }
      if (fault === 'reserved') {
        problems.push({ file, field: '(文件名)', message: `「${slug}」是网站保留的网址，请换一个文件名` });
        continue;
      }
      if (slugs.has(slug)) {
        problems.push({
          file,
          field: '(文件名)',
          message: `与 ${path.relative(dir, slugs.get(slug)!)} 重名：同一类内容的文件名不能重复，请换一个文件名`,
        });
        continue;
      }
      slugs.set(slug, file);
      readAsEntries.add(file);
      const entry = loadEntry(kind, file, contentDir, problems, refs, today, deferred, notes);
      if (entry) {
        // The bodies are most of the catalogue's memory; a caller that only needs the checks can let them go.
        if (!keepBodies) entry.body = '';
        catalogue.entries.push(entry);
      }
    }
  }
  problems.push(...inspectDeferred(deferred));
  const slugsByKind = new Set(catalogue.entries.map((e) => `${e.kind}/${e.slug}`));
  problems.push(...readGuides(contentDir, (kind, slug) => slugsByKind.has(`${kind}/${slug}`)).problems);
  // Everything else a reader or a visitor of the repository sees: data files and their comments, captions,
  // SVG text, drafts. Entries were checked as they were read.
  problems.push(...checkTreePrivacy(contentDir, (file) => readAsEntries.has(file)));
  return { problems, notes, catalogue };
}

/** The province of an entry comes from its unit. */
export function provinceOf(entry: LoadedEntry, units: Map<string, Unit>): Unit['province'] {
  return units.get(entry.data.unit)!.province;
}
