import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVALID_FIXTURES, VALID_ENTRIES, makeTree } from '../fixtures/entries.ts';
import { OUTPUT, ROOT, run } from '../helpers/run.ts';

// These tests make builds of their own, from the small fixture tree, into tests/.output/.
const tree = makeTree(path.join(OUTPUT, 'trees', 'reproducible'), VALID_ENTRIES);
const build = (out: string, env: Record<string, string> = {}) =>
  run('npm', ['run', '--silent', 'build', '--', '--out', out], { CONTENT_DIR: tree, ...env });

function fingerprint(dir: string): Map<string, string> {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile());
  return new Map(
    files.sort().map((f) => [
      f,
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(dir, f)))
        .digest('hex'),
    ]),
  );
}

describe('reproducible output', () => {
  it('builds the same content twice into byte-identical folders, with no machine paths', () => {
    const a = path.join(OUTPUT, 'repro-a');
    const b = path.join(OUTPUT, 'repro-b');
    expect(build(a).status).toBe(0);
    expect(build(b).status).toBe(0);
    const first = fingerprint(a);
    const second = fingerprint(b);
    expect([...second.keys()]).toEqual([...first.keys()]);
    const different = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    expect(different).toEqual([]);
    for (const file of first.keys()) {
      if (!/\.(html|xml|json|csv|js|css|txt)$/.test(file)) continue;
      const text = fs.readFileSync(path.join(a, file), 'utf8');
      expect(text.includes(ROOT), `${file} contains ${ROOT}`).toBe(false);
    }
  });
});

describe('nothing half-published', () => {
  it('leaves the previous site untouched when a build fails', () => {
    const out = path.join(OUTPUT, 'swap-dist');
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'index.html'), 'previous site');
    const bad = INVALID_FIXTURES.find((f) => f.name === 'video-without-minutes')!;
    const badTree = makeTree(path.join(OUTPUT, 'trees', 'swap-bad'), bad.entries, bad.files);
    const result = run('npm', ['run', '--silent', 'build', '--', '--out', out], { CONTENT_DIR: badTree });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('保持原样');
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect(fs.existsSync(`${out}.building`)).toBe(false);
  });
});
