/**
 * Validate and build can never disagree: both run the same checks (src/checks/validator.ts) on bodies rendered by
 * the same pipeline (src/markdown/pipeline.ts). This proves it on the whole hostile corpus at once: every
 * hostile entry fails `npm run validate` and `npm run build` with the very same Chinese report lines, and the
 * build publishes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE_EXPECTED, HOSTILE_FILES, makeHostileTree } from '../fixtures/hostile.ts';
import { astroCacheDir } from '../../src/config/paths.ts';
import { OUTPUT, run } from '../helpers/run.ts';

/** Report lines (`  ✗ file:field — message`) about one file. */
function linesAbout(output: string, file: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.trimStart().startsWith('✗') && line.includes(`/${file}:`))
    .map((line) => line.trim())
    .sort();
}

describe('the hostile corpus through npm run validate and npm run build', () => {
  const dir = makeHostileTree(path.join(OUTPUT, 'hostile-all'), HOSTILE_FILES);
  const out = path.join(OUTPUT, 'hostile-all-dist');
  fs.rmSync(out, { recursive: true, force: true });
  const validate = run('npm', ['run', '--silent', 'validate'], { CONTENT_DIR: dir });
  const build = run('npm', ['run', '--silent', 'build', '--', '--out', out], { CONTENT_DIR: dir });

  it('fails both, and the build publishes nothing', () => {
    expect(validate.status, validate.output).not.toBe(0);
    expect(build.status, build.output).not.toBe(0);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(`${out}.building`)).toBe(false);
  });

  it('stops before Astro starts, and would give the tree an Astro cache of its own', () => {
    // The checks run first: Astro never reads a bad tree, so it leaves no cache (tests/build/cache-per-tree.test.ts
    // builds good trees under changing paths).
    expect(fs.existsSync(astroCacheDir(dir))).toBe(false);
    expect(astroCacheDir(dir)).not.toBe(astroCacheDir(path.join(dir, '..', 'other')));
  });

  it.each(HOSTILE_FILES)('reports %s with the same Chinese lines in both', (file) => {
    const fromValidate = linesAbout(validate.stderr, file);
    const fromBuild = linesAbout(build.output, file);
    expect(fromValidate.length, validate.stderr).toBeGreaterThan(0);
    expect(
      fromValidate.some((line) => line.includes(HOSTILE_EXPECTED[file]!.text)),
      fromValidate.join('\n'),
    ).toBe(true);
    expect(fromBuild).toEqual(fromValidate);
  });
});
