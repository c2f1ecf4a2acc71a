/**
 * The hostile corpus: each file in tests/fixtures/hostile/ is a complete entry that would be valid except for
 * one attack (script, hidden text, disguised link, disguised phone number …). Validation must reject each one,
 * naming the file and the field, in Chinese, with a fix; and nothing else may be wrong with the entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/checks/validator.ts';
import { KINDS } from '../../src/config/paths.ts';
import { HOSTILE, HOSTILE_EXPECTED as EXPECTED, HOSTILE_FILES as files, makeHostileTree } from '../fixtures/hostile.ts';
import { OUTPUT } from '../helpers/run.ts';

describe('the hostile corpus', () => {
  it('has at least 30 entries, each listed in expected.json with a kind, a field and a message', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(EXPECTED).sort()).toEqual([...files].sort());
    for (const expected of Object.values(EXPECTED)) {
      expect(KINDS).toContain(expected.kind);
      expect(expected.field).not.toBe('');
      expect(expected.text).not.toBe('');
    }
  });

  it('keeps each attack as written (tests/fixtures/hostile/ must not be reformatted)', () => {
    for (const file of files) {
      const { written } = EXPECTED[file]!;
      if (written) expect(fs.readFileSync(path.join(HOSTILE, file), 'utf8'), file).toContain(written);
    }
  });

  it.each(files.map((file) => [file, EXPECTED[file]!] as const))('rejects %s', (file, expected) => {
    const dir = makeHostileTree(path.join(OUTPUT, 'hostile', file.replace(/\.md$/, '')), [file]);
    const entryFile = path.join(dir, expected.kind, file);
    const { problems } = validateContent(dir);
    const report = problems.map((p) => `${path.relative(dir, p.file)}:${p.field} — ${p.message}`).join('\n');

    // Only the hostile file is at fault, and only in the field its attack is in: the rest of it is valid
    expect(problems.length, report).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.file, report).toBe(entryFile);
      expect(problem.field, report).toBe(expected.field);
      expect(problem.message, report).toMatch(/[\u4e00-\u9fff]/);
      expect(problem.message, report).toContain('请');
      expect(problem.message, report).not.toMatch(/Invalid|Expected|Required|received/);
    }
    expect(
      problems.some((p) => p.message.includes(expected.text)),
      `no message for ${file}:${expected.field} contains “${expected.text}”:\n${report}`,
    ).toBe(true);
  });
});
