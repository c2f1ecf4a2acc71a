import path from 'node:path';

/**
 * The only place that reads the environment. Everything else imports these values.
 * CONTENT_DIR: the content tree (default `content/`); SITE_URL and BASE_PATH: the public origin and
 * base path used by canonical links, QR codes, sitemap, RSS and exports.
 */
const env = process.env;

/** npm scripts, Astro and Vitest all run from the project root (bundled page code has no reliable file location). */
export const PROJECT_ROOT = process.cwd();

export const CONTENT_DIR = path.resolve(PROJECT_ROOT, env.CONTENT_DIR || 'content');

export const SITE_URL = (env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, '');

/** Always starts and ends with a slash: `/` or `/zhulao/`. */
export const BASE_PATH = `/${(env.BASE_PATH || '').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/**
 * `npm run build` checks the content in its own process while Astro builds, and sets this variable so that
 * the content-checks integration does not check it a second time (scripts/build.ts).
 */
export const CHECKED_ALONGSIDE_VARIABLE = 'ZHULAO_CHECKED_ALONGSIDE';
export const CHECKED_ALONGSIDE = env[CHECKED_ALONGSIDE_VARIABLE] === '1';

export const KINDS = ['courses', 'cases', 'projects'] as const;
export type Kind = (typeof KINDS)[number];

/** Data files under CONTENT_DIR, one YAML file each. */
export const DATA_FILES = {
  units: 'units.yaml',
  batches: 'batches.yaml',
  scenarios: 'scenarios.yaml',
  site: 'site.yaml',
  glossary: 'glossary.yaml',
  startHere: 'start-here.yaml',
} as const;

/** Path segments that list pages use under /<kind>/, so no entry may take them as its slug. */
export const RESERVED_SLUGS = ['tuijie'] as const;

/** Entry slugs are file names: `courses/2022/shouji-guahao.md` → `shouji-guahao`. */
export function slugFromPath(file: string): string {
  return path.basename(file).replace(/\.md$/i, '');
}

export const contentPath = (...parts: string[]) => path.join(CONTENT_DIR, ...parts);

/** A site-relative URL with the base path: `withBase('/courses/')` → `/zhulao/courses/`. */
export function withBase(pathname: string): string {
  return BASE_PATH + pathname.replace(/^\/+/, '');
}

/** The absolute public URL of a site path, for QR codes, canonical links and exports. */
export function absoluteUrl(pathname: string): string {
  return SITE_URL + withBase(pathname);
}
