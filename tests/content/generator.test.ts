import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { provinceOf, validateContent, type ContentReport, type LoadedEntry } from '../../src/checks/validator.ts';
import { outlineBody, BODY_RULES } from '../../src/markdown/sections.ts';
import { KINDS } from '../../src/config/paths.ts';
import { RESOURCE_TYPES } from '../../src/schemas/course.ts';
import { PROVINCES } from '../../src/schemas/provinces.ts';
import { STATUSES } from '../../src/schemas/shared.ts';
import { findSearchablePages } from '../../scripts/build/search-index.ts';
import { OUTPUT, run } from '../helpers/run.ts';

const TREE = path.join(OUTPUT, 'generated-200');
const SAME_SEED = path.join(OUTPUT, 'generated-200-same-seed');
const OTHER_SEED = path.join(OUTPUT, 'generated-200-other-seed');
const BUILD = path.join(OUTPUT, 'generated-200-build');
const SEED = '42';

const generate = (count: number, dir: string, seed = SEED) =>
  run('npm', ['run', '--silent', 'generate', '--', String(count), dir, '--seed', seed]);

/** Every file of a tree, by relative path, with a hash of its bytes. */
function hashTree(dir: string): Map<string, string> {
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
  return new Map(
    files
      .map(
        (file) =>
          [path.relative(dir, file), crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')] as const,
      )
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const isCourse = (entry: LoadedEntry): entry is LoadedEntry<'courses'> => entry.kind === 'courses';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('npm run generate', () => {
  let report: ContentReport;

  beforeAll(() => {
    const result = generate(200, TREE);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/已生成 200 条合成内容/);
    report = validateContent(TREE);
  });

  it('writes a tree that npm run validate accepts', () => {
    const result = run('npm', ['run', '--silent', 'validate'], { CONTENT_DIR: TREE });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('内容检查通过');
    expect(report.problems).toEqual([]);
    expect(report.catalogue.entries).toHaveLength(200);
  });

  it('keeps the ratio cases : projects : courses = 1 : 2 : 5', () => {
    const count = (kind: string) => report.catalogue.entries.filter((e) => e.kind === kind).length;
    expect({ cases: count('cases'), projects: count('projects'), courses: count('courses') }).toEqual({
      cases: 25,
      projects: 50,
      courses: 125,
    });
  });

  it('spreads 200 entries over all 33 provinces and every scenario', () => {
    const { entries, units, scenarios } = report.catalogue;
    const provinces = new Set(entries.map((entry) => provinceOf(entry, units)));
    expect([...provinces].sort()).toEqual(PROVINCES.map((p) => p.name).sort());
    const used = new Set(entries.flatMap((entry) => entry.data.scenarios));
    expect([...used].sort()).toEqual([...scenarios.values()].map((s) => s.name).sort());
  });

  it('spreads entries over batches, statuses, resource types, sharing, featured and withdrawn', () => {
    const { entries, batches } = report.catalogue;
    const values = (pick: (entry: LoadedEntry) => unknown) => new Set(entries.map(pick));
    expect(values((e) => e.data.batch)).toEqual(new Set(batches.keys()));
    expect(values((e) => e.data.status)).toEqual(new Set(STATUSES));
    expect(values((e) => e.data.featured)).toEqual(new Set([true, false]));
    expect(values((e) => e.data.withdrawn)).toEqual(new Set([true, false]));
    const courses = entries.filter(isCourse).map((e) => e.data);
    // A course may be of several types (融媒体: a reader and videos); every type is used.
    expect(new Set(courses.flatMap((c) => c.resourceType))).toEqual(new Set(RESOURCE_TYPES));
    expect(new Set(courses.map((c) => c.shared))).toEqual(new Set([true, false]));
  });

  it('links every non-shared course to its page on example.com', () => {
    for (const { data, slug } of report.catalogue.entries.filter(isCourse)) {
      if (!data.shared) expect(data.link).toBe(`https://example.com/zhulao/${slug}/`);
    }
  });

  it('dates every entry inside its batch window', () => {
    const windows: Record<number, [string, string]> = {
      1: ['2021-08-01', '2021-10-31'],
      2: ['2021-11-01', '2022-05-31'],
      3: ['2022-06-01', '2022-09-15'],
    };
    for (const { data, file } of report.catalogue.entries) {
      const day = data.recommendedOn.toISOString().slice(0, 10);
      const [opens, closes] = windows[data.batch]!;
      expect(day >= opens && day <= closes, `${file}: ${day} outside batch ${data.batch}`).toBe(true);
    }
  });

  it('writes bodies near the 字 limits', () => {
    for (const { kind, body, file } of report.catalogue.entries) {
      const outline = outlineBody(body);
      expect(outline.chars, file).toBeLessThanOrEqual(BODY_RULES[kind].max);
      if (kind === 'cases') {
        for (const rule of BODY_RULES.cases.required) {
          const section = outline.sections.find((s) => s.name === rule.name)!;
          expect(section.chars, `${file} ${rule.name}`).toBeGreaterThanOrEqual(rule.max! * 0.8);
        }
      }
      if (kind === 'projects') expect(outline.chars, file).toBeGreaterThanOrEqual(1900);
      if (kind === 'courses') expect(outline.chars, file).toBeGreaterThanOrEqual(1400);
    }
  });

  it('uses fictional units only, and marks the tree as sample content', () => {
    for (const unit of report.catalogue.units.values()) expect(unit.name).toContain('示例');
    expect(fs.readFileSync(path.join(TREE, 'site.yaml'), 'utf8')).toMatch(/^sampleContent: true$/m);
  });

  it('gives byte-identical files for the same seed, and different content for another seed', () => {
    expect(generate(200, SAME_SEED).status).toBe(0);
    expect(generate(200, OTHER_SEED, '43').status).toBe(0);
    const first = hashTree(TREE);
    expect(first.size).toBeGreaterThan(200);
    expect(hashTree(SAME_SEED)).toEqual(first);
    const other = hashTree(OTHER_SEED);
    const entryFiles = [...first.keys()].filter((file) => file.endsWith('.md'));
    const changed = entryFiles.filter((file) => other.get(file) !== first.get(file));
    expect(changed.length).toBeGreaterThan(entryFiles.length / 2);
  });

  it('refuses a non-empty folder that it did not generate, and replaces one that it did', () => {
    const foreign = path.join(OUTPUT, 'generated-refuse');
    fs.rmSync(foreign, { recursive: true, force: true });
    fs.mkdirSync(foreign, { recursive: true });
    fs.writeFileSync(path.join(foreign, 'units.yaml'), 'real: content\n');
    const refused = generate(8, foreign);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('不是空目录');
    expect(fs.readdirSync(foreign)).toEqual(['units.yaml']);
    expect(fs.readFileSync(path.join(foreign, 'units.yaml'), 'utf8')).toBe('real: content\n');

    const again = path.join(OUTPUT, 'generated-again');
    expect(generate(40, again).status).toBe(0);
    expect(generate(8, again).status).toBe(0);
    // Entries, beside the images/ folder of their cover photos.
    const entries = KINDS.flatMap((kind) => fs.readdirSync(path.join(again, kind)).filter((f) => f.endsWith('.md')));
    expect(entries).toHaveLength(8);
  });

  it('rejects a count that is not a positive integer, in Chinese', () => {
    const result = run('npm', ['run', '--silent', 'generate', '--', 'abc', path.join(OUTPUT, 'generated-bad')]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('条目数「abc」不对');
  });
});

describe('a generated tree of 200 entries', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(TREE, 'units.yaml'))) expect(generate(200, TREE).status).toBe(0);
    const result = run('npx', ['astro', 'build', '--outDir', BUILD], { CONTENT_DIR: TREE });
    expect(result.status, result.output).toBe(0);
  });

  it('builds, with a page for every entry', () => {
    const { entries } = validateContent(TREE).catalogue;
    expect(entries).toHaveLength(200);
    for (const entry of entries) {
      const page = path.join(BUILD, entry.kind, entry.slug, 'index.html');
      expect(fs.existsSync(page), page).toBe(true);
      expect(fs.readFileSync(page, 'utf8'), page).toContain(escape(entry.data.title));
    }
  });

  it('marks for search the entry pages and the first page of each scenario and province, and nothing else', () => {
    const searchable = findSearchablePages(BUILD);
    const { entries, scenarios } = validateContent(TREE).catalogue;
    const scenarioPages = [...scenarios.keys()].map((slug) => `scenarios/${slug}/index.html`);
    // The test means something only if some scenario has a second page.
    expect(
      scenarioPages.some((page) => fs.existsSync(path.join(BUILD, page.replace('index.html', '2/index.html')))),
    ).toBe(true);
    expect(searchable).toEqual(
      [
        ...entries.map((entry) => `${entry.kind}/${entry.slug}/index.html`),
        ...scenarioPages,
        // A province page is found by the province's name: its first page, for each province with entries.
        ...fs
          .readdirSync(path.join(BUILD, 'provinces'), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => `provinces/${d.name}/index.html`),
        // The generator writes no glossary; a tree with one has its page searched too.
        ...(fs.existsSync(path.join(TREE, 'glossary.yaml')) ? ['glossary/index.html'] : []),
      ].sort(),
    );
  });
});
