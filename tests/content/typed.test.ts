// Issue 17, "nothing typed is lost": what staff type is published exactly as meant (checked in the built
// entries.json and on the page), or refused with the line and the fix (the refused fixtures run with the other
// invalid fixtures in validate.test.ts, through validate and both builds).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTree } from '../fixtures/entries.ts';
import { ACCEPTED_TYPING, typedCourse } from '../fixtures/typed.ts';
import { clipboardText, makeWordForm } from '../helpers/word-clipboard.ts';
import { OUTPUT, run } from '../helpers/run.ts';
import { validateContent } from '../../src/checks/validator.ts';
import { formatReport } from '../../src/report/problems.ts';

const SITE_URL = 'https://zhulao.example.cn';
const TREE = path.join(OUTPUT, 'trees', 'typed-accepted');
const OUT = path.join(OUTPUT, 'builds', 'typed-accepted');
const WORD_PASTE = 'courses/word-paste-steps.md';

type Record_ = Record<string, unknown> & { kind: string; slug: string };
let byKey: Map<string, Record_>;
const page = (file: string) =>
  fs.readFileSync(path.join(OUT, 'courses', path.basename(file, '.md'), 'index.html'), 'utf8');

describe('typing that is published exactly as meant', () => {
  beforeAll(async () => {
    const body = `教老年人用微信给家人打视频电话。\r\n${await clipboardText(await makeWordForm())}`;
    const files: Record<string, string> = Object.fromEntries(ACCEPTED_TYPING.map((t) => [t.file, t.text]));
    files[WORD_PASTE] = typedCourse({ title: '微信视频通话一步一步学' }, body);
    makeTree(TREE, [], files);
    const { problems } = validateContent(TREE);
    if (problems.length > 0) throw new Error(formatReport(problems));
    const result = run('npm', ['run', '--silent', 'build', '--', '--out', OUT], { CONTENT_DIR: TREE, SITE_URL });
    if (result.status !== 0) throw new Error(`npm run build failed:\n${result.output}`);
    const doc = JSON.parse(fs.readFileSync(path.join(OUT, 'data/entries.json'), 'utf8')) as { entries: Record_[] };
    byKey = new Map(doc.entries.map((e) => [`${e.kind}/${e.slug}.md`, e]));
  }, 300_000);

  it.each(ACCEPTED_TYPING.map((t) => [t.name, t] as const))('publishes %s exactly as typed', (_, typing) => {
    const record = byKey.get(typing.file);
    expect(record, typing.file).toBeDefined();
    for (const [field, value] of Object.entries(typing.published)) expect(record![field], field).toEqual(value);
    const html = page(typing.file);
    for (const text of typing.shown ?? []) expect(html).toContain(text);
  });

  it('publishes a section pasted from Word as paragraphs and numbered lists', () => {
    const html = page(WORD_PASTE);
    const body = html.slice(html.indexOf('<p>教老年人用微信给家人打视频电话。</p>'));
    expect(body).toMatch(/<p>课前请确认手机已经联网，音量调大。<\/p>\s*<ol>\s*<li>打开微信，点右下角的“我”。<\/li>/);
    expect(body).toMatch(/<p>视频通话的步骤：<\/p>\s*<ol>\s*<li>打开和家人的聊天窗口。<\/li>/);
    expect(body).not.toMatch(/[\u4e00-\u9fff。；：]\r?\n[\u4e00-\u9fff]/);
    const text = byKey.get(WORD_PASTE)!.text as string;
    expect(text).toContain('课前请确认手机已经联网，音量调大。\n打开微信，点右下角的“我”。');
  });
});

describe('dates in the published site', () => {
  it('are the days typed, whatever the time zone of the machine that builds', () => {
    const elsewhere = `${OUT}-los-angeles`;
    const result = run('npm', ['run', '--silent', 'build', '--', '--out', elsewhere], {
      CONTENT_DIR: TREE,
      SITE_URL,
      TZ: 'America/Los_Angeles',
    });
    expect(result.status, result.output).toBe(0);
    const files = fs
      .readdirSync(OUT, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(html|json|csv|xml)$/.test(f));
    const different = files.filter(
      (f) => !fs.readFileSync(path.join(OUT, f)).equals(fs.readFileSync(path.join(elsewhere, f))),
    );
    expect(different).toEqual([]);
    expect(page('courses/dates-quoted.md')).toContain('2022年2月28日');
  }, 300_000);
});

describe('a fault in a data file', () => {
  it('is reported once, where it is, and not again in every entry that names the unit', () => {
    const valid = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/trees/valid/units.yaml'), 'utf8');
    const broken = valid.replace('  name: 浙江示例市老年开放大学', '  name：浙江示例市老年开放大学');
    expect(broken).not.toBe(valid);
    const line = broken.split('\n').findIndex((l) => l.includes('name：')) + 1;
    const dir = makeTree(path.join(OUTPUT, 'trees', 'units-bad-character'), [], { 'units.yaml': broken });
    const { problems } = validateContent(dir);
    expect(problems, formatReport(problems)).toHaveLength(1);
    expect(problems[0]!.file).toBe(path.join(dir, 'units.yaml'));
    expect(problems[0]!.line).toBe(line);
    expect(problems[0]!.message).toContain('中文冒号「：」');
  });
});

describe('npm run build on content with problems', () => {
  it('says what to fix in Chinese before any English from Astro', () => {
    const file = 'courses/missing-cover-and-title.md';
    const dir = makeTree(path.join(OUTPUT, 'trees', 'chinese-first'), [], {
      [file]: typedCourse({ title: null, cover: './images/missing.png', coverAlt: '挂号页面' }),
    });
    const out = path.join(OUTPUT, 'npm-builds', 'chinese-first');
    const result = run('npm', ['run', '--silent', 'build', '--', '--out', out], { CONTENT_DIR: dir, SITE_URL });
    expect(result.status).not.toBe(0);
    const all = `${result.stderr}\n${result.stdout}`;
    const report = result.stderr.indexOf('内容检查发现');
    expect(report, all).toBeGreaterThanOrEqual(0);
    // Nothing Astro says comes before the report on stderr, and stdout holds no error at all
    expect(result.stderr.slice(0, report)).not.toMatch(/[A-Za-z]{4,}/);
    expect(result.stdout).not.toMatch(/error|Error/);
  });
});
