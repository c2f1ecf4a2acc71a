import fs from 'node:fs';
import { createHash } from 'node:crypto';
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

/** The code that reads and renders content: when it changes, entries parsed by the old code must not be reused. */
const CONTENT_CODE = [
  'src/schemas',
  'src/core',
  'src/config',
  'src/report',
  'src/markdown',
  'src/checks',
  'src/collections',
  'src/site',
  'src/search',
  'src/export',
  'src/build',
  'src/authoring',
  'src/content.config.ts',
  'astro.config.mjs',
  'package-lock.json',
];

function contentCodeDigest(): string {
  const hash = createHash('sha256');
  const files = CONTENT_CODE.flatMap((entry) => {
    const full = path.join(PROJECT_ROOT, entry);
    if (!fs.existsSync(full)) return [];
    if (!fs.statSync(full).isDirectory()) return [full];
    return fs
      .readdirSync(full, { recursive: true, encoding: 'utf8' })
      .map((name) => path.join(full, name))
      .filter((file) => fs.statSync(file).isFile());
  });
  for (const file of files.sort())
    hash.update(path.relative(PROJECT_ROOT, file)).update('\0').update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

/**
 * Astro's cache (the content store, optimised images) for one content tree and one version of the code that reads
 * it. Builds that switch CONTENT_DIR in one checkout shared `node_modules/.astro`, and could publish a cover from the
 * previous tree or fail with ImageNotFound; and Astro keeps an unchanged entry's parsed data after a schema change,
 * so a pulled schema change could publish data in the old shape. Caches of the same tree for older code are removed.
 */
export function astroCacheDir(contentDir: string = CONTENT_DIR): string {
  const tree = createHash('sha256').update(contentDir).digest('hex').slice(0, 16);
  const root = path.join(PROJECT_ROOT, 'node_modules', '.astro');
  const current = `content-${tree}-${contentCodeDigest()}`;
  if (fs.existsSync(root)) {
    for (const name of fs.readdirSync(root)) {
      if (name.startsWith(`content-${tree}`) && name !== current)
        fs.rmSync(path.join(root, name), { recursive: true, force: true });
    }
  }
  return path.join(root, current);
}

/** The maintainers' file that sets the public address once (the environment wins over it). */
export const SITE_ADDRESS_FILE = 'src/config/site-address.json';

function readSiteAddressFile(): { siteUrl?: string; basePath?: string } {
  try {
    return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, SITE_ADDRESS_FILE), 'utf8'));
  } catch {
    return {};
  }
}
const addressFile = readSiteAddressFile();

/** Where `npm start`, `npm run dev` and `astro preview` serve the site. */
export const LOCAL_ADDRESS = 'http://localhost:4321';

const configuredSiteUrl = (env.SITE_URL || addressFile.siteUrl || '').trim().replace(/\/+$/, '');

/** Whether the public address is set (SITE_URL or the maintainers' file): a build for publishing needs it. */
export const SITE_URL_CONFIGURED = configuredSiteUrl !== '';

export const SITE_URL = configuredSiteUrl || LOCAL_ADDRESS;

/**
 * A local preview: the site's links and QR codes open only on this computer, and every page says so.
 * That is the case whenever the address is this computer's own.
 */
export const IS_LOCAL_PREVIEW = /^https?:\/\/(?:localhost|127(?:\.\d+){3}|\[::1\])(?::\d+)?$/i.test(SITE_URL);

/** Set by `npm start` (`build --preview`): a build that may use the local address. */
export const LOCAL_PREVIEW_VARIABLE = 'ZHULAO_LOCAL_PREVIEW';
export const LOCAL_PREVIEW_REQUESTED = env[LOCAL_PREVIEW_VARIABLE] === '1';

/**
 * Why a build for publishing cannot start, in Chinese, or undefined when it can: the public address must be
 * set, and must be an http(s) origin. A local preview needs no address.
 */
export function publicAddressProblem(preview: boolean = LOCAL_PREVIEW_REQUESTED): string | undefined {
  if (!SITE_URL_CONFIGURED) {
    if (preview) return undefined;
    return [
      '没有设置网站的公开地址，构建已停止：二维码、规范链接、站点地图、RSS 和开放数据都要写上这个地址，不能用 localhost 冒充。',
      '请任选一种方式设置：',
      '  1. 构建时指定：SITE_URL=https://你的网址 npm run build（部署工作流已经这样做）',
      `  2. 由维护者在 ${SITE_ADDRESS_FILE} 里填写 siteUrl（只需一次）`,
      '只想在本机看看效果，请用 npm start 或 npm run dev：那是本机预览，每页都会标明。',
    ].join('\n');
  }
  let url: URL | undefined;
  try {
    url = new URL(SITE_URL);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
    return `网站地址「${SITE_URL}」写得不对：只能是 https://域名 这样的网址，不带路径（子路径请写在 BASE_PATH 或 ${SITE_ADDRESS_FILE} 的 basePath 里）`;
  }
  return undefined;
}

/** Always starts and ends with a slash: `/` or `/zhulao/`. */
export const BASE_PATH = `/${(env.BASE_PATH || addressFile.basePath || '').replace(/^\/+|\/+$/g, '')}/`.replace(
  /^\/\/$/,
  '/',
);

/**
 * `npm run build` checks the content in its own process before Astro builds, and sets this variable so that
 * the content-checks integration does not check it a second time (scripts/build.ts).
 */
export const CHECKED_ALONGSIDE_VARIABLE = 'ZHULAO_CHECKED_ALONGSIDE';
export const CHECKED_ALONGSIDE = env[CHECKED_ALONGSIDE_VARIABLE] === '1';

/** Set by GitHub Actions: `npm run validate` then also prints its problems as annotations on the pull request. */
export const GITHUB_ANNOTATIONS = env.GITHUB_ACTIONS === 'true';

export { KINDS, RESERVED_SLUGS, type Kind } from '../core/slugs.ts';

/** Data files under CONTENT_DIR, one YAML file each. */
export const DATA_FILES = {
  units: 'units.yaml',
  batches: 'batches.yaml',
  scenarios: 'scenarios.yaml',
  site: 'site.yaml',
  glossary: 'glossary.yaml',
  startHere: 'start-here.yaml',
} as const;

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
