/**
 * Builds that switch CONTENT_DIR in one checkout used to share Astro's cache (node_modules/.astro): a tree built,
 * deleted, and built again as a copy under another path could publish a cover of the previous tree, or fail with
 * ImageNotFound. Each tree now has a cache of its own (src/config/paths.ts, astroCacheDir). This replays that
 * sequence on small generated trees with real cover photos, and a different tree at the first tree's path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroCacheDir } from '../../src/config/paths.ts';
import { checkPublishedCovers } from '../helpers/published-covers.ts';
import { OUTPUT, run } from '../helpers/run.ts';

const BASE = path.join(OUTPUT, 'cache-per-tree');
const FIRST = path.join(BASE, 'tree');
const COPY = path.join(BASE, 'elsewhere', 'tree-copy');

const generate = (dir: string, seed: string) =>
  run('npm', ['run', '--silent', 'generate', '--', '40', dir, '--seed', seed]);

async function buildAndCheck(tree: string, out: string): Promise<void> {
  fs.rmSync(out, { recursive: true, force: true });
  const build = run('npm', ['run', '--silent', 'build', '--', '--out', out], { CONTENT_DIR: tree });
  expect(build.status, build.output).toBe(0);
  expect(build.output).not.toMatch(/ImageNotFound/);
  const covers = await checkPublishedCovers(out, tree);
  expect(covers.covers).toBeGreaterThan(0);
  expect(covers.missing).toEqual([]);
  expect(covers.foreign).toEqual([]);
}

describe('each content tree builds from a cache of its own', () => {
  fs.rmSync(BASE, { recursive: true, force: true });

  it('builds a tree with cover photos', async () => {
    expect(generate(FIRST, 'cache-a').status).toBe(0);
    fs.cpSync(FIRST, COPY, { recursive: true });
    await buildAndCheck(FIRST, path.join(BASE, 'dist-1'));
  }, 600_000);

  it('deletes it, then builds its copy under another path with the copy’s own cache', async () => {
    fs.rmSync(FIRST, { recursive: true, force: true });
    await buildAndCheck(COPY, path.join(BASE, 'dist-2'));
    expect(astroCacheDir(COPY)).not.toBe(astroCacheDir(FIRST));
    expect(fs.existsSync(astroCacheDir(COPY))).toBe(true);
  }, 600_000);

  it('builds a different tree at the first tree’s path, showing that tree’s covers', async () => {
    expect(generate(FIRST, 'cache-b').status).toBe(0);
    await buildAndCheck(FIRST, path.join(BASE, 'dist-3'));
  }, 600_000);
});
