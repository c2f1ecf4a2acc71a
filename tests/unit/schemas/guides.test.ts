import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { GlossaryTermSchema, StartHereSchema, type GlossaryTerm, type StartStep } from '../../../src/schemas/guides.ts';
import { SLUG_PATTERN } from '../../../src/schemas/shared.ts';
import { findPersonalNumbersDeep } from '../../../src/checks/privacy.ts';
import { ROOT } from '../../helpers/run.ts';
import { VALID_TREE } from '../../fixtures/entries.ts';

const BUNDLED = path.join(ROOT, 'content');
const TREES = [
  ['content/', BUNDLED],
  ['tests/fixtures/trees/valid/', VALID_TREE],
] as const;

/** Words allowed in Latin letters inside an explanation: everything else must be said in Chinese. */
const LATIN_WORDS_OK = new Set(['App', 'WiFi']);

const readYaml = (file: string): unknown => yaml.load(fs.readFileSync(file, 'utf8'));

function loadGlossary(dir: string): Record<string, GlossaryTerm> {
  const raw = readYaml(path.join(dir, 'glossary.yaml'));
  expect(raw, 'glossary.yaml must be a map of slug → term').toBeTypeOf('object');
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).map(([slug, value]) => [slug, GlossaryTermSchema.parse(value)]),
  );
}

function loadStartHere(dir: string): StartStep[] {
  return StartHereSchema.parse(readYaml(path.join(dir, 'start-here.yaml')));
}

/** Entry files of one kind by slug, drafts (_…) left out, subfolders included as the validator does. */
function entryFiles(dir: string, kind: string): Map<string, string> {
  const root = path.join(dir, kind);
  const files = new Map<string, string>();
  for (const relative of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!relative.endsWith('.md') || relative.split(path.sep).some((part) => part.startsWith('_'))) continue;
    files.set(path.basename(relative, '.md'), path.join(root, relative));
  }
  return files;
}

function frontmatterOf(file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(file, 'utf8'));
  return (match ? yaml.load(match[1]!) : {}) as Record<string, unknown>;
}

/** The same word written in another width or case is the same word. */
const normalise = (word: string) => word.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

describe.each(TREES)('%sglossary.yaml', (_, dir) => {
  const raw = readYaml(path.join(dir, 'glossary.yaml')) as Record<string, unknown>;

  it('every term parses with GlossaryTermSchema', () => {
    const problems = Object.entries(raw).flatMap(([slug, value]) =>
      (GlossaryTermSchema.safeParse(value).error?.issues ?? []).map((i) => `${slug}.${i.path.join('.')}: ${i.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('keys are pinyin slugs', () => {
    expect(Object.keys(raw).filter((slug) => !SLUG_PATTERN.test(slug))).toEqual([]);
  });

  it('terms and aliases are unique across the file', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [slug, term] of Object.entries(loadGlossary(dir))) {
      for (const word of [term.term, ...term.aliases]) {
        const key = normalise(word);
        if (seen.has(key)) clashes.push(`${slug}「${word}」与 ${seen.get(key)} 重复`);
        else seen.set(key, `${slug}「${word}」`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('holds no phone-shaped or ID-card numbers', () => {
    expect(findPersonalNumbersDeep(raw)).toEqual([]);
  });

  it('explains in Chinese: no Latin words in explanations except App and WiFi', () => {
    const english = Object.entries(loadGlossary(dir)).flatMap(([slug, term]) =>
      (term.explanation.match(/[A-Za-z][A-Za-z-]*/g) ?? [])
        .filter((word) => !LATIN_WORDS_OK.has(word))
        .map((word) => `${slug}: ${word}`),
    );
    expect(english).toEqual([]);
  });
});

describe('the bundled glossary', () => {
  const glossary = () => loadGlossary(BUNDLED);

  it('has 30–40 words, each with an everyday example', () => {
    const terms = Object.entries(glossary());
    expect(terms.length).toBeGreaterThanOrEqual(30);
    expect(terms.length).toBeLessThanOrEqual(40);
    expect(terms.filter(([, term]) => !term.example).map(([slug]) => slug)).toEqual([]);
  });

  it('says that 健康码 and 行程卡 were retired in December 2022', () => {
    const byWord = (word: string) =>
      Object.values(glossary()).find((term) => term.term === word || term.aliases.includes(word));
    for (const word of ['健康码', '行程卡']) {
      expect(byWord(word)?.explanation, word).toMatch(/2022\s*年\s*12\s*月/);
    }
  });

  it('is the same file as the fixture copy', () => {
    expect(loadGlossary(VALID_TREE)).toEqual(glossary());
  });
});

describe.each(TREES)('%sstart-here.yaml', (_, dir) => {
  it('parses with StartHereSchema', () => {
    const result = StartHereSchema.safeParse(readYaml(path.join(dir, 'start-here.yaml')));
    expect((result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('every step points at an existing, published entry in the same tree', () => {
    const steps = loadStartHere(dir);
    const broken = steps.flatMap((step) => {
      const file = entryFiles(dir, step.kind).get(step.slug);
      if (!file) return [`${step.title}: ${step.kind}/${step.slug}.md 不存在`];
      return frontmatterOf(file).withdrawn === true ? [`${step.title}: ${step.kind}/${step.slug} 已撤下`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('never repeats an entry or a title', () => {
    const steps = loadStartHere(dir);
    expect(new Set(steps.map((s) => `${s.kind}/${s.slug}`)).size).toBe(steps.length);
    expect(new Set(steps.map((s) => s.title)).size).toBe(steps.length);
  });
});

describe('the bundled beginner path', () => {
  it('has 5–7 steps and starts with the phone itself', () => {
    const steps = loadStartHere(BUNDLED);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(steps.length).toBeLessThanOrEqual(7);
    expect(steps[0]).toMatchObject({ kind: 'courses', slug: 'renshi-zhineng-shouji' });
  });

  it('teaches that 验证码 is never given away before booking a doctor, which uses one', () => {
    const steps = loadStartHere(BUNDLED);
    const at = (slug: string) => steps.findIndex((s) => s.slug === slug);
    expect(at('yanzhengma-bu-gaosu-renhe-ren')).toBeGreaterThanOrEqual(0);
    expect(at('yanzhengma-bu-gaosu-renhe-ren')).toBeLessThan(at('shouji-yuyue-guahao'));
  });
});

describe('guide schemas reject what the site cannot show', () => {
  const term = { term: '二维码', aliases: [], explanation: '一种方块形状的黑白小图案，里面藏着网址。' };
  const step = { title: '认识手机', description: '先学开关机。', kind: 'courses', slug: 'renshi-zhineng-shouji' };
  const messages = (result: { error?: { issues: { message: string }[] } }) =>
    (result.error?.issues ?? []).map((i) => i.message);

  it.each([
    ['a term over 10 字', { ...term, term: '医保电子凭证（医保码）' }, '名词已有 11 字'],
    ['an explanation under 10 字', { ...term, explanation: '一种码。' }, '解释只有 4 字'],
    ['an example over 80 字', { ...term, example: '扫'.repeat(81) }, '例子已有 81 字'],
    ['an unknown field', { ...term, picture: 'x.png' }, ''],
  ])('glossary: %s', (_, input, message) => {
    const result = GlossaryTermSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(messages(result).join('\n')).toContain(message);
  });

  it('fills aliases with an empty list', () => {
    const { aliases: _, ...withoutAliases } = term;
    expect(GlossaryTermSchema.parse(withoutAliases).aliases).toEqual([]);
  });

  it.each([
    ['fewer than 3 steps', [step, step], '至少要有 3 步'],
    ['more than 8 steps', Array.from({ length: 9 }, () => step), '最多 8 步'],
    ['a slug that is not kebab-case', [step, step, { ...step, slug: 'Renshi_Shouji' }], '小写字母、数字和短横线'],
    ['an unknown kind', [step, step, { ...step, kind: 'videos' }], ''],
    ['a title of 1 字', [step, step, { ...step, title: '学' }], '步骤名称只有 1 字'],
  ])('start here: %s', (_, input, message) => {
    const result = StartHereSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(messages(result).join('\n')).toContain(message);
  });
});
