import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVALID_FIXTURES, VALID_ENTRIES, makeTree } from '../fixtures/entries.ts';
import { validateContent } from '../../src/checks/validator.ts';
import { OUTPUT, run } from '../helpers/run.ts';

const treeDir = (name: string) => path.join(OUTPUT, 'trees', name);
const validate = (dir: string) => run('npm', ['run', '--silent', 'validate'], { CONTENT_DIR: dir });

/** A report line names the file, the field, and says in Chinese what to do. */
function expectReported(output: string, dir: string, expected: { file: string; field: string; text: string }): void {
  const file = path.relative(process.cwd(), path.join(dir, expected.file));
  const line = output.split('\n').find((l) => l.includes(`${file}:${expected.field} — `));
  expect(line, `no line for ${file}:${expected.field} in:\n${output}`).toBeDefined();
  expect(line).toContain(expected.text);
  expect(line).toMatch(/[\u4e00-\u9fff]/);
}

describe('npm run validate', () => {
  it('accepts the valid fixture tree with every named valid entry', () => {
    const dir = makeTree(treeDir('valid'), VALID_ENTRIES);
    const result = validate(dir);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('内容检查通过');
  });

  it('accepts the bundled content', () => {
    const result = run('npm', ['run', '--silent', 'validate']);
    expect(result.status, result.output).toBe(0);
  });

  it.each(INVALID_FIXTURES.map((f) => [f.name, f] as const))(
    'rejects %s, naming file, field and fix',
    (name, fixture) => {
      const dir = makeTree(treeDir(name), fixture.entries, fixture.files);
      const result = validate(dir);
      expect(result.status, result.output).not.toBe(0);
      expect(result.stderr).toContain('内容检查发现');
      for (const expected of fixture.expect) expectReported(result.stderr, dir, expected);
      // Zod's English never reaches staff
      expect(result.stderr).not.toMatch(/Invalid|Expected|Required|received/);
    },
  );

  it('has at least 15 invalid fixtures', () => {
    expect(INVALID_FIXTURES.length).toBeGreaterThanOrEqual(15);
  });
});

describe('npm run build agrees with validate', () => {
  it.each(INVALID_FIXTURES.map((f) => [f.name, f] as const))(
    'fails to build %s with the same messages',
    (name, fixture) => {
      const dir = makeTree(treeDir(name), fixture.entries, fixture.files);
      const out = path.join(OUTPUT, 'builds', name);
      const result = run('npx', ['astro', 'build', '--outDir', out], { CONTENT_DIR: dir });
      expect(result.status, result.output).not.toBe(0);
      for (const expected of fixture.expect) expectReported(result.output, dir, expected);
    },
  );
});

// npm run build checks the content in its own process while Astro builds; Astro may stop first on a schema error,
// in English, but the Chinese report must still follow, and nothing is published.
describe('npm run build (checks beside Astro) agrees with validate', () => {
  const picked = ['missing-title', 'unknown-unit', 'missing-cover-file', 'phone-split-by-markup', 'yaml-syntax-error'];
  it.each(INVALID_FIXTURES.filter((f) => picked.includes(f.name)).map((f) => [f.name, f] as const))(
    'fails to build %s with the same messages and publishes nothing',
    (name, fixture) => {
      const dir = makeTree(treeDir(name), fixture.entries, fixture.files);
      const out = path.join(OUTPUT, 'npm-builds', name);
      const result = run('npm', ['run', '--silent', 'build', '--', '--out', out], { CONTENT_DIR: dir });
      expect(result.status, result.output).not.toBe(0);
      for (const expected of fixture.expect) expectReported(result.output, dir, expected);
      expect(result.output).toContain('保持原样');
      expect(fs.existsSync(out)).toBe(false);
      expect(fs.existsSync(`${out}.building`)).toBe(false);
    },
  );
});

describe('validateContent without bodies (what npm run build keeps)', () => {
  it('reports the same problems and fields, with empty bodies', () => {
    const fixture = INVALID_FIXTURES.find((f) => f.name === 'several-bad-files')!;
    const dir = makeTree(treeDir('without-bodies'), fixture.entries, fixture.files);
    const full = validateContent(dir);
    const lean = validateContent(dir, { keepBodies: false });
    expect(full.problems.length).toBeGreaterThan(0);
    expect(lean.problems).toEqual(full.problems);
    expect(lean.catalogue.entries.map((e) => e.data)).toEqual(full.catalogue.entries.map((e) => e.data));
    expect(full.catalogue.entries.some((e) => e.body !== '')).toBe(true);
    expect(lean.catalogue.entries.every((e) => e.body === '')).toBe(true);
  });
});
