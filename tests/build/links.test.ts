import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, SITE_URL } from '../../src/config/paths.ts';
import { decodeEntities } from '../../src/core/html-entities.ts';
import { SITE } from '../helpers/site.ts';
import { builtPages } from '../helpers/built-pages.ts';

/** Every link, image, video and form in the built site that points into the site lands on a file that exists. */
const ORIGIN = new URL(SITE_URL).origin;
const URL_ATTRIBUTES = /\s(href|src|srcset|poster|action)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

const htmlFiles = builtPages(SITE);

/** The public URL a built file is served at: `courses/index.html` → `${SITE_URL}${BASE_PATH}courses/`. */
function pageUrl(file: string): URL {
  return new URL(BASE_PATH + file.replace(/(^|\/)index\.html$/, '$1'), ORIGIN);
}

/** Markup outside scripts, styles and comments, where URLs are attributes rather than code. */
function markup(html: string): string {
  return html.replace(/<(script|style)\b[^>]*>.*?<\/\1>/gis, '').replace(/<!--.*?-->/gs, '');
}

function urlsIn(html: string): { attribute: string; value: string }[] {
  return [...markup(html).matchAll(URL_ATTRIBUTES)].flatMap((m) => {
    const attribute = m[1]!.toLowerCase();
    const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (attribute !== 'srcset') return [{ attribute, value }];
    return value.split(',').map((candidate) => ({ attribute, value: candidate.trim().split(/\s+/)[0]! }));
  });
}

const idCache = new Map<string, Set<string>>();
/** ids (and <a name>) of a built page: where its #fragments can land. */
function anchorsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const html = markup(fs.readFileSync(path.join(SITE, file), 'utf8'));
    ids = new Set(
      [...html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)].map((m) =>
        decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''),
      ),
    );
    idCache.set(file, ids);
  }
  return ids;
}

/** The built file a same-site path is served from, or why there is none. */
function fileFor(pathname: string): { file?: string; problem?: string } {
  if (!pathname.startsWith(BASE_PATH)) return { problem: `outside the base path ${BASE_PATH}` };
  const relative = decodeURIComponent(pathname.slice(BASE_PATH.length));
  const candidate = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  if (fs.existsSync(path.join(SITE, candidate)) && fs.statSync(path.join(SITE, candidate)).isFile())
    return { file: candidate };
  if (fs.existsSync(path.join(SITE, relative, 'index.html'))) return { problem: 'a folder: add the trailing /' };
  return { problem: 'no such file in the build' };
}

/** Problems with the same-site URLs of one built page, as `url: problem`. */
function brokenLinks(file: string): string[] {
  const base = pageUrl(file);
  const html = fs.readFileSync(path.join(SITE, file), 'utf8');
  const problems: string[] = [];
  for (const { attribute, value } of urlsIn(html)) {
    if (value === '' || /^(mailto|tel|data|javascript|blob):/i.test(value)) continue;
    let url: URL;
    try {
      url = new URL(value, base);
    } catch {
      problems.push(`${attribute}="${value}": not a URL`);
      continue;
    }
    if (url.origin !== ORIGIN) continue; // another site: not ours to check offline
    const target = fileFor(url.pathname);
    if (!target.file) {
      problems.push(`${attribute}="${value}": ${target.problem}`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && target.file.endsWith('.html') && !anchorsOf(target.file).has(fragment))
      problems.push(`${attribute}="${value}": no id="${fragment}" in ${target.file}`);
  }
  return problems;
}

describe('internal links', () => {
  it('finds the built pages', () => {
    expect(htmlFiles.length).toBeGreaterThan(20);
    expect(htmlFiles).toContain('index.html');
  });

  it('checks real links, so that it can fail', () => {
    const home = urlsIn(fs.readFileSync(path.join(SITE, 'index.html'), 'utf8')).map((u) => u.value);
    expect(home).toContain(`${BASE_PATH}courses/`);
    expect(fileFor(`${BASE_PATH}no-such-page/`).problem).toBe('no such file in the build');
    expect(anchorsOf('index.html').has('main')).toBe(true);
  });

  it('every href, src, srcset, poster and action into the site resolves to a built file and an existing #id', () => {
    const problems = htmlFiles.flatMap((file) => brokenLinks(file).map((problem) => `${file}: ${problem}`));
    expect(problems).toEqual([]);
  });
});
