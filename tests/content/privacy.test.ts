/**
 * Issue #19: every named privacy fixture is refused by validation, which names the file, the field, the line
 * and what looked like a number with its digits masked; the controls pass; and the build says the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/checks/validator.ts';
import { formatProblem } from '../../src/report/problems.ts';
import { PRIVACY_CONTROLS, PRIVACY_FIXTURES, type PrivacyFixture } from '../fixtures/privacy.ts';
import { minimalCourse, makeTree, toMarkdown, variant } from '../fixtures/entries.ts';
import { OUTPUT, run } from '../helpers/run.ts';

const treeDir = (name: string) => path.join(OUTPUT, 'privacy', name);

/** The 1-based line of the first line of a file that contains the text */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`“${needle}” is on no line`);
  return index + 1;
}

function expectRefused(report: string, dir: string, fixture: PrivacyFixture): void {
  const { file, field, text, onLine } = fixture.expect;
  const shown = path.relative(process.cwd(), path.join(dir, file));
  const lines = report.split('\n').filter((l) => l.includes(`${shown}:${field} — `) && l.includes(text));
  expect(lines, `no line for ${shown}:${field} with “${text}” in:\n${report}`).not.toHaveLength(0);
  if (onLine) {
    const line = lineOf(fixture.files[file]!, onLine);
    expect(lines.some((l) => new RegExp(`第 (?:\\d+、)*${line}(?:、\\d+)* 行`).test(l)), `line ${line}:\n${lines.join('\n')}`).toBe(
      true,
    );
  }
}

describe('named privacy fixtures', () => {
  it('has one for each form and place in the issue', () => {
    expect(PRIVACY_FIXTURES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(PRIVACY_FIXTURES.map((f) => f.name)).size).toBe(PRIVACY_FIXTURES.length);
  });

  it.each(PRIVACY_FIXTURES.map((f) => [f.name, f] as const))('refuses %s', (name, fixture) => {
    const dir = makeTree(treeDir(name), [], fixture.files);
    const { problems } = validateContent(dir);
    const report = problems.map((p) => formatProblem(p)).join('\n');
    expectRefused(report, dir, fixture);
    // Only the fixture's own file is at fault, and no message prints the digits it found
    for (const problem of problems) {
      expect(path.relative(dir, problem.file), report).toBe(fixture.expect.file);
      expect(problem.message, report).toContain('请');
      expect(problem.message, report).not.toMatch(/\d{7,}/);
    }
  });
});

describe('controls', () => {
  it('public numbers, prices, years, dates, course codes, ISBNs and tables pass', () => {
    const dir = makeTree(treeDir('controls'), [variant(minimalCourse, 'haoma-fenbian.md', {}, PRIVACY_CONTROLS)], {
      'glossary.yaml':
        '# 可以写 110、12306、96110 这类公共服务号码\nfanzha:\n  term: 反诈专线\n  aliases: []\n  explanation: 接到自称公检法、客服的电话不要慌，挂断后打 96110 或 110 问一问，2021-10-31 起每个社区都有反诈宣传员。\n  example: 接到陌生电话要转账，先打 96110 问清楚。\n',
    });
    const { problems } = validateContent(dir);
    expect(problems.map((p) => formatProblem(p)).join('\n')).toBe('');
  });
});

// One tree with a fixture in every file: validate and the build give the same report.
describe('npm run validate and the build agree on the privacy fixtures', () => {
  const files: Record<string, string> = {};
  const chosen = PRIVACY_FIXTURES.filter((fixture) => {
    if (Object.keys(fixture.files).some((file) => file in files)) return false;
    Object.assign(files, fixture.files);
    return true;
  });
  const dir = makeTree(treeDir('all'), [], files);

  it('validate refuses every one', () => {
    const result = run('npm', ['run', '--silent', 'validate'], { CONTENT_DIR: dir });
    expect(result.status, result.output).not.toBe(0);
    for (const fixture of chosen) expectRefused(result.stderr, dir, fixture);
  });

  it('the build refuses every one and publishes nothing', () => {
    const out = path.join(OUTPUT, 'privacy-build');
    const result = run('npx', ['astro', 'build', '--outDir', out], { CONTENT_DIR: dir });
    expect(result.status, result.output).not.toBe(0);
    for (const fixture of chosen) expectRefused(result.output, dir, fixture);
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});

it('a draft is checked for privacy and markup, and nothing else', () => {
  const draft = toMarkdown(variant(minimalCourse, '_x.md', { title: undefined, unit: 'no-such-unit' }, '<script>alert(1)</script>\n'));
  const dir = makeTree(treeDir('draft-rules'), [], { 'courses/_x.md': draft });
  const messages = validateContent(dir).problems.map((p) => `${p.field} — ${p.message}`);
  expect(messages.some((m) => m.includes('<script>'))).toBe(true);
  expect(messages.join('\n')).not.toMatch(/名称|申报单位/);
});

describe('what staff and maintainers are told', () => {
  const read = (file: string) => fs.readFileSync(path.join(import.meta.dirname, '../..', file), 'utf8');

  it('SECURITY.md says how to report a leak privately and how to purge it from history and the site', () => {
    const security = read('.github/SECURITY.md');
    expect(security).toContain('Report a vulnerability');
    expect(security).toContain('Private vulnerability reporting');
    expect(security).toContain('git filter-repo --replace-text');
    expect(security).toMatch(/清除托管方的缓存/);
    expect(security).toMatch(/不要开公开的 Issue/);
  });

  it('CONTRIBUTING says what is left to review: QQ and WeChat IDs, PDFs', () => {
    const guide = read('.github/CONTRIBUTING.md');
    expect(guide).toMatch(/QQ 号和微信号[^\n]*检查不会报错/);
    expect(guide).toMatch(/PDF 教材[^\n]*检查不读 PDF/);
    expect(guide).toContain('SECURITY.md');
  });
});
