/**
 * Three of the live defects, as content: a unit name that carries markup, an SVG cover that runs script, and
 * symbolic links that would publish files from outside the tree. Each is refused by `npm run validate` and by
 * the build, with a Chinese message that names the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/checks/validator.ts';
import { validateEntries } from '../../src/checks/changed-content.ts';
import { makeTree, minimalCourse, toMarkdown, variant } from '../fixtures/entries.ts';
import { OUTPUT, run } from '../helpers/run.ts';

const tree = (name: string, ...args: Parameters<typeof makeTree> extends [string, ...infer R] ? R : never) =>
  makeTree(path.join(OUTPUT, 'trees', 'live-defects', name), ...args);

function problemsOf(dir: string) {
  return validateContent(dir).problems.map((p) => ({ ...p, file: path.relative(dir, p.file) }));
}

const BREAKOUT = '</script><script>window.__zhulaoPwned = 1</script>示例学院';

describe('data files get the same markup and control-character checks as entries', () => {
  it('refuses a unit name that closes a script block', () => {
    const dir = tree('unit-breakout');
    const units = path.join(dir, 'units.yaml');
    fs.writeFileSync(
      units,
      fs.readFileSync(units, 'utf8').replace('name: 浙江示例市老年开放大学', `name: '${BREAKOUT}'`),
    );
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'units.yaml', field: 'zhejiang-shili-laonian-kaida.name' }),
    );
    expect(problems.find((p) => p.file === 'units.yaml')?.message).toMatch(/script/);
  });

  it.each([
    [
      'glossary.yaml',
      'erweima:\n  term: 二维码\n  explanation: "<img src=x onerror=alert(1)>一种黑白方块的图，用手机扫一扫就能打开网页"\n',
      'onerror',
    ],
    [
      'start-here.yaml',
      '- title: "手机挂号\\u0007"\n  description: 先学一件马上用得上的事：在家用手机挂号。\n  kind: courses\n  slug: minimal-course\n',
      'U+0007',
    ],
    ['site.yaml', 'sampleContent: "<iframe src=https://evil.example></iframe>"\n', 'iframe'],
  ])('checks %s', (file, text, named) => {
    const dir = tree(`data-${file}`, [minimalCourse], { [file]: text });
    const messages = problemsOf(dir)
      .filter((p) => p.file === file)
      .map((p) => p.message)
      .join('\n');
    expect(messages).toContain(named);
    expect(messages).toMatch(/请/);
  });

  it('names an invisible control character in a scenario description', () => {
    const dir = tree('scenario-control');
    const file = path.join(dir, 'scenarios.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const description = /description: (.+)/.exec(text)![1]!;
    fs.writeFileSync(file, text.replace(description, `"${description.replace(/^"|"$/g, '')}\\u001b[31m"`));
    const problems = problemsOf(dir).filter((p) => p.file === 'scenarios.yaml');
    expect(problems.map((p) => p.message).join('\n')).toContain('U+001B');
  });
});

const ONLOAD_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="location=\'https://evil.example/\'"><rect width="10" height="10"/></svg>';

describe('SVG covers', () => {
  it('refuses a cover with onload, telling the author to export PNG or JPEG', () => {
    const cover = variant(minimalCourse, 'svg-cover.md', { cover: './images/cover.svg', coverAlt: '课程封面' });
    const dir = tree('svg-onload', [cover], { 'courses/images/cover.svg': ONLOAD_SVG });
    const problems = problemsOf(dir);
    const problem = problems.find((p) => p.file === 'courses/images/cover.svg');
    expect(problem?.message).toContain('onload');
    expect(problem?.message).toMatch(/PNG 或 JPEG/);
  });

  it('refuses a script-carrying SVG that no entry names yet (it would still be in the repository)', () => {
    const dir = tree('svg-stray', [minimalCourse], {
      'cases/images/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    });
    expect(problemsOf(dir).find((p) => p.file === 'cases/images/chart.svg')?.message).toContain('<script>');
  });

  it('fails the build for the onload cover, naming the file', () => {
    const cover = variant(minimalCourse, 'svg-cover.md', { cover: './images/cover.svg', coverAlt: '课程封面' });
    const dir = tree('svg-onload-build', [cover], { 'courses/images/cover.svg': ONLOAD_SVG });
    const out = path.join(OUTPUT, 'live-defects-svg-build');
    const result = run('npm', ['run', '--silent', 'build', '--', '--out', out], { CONTENT_DIR: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('cover.svg');
    expect(result.output).toContain('PNG 或 JPEG');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('symbolic links', () => {
  const outside = path.join(OUTPUT, 'trees', 'live-defects-outside');

  function linkedTree(name: string) {
    fs.rmSync(outside, { recursive: true, force: true });
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(outside, 'secret.pdf'), '%PDF-1.4\nsecret token\n%%EOF\n');
    fs.writeFileSync(
      path.join(outside, 'linked.md'),
      toMarkdown(variant(minimalCourse, 'linked.md', { title: '链接进来的条目' })),
    );
    const withPdf = variant(minimalCourse, 'with-pdf.md', { file: './files/reader.pdf' });
    const dir = tree(name, [withPdf]);
    fs.mkdirSync(path.join(dir, 'courses', 'files'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'secret.pdf'), path.join(dir, 'courses', 'files', 'reader.pdf'));
    fs.symlinkSync(path.join(outside, 'linked.md'), path.join(dir, 'courses', 'linked.md'));
    fs.symlinkSync('/etc', path.join(dir, 'cases', 'etc'));
    return dir;
  }

  it('refuses a symlinked PDF, a symlinked entry and a symlinked folder, whatever they point to', () => {
    const dir = linkedTree('symlinks');
    const problems = problemsOf(dir);
    for (const file of ['courses/files/reader.pdf', 'courses/linked.md', 'cases/etc']) {
      const problem = problems.find((p) => p.file === file);
      expect(problem?.message, `${file}: ${JSON.stringify(problems)}`).toContain('符号链接');
    }
    // The entry that names the linked PDF is told too: resolved, the file lies outside the tree
    expect(problems.find((p) => p.file === 'courses/with-pdf.md' && p.field === 'file')?.message).toContain('符号链接');
  });

  it('is refused by validate --changed too, which checks copies of the changed entries', () => {
    const dir = linkedTree('symlinks-changed');
    const { problems } = validateEntries(dir, [path.join(dir, 'courses', 'with-pdf.md')]);
    const files = problems.map((p) => path.relative(dir, p.file));
    expect(files).toEqual(expect.arrayContaining(['courses/files/reader.pdf', 'courses/linked.md', 'cases/etc']));
  });

  it('fails the build, which publishes neither the linked file nor anything else', () => {
    const dir = linkedTree('symlinks-build');
    const out = path.join(OUTPUT, 'live-defects-symlink-build');
    const result = run('npm', ['run', '--silent', 'build', '--', '--out', out], { CONTENT_DIR: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('符号链接');
    expect(fs.existsSync(out)).toBe(false);
  });
});
