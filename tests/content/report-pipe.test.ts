/**
 * The validate report is never cut, whatever its output is: `process.exit()` after a long `console.error()`
 * used to cut it at 64 KiB when stderr was a pipe (CI logs, `| less`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE, makeHostileTree } from '../fixtures/hostile.ts';
import { OUTPUT, run } from '../helpers/run.ts';

describe('npm run validate through a pipe', () => {
  it('prints every line of a report far over 64 KiB', () => {
    const entries = 600;
    const dir = makeHostileTree(path.join(OUTPUT, 'report-pipe'), []);
    const entry = fs.readFileSync(path.join(HOSTILE, 'script-tag.md'), 'utf8');
    for (let i = 0; i < entries; i++) fs.writeFileSync(path.join(dir, 'courses', `script-${i}.md`), entry);
    const result = run('bash', ['-c', 'npm run --silent validate 2>&1 | cat'], { CONTENT_DIR: dir });
    expect(Buffer.byteLength(result.stdout)).toBeGreaterThan(2 * 64 * 1024);
    expect(result.stdout.split('\n').filter((line) => line.includes('✗')).length).toBe(entries);
    expect(result.stdout).toContain(`内容检查发现 ${entries} 个问题`);
  });
});
