import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { parseFrontmatter } from 'astro/markdown';
import type { z } from 'astro/zod';
import { ENTRY_SCHEMAS } from '../schemas/index.ts';
import { BatchSchema, ScenarioSchema, UnitSchema, type Batch, type Scenario, type Unit } from '../schemas/data.ts';
import { entrySlugFault, SLUG_PATTERN } from '../schemas/shared.ts';
import type { CourseData } from '../schemas/course.ts';
import type { CaseData } from '../schemas/case.ts';
import type { ProjectData } from '../schemas/project.ts';
import { CONTENT_DIR, DATA_FILES, KINDS, slugFromPath, type Kind } from './paths.ts';
import { yamlProblem, type Problem } from './problems.ts';
import { issuesToProblems } from './zod-messages.ts';
import { checkBody } from './sections.ts';
import { canParse, markdownToPlainText } from './char-count.ts';
import { dataFileProblems, privacyProblems } from './data-text.ts';
import { checkLocalFiles } from './files.ts';
import { readSiteSettings } from './site-settings.ts';
import { readGuides } from './guides.ts';
import { checkMarkupSafety } from './markup-safety.ts';
import { checkTreeFiles } from './tree-files.ts';

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
  catalogue: Catalogue;
}

/** Files and folders starting with `_` are drafts. */
export function isDraft(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).some((part) => part.startsWith('_'));
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .filter((file) => !isDraft(path.relative(dir, file)))
    .sort();
}

function loadDataFile<T extends z.ZodType>(
  contentDir: string,
  name: string,
  schema: T,
  keyRule: { test: (key: string) => boolean; message: string },
  problems: Problem[],
): Map<string, z.output<T>> {
  const file = path.join(contentDir, name);
  const result = new Map<string, z.output<T>>();
  if (!fs.existsSync(file)) {
    problems.push({ file, field: '(文件)', message: `找不到数据文件 ${name}，请在内容目录里创建它` });
    return result;
  }
  let raw: unknown;
  try {
    raw = yaml.load(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(yamlProblem(file, error));
    return result;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ file, field: '(文件)', message: `${name} 应当是「编号: 内容」的列表，请参照现有的写法` });
    return result;
  }
  problems.push(...dataFileProblems(file, raw));
  const knownKeys = Object.keys((schema as unknown as z.ZodObject).shape ?? {});
  for (const [key, value] of Object.entries(raw)) {
    if (!keyRule.test(key)) {
      problems.push({ file, field: key, message: keyRule.message });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      result.set(key, parsed.data);
    } else {
      const nested = parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }));
      problems.push(...issuesToProblems(file, nested, { [key]: value }, knownKeys));
    }
  }
  return result;
}

function entryKnownKeys(kind: Kind): string[] {
  const schema = ENTRY_SCHEMAS[kind] as unknown as { in?: z.ZodObject; def?: { in?: z.ZodObject } };
  // The schemas are object → refine → transform pipes; the object holds the field names.
  let inner: unknown = schema;
  for (let i = 0; i < 5 && inner && !(inner as z.ZodObject).shape; i++)
    inner = (inner as { in?: unknown }).in ?? (inner as { def?: { in?: unknown } }).def?.in;
  return Object.keys((inner as z.ZodObject | undefined)?.shape ?? {});
}

function checkReferences(entry: LoadedEntry, catalogue: Omit<Catalogue, 'entries'>): Problem[] {
  const problems: Problem[] = [];
  const { file, data } = entry;
  if (!catalogue.units.has(data.unit)) {
    problems.push({
      file,
      field: 'unit',
      message: `units.yaml 里没有编号为「${data.unit}」的申报单位，请先在 units.yaml 添加该单位，或改用已有的编号`,
    });
  }
  if (!catalogue.batches.has(data.batch)) {
    problems.push({
      file,
      field: 'batch',
      message: `没有第 ${data.batch} 批，只能填写：${[...catalogue.batches.keys()].join('、')}`,
    });
  }
  const names = [...catalogue.scenarios.values()].map((s) => s.name);
  data.scenarios.forEach((name, i) => {
    if (!names.includes(name)) {
      problems.push({
        file,
        field: `scenarios[${i}]`,
        message: `没有「${name}」这个应用场景，只能从这些里选：${names.join('、')}`,
      });
    }
  });
  return problems;
}

function loadEntry(kind: Kind, file: string, contentDir: string, problems: Problem[]): LoadedEntry | undefined {
  const source = fs.readFileSync(file, 'utf8');
  let frontmatter: Record<string, unknown>;
  let body: string;
  try {
    const parsed = parseFrontmatter(source);
    frontmatter = parsed.frontmatter;
    body = parsed.content;
  } catch (error) {
    problems.push(yamlProblem(file, error));
    return undefined;
  }
  if (Object.keys(frontmatter).length === 0) {
    problems.push({
      file,
      field: '(frontmatter)',
      message: '文件开头缺少用 --- 包起来的字段区，请用 npm run new 生成新条目再填写',
    });
    return undefined;
  }
  problems.push(...privacyProblems(file, frontmatter));
  // The body as written and as shown: `**138**00138000` reads as one number on the page.
  const shown = canParse(body) ? `\n${markdownToPlainText(body)}` : '';
  problems.push(...privacyProblems(file, `${body}${shown}`).map((p) => ({ ...p, field: '正文' })));
  for (const p of checkMarkupSafety(frontmatter, body)) problems.push({ file, ...p });
  for (const section of checkBody(kind, body)) problems.push({ file, ...section });

  const parsed = ENTRY_SCHEMAS[kind].safeParse(frontmatter);
  if (!parsed.success) {
    problems.push(...issuesToProblems(file, parsed.error.issues, frontmatter, entryKnownKeys(kind)));
    return undefined;
  }
  for (const p of checkLocalFiles(file, parsed.data, contentDir)) problems.push({ file, ...p });
  return { kind, slug: slugFromPath(file), file, data: parsed.data, body } as LoadedEntry;
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
  const batches = new Map([...batchesById].map(([key, value]) => [Number(key), value]));
  const catalogue: Catalogue = { units, batches, scenarios, entries: [] };

  for (const kind of KINDS) {
    const dir = path.join(contentDir, kind);
    const slugs = new Map<string, string>();
    for (const file of listFiles(dir)) {
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
      const entry = loadEntry(kind, file, contentDir, problems);
      if (entry) {
        // The bodies are most of the catalogue's memory; a caller that only needs the checks can let them go.
        if (!keepBodies) entry.body = '';
        problems.push(...checkReferences(entry, catalogue));
        catalogue.entries.push(entry);
      }
    }
  }
  const slugsByKind = new Set(catalogue.entries.map((e) => `${e.kind}/${e.slug}`));
  problems.push(...readGuides(contentDir, (kind, slug) => slugsByKind.has(`${kind}/${slug}`)).problems);
  return { problems, catalogue };
}

/** The province of an entry comes from its unit. */
export function provinceOf(entry: LoadedEntry, units: Map<string, Unit>): Unit['province'] {
  return units.get(entry.data.unit)!.province;
}
