import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/run.ts';
import { PAGE_TYPES } from '../helpers/page-types.ts';

/** Performance budgets for a cheap phone on a slow connection (print books are exempt). */
const PAGE_BUDGET = 40 * 1024;
const JS_BUDGET = 10 * 1024;

const gzip = (text: string | Buffer) => zlib.gzipSync(text, { level: 9 }).length;
const read = (url: string) => fs.readFileSync(path.join(DIST, decodeURIComponent(url.split('?')[0]!)));

/** A module and every module it imports statically, once each. */
function moduleGraph(url: string, seen = new Set<string>()): Set<string> {
  if (seen.has(url)) return seen;
  seen.add(url);
  const code = read(url).toString('utf8');
  for (const [, spec] of code.matchAll(/import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) {
    moduleGraph(new URL(spec!, `http://x${url}`).pathname, seen);
  }
  return seen;
}

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  cssFiles: number;
}

export function weigh(pagePath: string): PageWeight {
  const { pathname } = new URL(pagePath, 'http://x');
  const file = path.join(DIST, decodeURIComponent(pathname), 'index.html');
  const html = fs.readFileSync(fs.existsSync(file) ? file : path.join(DIST, '404.html'), 'utf8');
  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  const inlineScripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => m[1]!,
  );
  const modules = new Set<string>();
  for (const src of scripts) for (const m of moduleGraph(src)) modules.add(m);
  // Imports inside inline module scripts count too.
  for (const code of inlineScripts) {
    for (const [, spec] of code.matchAll(/import\s*(?:[^'"()]*?from\s*)?["'](\/[^"']+)["']/g))
      for (const m of moduleGraph(spec!)) modules.add(m);
  }
  return {
    html: gzip(html),
    css: stylesheets.reduce((sum, href) => sum + gzip(read(href)), 0),
    js:
      [...modules].reduce((sum, src) => sum + gzip(read(src)), 0) +
      inlineScripts.reduce((sum, code) => sum + gzip(code), 0),
    cssFiles: stylesheets.length,
  };
}

describe('page weight budgets on the sample site', () => {
  const pages = PAGE_TYPES.filter((p) => p.name !== 'book');
  const weights = pages.map((p) => ({ ...p, ...weigh(p.path) }));

  it('prints the weights', () => {
    console.log(
      [
        'page type            html   css    js   (KB, gzip)',
        ...weights.map(
          (w) =>
            `${w.name.padEnd(18)} ${(w.html / 1024).toFixed(1).padStart(5)} ${(w.css / 1024).toFixed(1).padStart(5)} ${(w.js / 1024).toFixed(1).padStart(5)}`,
        ),
      ].join('\n'),
    );
  });

  it.each(weights.map((w) => [w.name, w] as const))(
    '%s stays within 40 KB, one CSS file, and 10 KB of JavaScript',
    (name, w) => {
      expect(w.html + w.css + w.js, `${name}: ${w.html}+${w.css}+${w.js} bytes`).toBeLessThanOrEqual(PAGE_BUDGET);
      expect(w.cssFiles).toBeLessThanOrEqual(1);
      if (name !== 'search') expect(w.js, `${name} JavaScript`).toBeLessThanOrEqual(JS_BUDGET);
    },
  );

  it('sends content images with width and height, in a modern format, never wider than a 3× phone needs', () => {
    const html = fs.readFileSync(path.join(DIST, 'courses/sunbei-shipin-tonghua/index.html'), 'utf8');
    const images = [...html.matchAll(/<img\s[^>]*>/g)].map((m) => m[0]);
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) {
      expect(img).toMatch(/\swidth="\d+"/);
      expect(img).toMatch(/\sheight="\d+"/);
      expect(img).toMatch(/\ssrc="[^"]+\.(avif|webp|svg)"/);
      for (const [, w] of img.matchAll(/\s(\d+)w\b/g)) expect(Number(w)).toBeLessThanOrEqual(1125);
    }
  });
});
