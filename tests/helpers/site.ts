import fs from 'node:fs';
import path from 'node:path';
import { decodeEntities } from '../../src/core/html-entities.ts';
import { DIST } from './run.ts';

/**
 * The built site the browser and build-output tests read: dist/ from the global setup. TEST_DIST points a
 * local run at another build (e.g. `tests/.output/e2e-build`) while dist/ is busy; `npm test` never sets it.
 */
export const SITE = process.env.TEST_DIST ? path.resolve(process.env.TEST_DIST) : DIST;

/** The built HTML file that serves a site path: `/courses/` → `courses/index.html`, unknown paths → 404.html. */
export function htmlFileFor(pagePath: string): string {
  const pathname = decodeURIComponent(new URL(pagePath, 'http://x').pathname);
  const file = path.join(SITE, pathname, pathname.endsWith('/') ? 'index.html' : '');
  return fs.existsSync(file) ? file : path.join(SITE, '404.html');
}

/** The text of the first <h1> of a built page, without tags. */
export function builtH1(pagePath: string): string {
  const html = fs.readFileSync(htmlFileFor(pagePath), 'utf8');
  const h1 = /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1] ?? '';
  return decodeEntities(h1.replace(/<[^>]+>/g, '')).trim();
}

/** The meta description of a built page (an entry's summary on entry pages). */
export function builtDescription(pagePath: string): string {
  const html = fs.readFileSync(htmlFileFor(pagePath), 'utf8');
  return decodeEntities(/<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '');
}
