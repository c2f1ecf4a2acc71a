import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { OUTPUT, run } from './helpers/run.ts';

// The benchmark itself is `npm run bench` (N up to 10,000); this small run keeps it from rotting.
describe('npm run bench', () => {
  it('runs at N = 50 and prints its table', () => {
    const result = run('node', ['tests/bench.ts', '--sizes', '50', '--work', path.join(OUTPUT, 'bench-smoke')]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/\| 50 \| [\d.]+ s \/ \d+ MB（CPU [\d.]+ s） \|/);
    expect(result.stdout).toContain('与裸 Astro 之比');
    // The generated covers give share images, each under 60 KB (src/export/share-image.ts).
    const share = /([\d.]+) MB（(\d+) 张，平均 ([\d.]+) KB，最大 ([\d.]+) KB）/.exec(result.stdout);
    expect(share, result.stdout).not.toBeNull();
    expect(Number(share![2])).toBeGreaterThan(0);
    expect(Number(share![4])).toBeLessThan(60_000 / 1024);
  });
});
