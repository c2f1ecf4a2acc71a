import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../fixtures/entries.ts';
import { OUTPUT, ROOT, run, type RunResult } from '../helpers/run.ts';
import { KINDS, type Kind } from '../../src/config/paths.ts';
import { checkBody } from '../../src/markdown/sections.ts';
import { ENTRY_SCHEMAS } from '../../src/schemas/index.ts';
import { fieldAt } from '../../src/schemas/contract.ts';
import {
  TEMPLATE_DIR,
  TEMPLATE_FILES,
  TEMPLATE_OPTIONS,
  entryFields,
  isOptionalField,
  parseKind,
  scaffoldEntry,
  slugProblem,
} from '../../src/authoring/scaffold.ts';

const DATE = '2021-10-20';
const treeDir = (name: string) => path.join(OUTPUT, 'new-entry', name);
const newEntry = (dir: string, args: string[], input?: string): RunResult => {
  const result = spawnSync('npm', ['run', '--silent', 'new', ...(args.length > 0 ? ['--', ...args] : [])], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: dir, FORCE_COLOR: '0', NO_COLOR: '1' },
    input: input ?? '',
    encoding: 'utf8',
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
  };
};
const validate = (dir: string) => run('npm', ['run', '--silent', 'validate'], { CONTENT_DIR: dir });

/** Files under a tree, to show that a refused command wrote nothing. */
const listing = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).sort();

/** What validation must name in a fresh scaffold: every placeholder. */
const PLACEHOLDERS: Record<Kind, string[]> = {
  courses: ['title', 'summary', 'unit', 'batch', 'scenarios', 'resourceType', 'themes', 'shared', '正文'],
  cases: [
    'title',
    'summary',
    'unit',
    'batch',
    'scenarios',
    'areas',
    '正文',
    '正文「基本情况」',
    '正文「主要做法」',
    '正文「经验效果」',
  ],
  projects: [
    'title',
    'summary',
    'unit',
    'batch',
    'scenarios',
    'instructors[0].name',
    'instructors[0].affiliation',
    'instructors[0].position',
    'cohorts',
    'participants',
    '正文',
    '正文「培训内容」',
    '正文「培训效果」',
  ],
};

const SLUGS: Record<Kind, { arg: string; slug: string }> = {
  courses: { arg: 'course', slug: 'shouji-cha-gongjiao' },
  cases: { arg: 'case', slug: 'shequ-zhulao-fuwuzhan' },
  projects: { arg: 'project', slug: 'yinling-shuzi-ketang' },
};

/** What a member of staff would type over each placeholder. */
const FILLED: Record<string, string> = {
  title: '用手机查公交到站时间',
  summary: '学会在手机上查公交车还有几站到，少在寒风里等车。',
  unit: 'zhejiang-shili-laonian-kaida',
  batch: '2',
  scenarios: '[出行]',
  resourceType: '教材（读本）',
  themes: '[智能手机应用]',
  shared: 'true',
  areas: '[学习体验, 线上线下教育]',
  name: '李华',
  affiliation: '浙江示例市老年开放大学',
  position: '讲师',
  cohorts: '6',
  participants: '180',
};

/** Replaces each placeholder value and each 在这里写… prompt, and switches on the optional fields that need no file. */
function fillIn(text: string): string {
  return text
    .replace(/^( *(?:- )?)(\w+): (.*)$/gm, (line, lead: string, key: string) =>
      key in FILLED ? `${lead}${key}: ${FILLED[key]}` : line,
    )
    .replace(/^# (featured|license|withdrawn): /gm, '$1: ')
    .replace(/<!-- 在这里写.*? -->/g, '这里按申报表的要求，一步一步写清楚老年人最常问的问题。');
}

describe('scaffoldEntry', () => {
  it.each(KINDS)(
    'lists every %s field once, commented out exactly when optional, each with its label and hint',
    (kind) => {
      const text = scaffoldEntry(kind, { slug: 'shili', date: DATE });
      const lines = text.split('\n');
      for (const name of entryFields(kind)) {
        const at = lines.flatMap((line, i) => (new RegExp(`^(# )?${name}:`).test(line) ? [i] : []));
        expect(at, `${name} in:\n${text}`).toHaveLength(1);
        const line = lines[at[0]!]!;
        expect(line.startsWith('# '), name).toBe(isOptionalField(kind, name));
        const comment = lines.slice(0, at[0]).findLast((l) => l.startsWith('# ') && l.includes('【'))!;
        const field = fieldAt(ENTRY_SCHEMAS[kind], [name]).contract!;
        expect(comment).toContain(`# ${field.label}【${isOptionalField(kind, name) ? '可选' : '必填'}`);
        expect(comment).toContain(field.hint);
      }
    },
  );

  it.each(KINDS)('parses as YAML, with only the required %s fields switched on', (kind) => {
    const { frontmatter } = parseFrontmatter(scaffoldEntry(kind, { slug: 'shili', date: DATE }));
    expect(Object.keys(frontmatter).sort()).toEqual(
      entryFields(kind)
        .filter((f) => !isOptionalField(kind, f))
        .sort(),
    );
    const day = (value: unknown) => new Date(value as string | Date).toISOString().slice(0, 10);
    expect(day(frontmatter.recommendedOn)).toBe(DATE);
    expect(day(frontmatter.updatedOn)).toBe(DATE);
  });

  it.each(KINDS)('has %s placeholders that the schema rejects and sections that count as empty', (kind) => {
    const { frontmatter, content } = parseFrontmatter(scaffoldEntry(kind, { slug: 'shili', date: DATE }));
    const parsed = ENTRY_SCHEMAS[kind].safeParse(frontmatter);
    expect(parsed.success).toBe(false);
    const fields = parsed.error!.issues.map((issue) =>
      issue.path.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${String(s)}`)).join(''),
    );
    const body = checkBody(kind, content).map((p) => p.field);
    expect([...new Set([...fields, ...body])].sort()).toEqual([...PLACEHOLDERS[kind]].sort());
  });

  it('lists the scenarios of the tree when it is given them', () => {
    const text = scaffoldEntry('courses', { slug: 'shili', date: DATE, scenarioNames: ['出行', '就医'] });
    expect(text).toContain('现有的场景：出行、就医');
  });

  it('reads the kind the way staff write it', () => {
    expect(parseKind('course')).toBe('courses');
    expect(parseKind('Cases')).toBe('cases');
    expect(parseKind('3')).toBe('projects');
    expect(parseKind('课程')).toBe('courses');
    expect(parseKind('kecheng')).toBeUndefined();
  });

  it('refuses slugs that validation would reject', () => {
    expect(slugProblem('shouji-guahao')).toBeUndefined();
    expect(slugProblem('_caogao')).toContain('草稿');
    for (const bad of ['Shouji_Guahao', '手机挂号', 'shouji guahao', '12306', '-shouji', 'tuijie', '']) {
      expect(slugProblem(bad), bad).toBeDefined();
    }
  });
});

describe('npm run new', () => {
  it.each(KINDS)('scaffolds a %s that fails validation naming each placeholder, and passes once filled in', (kind) => {
    const dir = makeTree(treeDir(kind));
    const { arg, slug } = SLUGS[kind];
    const created = newEntry(dir, [arg, slug, '--date', DATE]);
    expect(created.status, created.output).toBe(0);

    const file = path.join(dir, kind, `${slug}.md`);
    const shown = path.relative(ROOT, file);
    expect(created.stdout).toContain(shown);
    expect(created.stdout).toContain('npm run validate');
    expect(created.stdout).toContain('npm start');
    expect(fs.existsSync(path.join(ROOT, 'content', kind, `${slug}.md`))).toBe(false);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain(`recommendedOn: ${DATE}`);
    // --date is the recommendation date; the day it is added to the site is today (in China, as validate reads it)
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const added = /^addedOn: (\S+)$/m.exec(text)?.[1];
    expect([today, new Date().toISOString().slice(0, 10)]).toContain(added);
    expect(text).toContain('现有的场景：出行、就医、消费、文娱、办事、手机入门、防骗安全');

    const fresh = validate(dir);
    expect(fresh.status, fresh.output).not.toBe(0);
    const reported = fresh.stderr.split('\n').filter((line) => line.includes(' — '));
    for (const field of PLACEHOLDERS[kind]) {
      expect(
        reported.some((line) => line.includes(`${shown}:${field} — `)),
        `${field} not named in:\n${fresh.stderr}`,
      ).toBe(true);
    }
    // Only the new file is wrong, and every line says in Chinese what to do
    expect(reported.every((line) => line.includes(shown) && /[\u4e00-\u9fff]/.test(line))).toBe(true);
    expect(fresh.stderr).not.toMatch(/Invalid|Expected|Required|received|undefined/);

    fs.writeFileSync(file, fillIn(text));
    const filled = validate(dir);
    expect(filled.status, `${filled.output}\n${fs.readFileSync(file, 'utf8')}`).toBe(0);
    expect(filled.stdout).toContain('内容检查通过');
  });

  it('asks in Chinese when run without arguments, explaining each wrong answer', () => {
    const dir = makeTree(treeDir('interactive'));
    const result = newEntry(
      dir,
      [],
      '9\n2\n_caogao\nShequ Zhulao\nlaonian-kaida-zhihui-zhulao-tixi\nshequ-zhulao.md\n',
    );
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('要新建哪一类内容？');
    expect(result.stdout).toContain('1  课程资源');
    expect(result.stdout).toContain('没有这一项');
    expect(result.stdout).toContain('以 _ 开头');
    expect(result.stdout).toContain('「Shequ Zhulao」不能做文件名');
    expect(result.stdout).toContain('已经有「laonian-kaida-zhihui-zhulao-tixi」');
    expect(result.stdout).toContain(`已新建工作案例：${path.relative(ROOT, path.join(dir, 'cases/shequ-zhulao.md'))}`);
    expect(fs.readFileSync(path.join(dir, 'cases/shequ-zhulao.md'), 'utf8')).toContain('## 主要做法');
    expect(fs.existsSync(path.join(dir, 'cases/_caogao.md'))).toBe(false);
  });

  it('asks only for the file name when the kind is given', () => {
    const dir = makeTree(treeDir('interactive-slug'));
    const result = newEntry(dir, ['project'], 'peixun-xiangmu\n');
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).not.toContain('要新建哪一类内容？');
    expect(fs.existsSync(path.join(dir, 'projects/peixun-xiangmu.md'))).toBe(true);
  });

  it('creates nothing when the answers run out', () => {
    const dir = makeTree(treeDir('interactive-eof'));
    const before = listing(dir);
    const result = newEntry(dir, [], '1\n');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('没有收到回答');
    expect(listing(dir)).toEqual(before);
  });

  it.each([
    ['a draft name', ['course', '_caogao'], '以 _ 开头'],
    ['an invalid name', ['course', 'Shouji_Guahao'], '不能做文件名'],
    ['a name without letters', ['course', '12306'], '不能做文件名'],
    ['a reserved name', ['course', 'tuijie'], '保留'],
    ['an unknown kind', ['kecheng', 'shouji-guahao'], '不认识的类别'],
    ['a wrong date', ['course', 'shouji-guahao', '--date', '2021-02-30'], '日期'],
  ])('refuses %s and writes nothing', (_, args, message) => {
    const dir = makeTree(treeDir('refused'));
    const before = listing(dir);
    const result = newEntry(dir, args);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(message);
    expect(listing(dir)).toEqual(before);
  });

  it('never overwrites an entry, nor takes a name used in a subfolder', () => {
    const dir = makeTree(treeDir('existing'), [], { 'courses/2022/laonian-shouji.md': 'kept' });
    const file = path.join(dir, 'courses/shouji-yuyue-guahao.md');
    const original = fs.readFileSync(file, 'utf8');

    const same = newEntry(dir, ['course', 'shouji-yuyue-guahao']);
    expect(same.status).not.toBe(0);
    expect(same.stderr).toContain('已经有「shouji-yuyue-guahao」');
    expect(fs.readFileSync(file, 'utf8')).toBe(original);

    const nested = newEntry(dir, ['course', 'laonian-shouji']);
    expect(nested.status).not.toBe(0);
    expect(nested.stderr).toContain('courses/2022/laonian-shouji.md');
    expect(fs.existsSync(path.join(dir, 'courses/laonian-shouji.md'))).toBe(false);
  });
});

describe('templates for the GitHub web editor', () => {
  it.each(KINDS)('%s template is the scaffold, with the dates left to fill in', (kind) => {
    const file = path.join(ROOT, TEMPLATE_DIR, TEMPLATE_FILES[kind]);
    expect(
      fs.readFileSync(file, 'utf8'),
      `${path.relative(ROOT, file)} is out of date: run npx node scripts/new-entry.ts --write-templates`,
    ).toBe(scaffoldEntry(kind, TEMPLATE_OPTIONS));
  });

  it('fails validation naming the dates as well as the other placeholders', () => {
    const slug = 'cong-moban-fuzhi';
    const text = fs.readFileSync(path.join(ROOT, TEMPLATE_DIR, TEMPLATE_FILES.courses), 'utf8');
    const dir = makeTree(treeDir('template'), [], { [`courses/${slug}.md`]: text });
    const result = validate(dir);
    expect(result.status).not.toBe(0);
    const shown = path.relative(ROOT, path.join(dir, 'courses', `${slug}.md`));
    for (const field of [...PLACEHOLDERS.courses, 'recommendedOn', 'updatedOn']) {
      expect(result.stderr, field).toContain(`${shown}:${field} — `);
    }
    expect(result.stderr).toContain('按 年-月-日 填写');
  });
});
