/**
 * The public address is never made up: a build for publishing stops without one, and a local preview says on
 * every page, the printable book included, that its links and QR codes open only on this computer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ADDRESS_FILE } from '../../src/config/paths.ts';
import { makeTree, minimalCourse } from '../fixtures/entries.ts';
import { DIST, OUTPUT, ROOT, run } from '../helpers/run.ts';
import { builtPages } from '../helpers/built-pages.ts';

const TREE = makeTree(path.join(OUTPUT, 'trees', 'public-address'), [minimalCourse]);
const NOTICE = '本机预览';

describe('a build without a public address', () => {
  it('is not configured in the repository (the maintainers fill it in, or the deploy job sets SITE_URL)', () => {
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, SITE_ADDRESS_FILE), 'utf8')).siteUrl).toBe('');
  });

  it.each([
    ['npm run build', 'npm', ['run', '--silent', 'build', '--', '--out']],
    ['astro build', 'npx', ['astro', 'build', '--outDir']],
  ])('%s stops, says where to set the address, and writes nothing', (_name, command, args) => {
    const out = path.join(OUTPUT, `no-address-${command}`);
    fs.rmSync(out, { recursive: true, force: true });
    const result = run(command, [...args, out], { CONTENT_DIR: TREE, SITE_URL: '' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('没有设置网站的公开地址');
    expect(result.output).toContain('SITE_URL=');
    expect(result.output).toContain(SITE_ADDRESS_FILE);
    expect(result.output).toContain('npm start');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('stops on an address that is not an origin', () => {
    const out = path.join(OUTPUT, 'bad-address');
    const result = run('npm', ['run', '--silent', 'build', '--', '--out', out], {
      CONTENT_DIR: TREE,
      SITE_URL: 'zhulao.example.org/site',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('网站地址「zhulao.example.org/site」写得不对');
  });
});

describe('a local preview (npm start)', () => {
  const out = path.join(OUTPUT, 'preview-build');

  it('builds with the local address and says so on every page and in the book', () => {
    const result = run('npm', ['run', '--silent', 'build', '--', '--preview', '--out', out], {
      CONTENT_DIR: TREE,
      SITE_URL: '',
    });
    expect(result.status, result.output).toBe(0);
    const pages = builtPages(out);
    expect(pages).toContain('batches/1/book/index.html');
    for (const file of pages) {
      const html = fs.readFileSync(path.join(out, file), 'utf8');
      expect(html, file).toContain(NOTICE);
      expect(html, file).toContain('只在这台电脑上能打开');
    }
    expect(fs.readFileSync(path.join(out, 'courses/minimal-course/index.html'), 'utf8')).toContain(
      'http://localhost:4321/courses/minimal-course/',
    );
  });

  it('is the one thing package.json’s start script builds', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(scripts.start).toMatch(/build\.ts --preview/);
  });
});

describe('a build for publishing', () => {
  it('shows no preview notice on any page', () => {
    for (const file of builtPages(DIST))
      expect(fs.readFileSync(path.join(DIST, file), 'utf8'), file).not.toContain(NOTICE);
  });
});
