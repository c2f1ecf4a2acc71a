import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { t } from '../i18n/zh-CN.ts';
import { nodesOf } from '../core/walk.ts';

/**
 * What an entry's body may become on the page: the elements and attributes that Markdown itself produces (GFM
 * tables, task lists, footnotes, images, links), and nothing else. The rendered HTML is parsed the way a browser
 * parses it (parse5, through hast-util-from-html) and checked with hast-util-sanitize, a maintained allowlist
 * sanitiser, against this schema. The build publishes the sanitised tree; validate refuses any body whose
 * rendering the sanitiser would change. So what a reader gets is exactly what was checked.
 */

/** Astro marks a body image with this attribute and swaps in the optimised <img> when the page is built. */
const ASTRO_IMAGE_ATTRIBUTE = '__ASTRO_IMAGE_';
/** The same attribute as an HTML parser reads it (names are lower-cased). */
const ASTRO_IMAGE_PROPERTY = ASTRO_IMAGE_ATTRIBUTE.toLowerCase();

const ALIGN = ['style', 'text-align: left', 'text-align: center', 'text-align: right'] as const;

export const BODY_SCHEMA: Schema = {
  tagNames: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'hr',
    'br',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sup',
    'section',
    'div',
    'input',
  ],
  attributes: {
    h1: ['id'],
    h2: ['id', ['className', 'sr-only']],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
    a: [
      'href',
      'title',
      'id',
      'ariaDescribedBy',
      'ariaLabel',
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['className', 'data-footnote-backref'],
      // The 外部链接，不加密 mark that src/markdown/plugins.ts puts on http:// links, drawn by CSS.
      ['dataLinkNote', t('entry.insecureLink')],
    ],
    img: ['src', 'alt', 'title', ASTRO_IMAGE_PROPERTY],
    ol: ['start', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    li: ['id', ['className', 'task-list-item']],
    input: [
      ['type', 'checkbox'],
      ['disabled', true],
      ['checked', true],
    ],
    code: [['className', /^language-[\w+#.-]{1,40}$/]],
    section: ['dataFootnotes', ['className', 'footnotes']],
    th: [[...ALIGN]],
    td: [[...ALIGN]],
    // The scrolling box that src/markdown/plugins.ts puts around each table.
    div: [
      ['className', 'zl-table-wrap', 'zl-table-wrap--prose'],
      ['tabIndex', 0],
      ['role', 'region'],
      ['ariaLabel', t('entry.table')],
    ],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  ancestors: {
    table: ['div'],
    tbody: ['table'],
    thead: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
    input: ['li'],
  },
  // Links: the web, fragments and site paths. Images: files in the content tree only (the site makes no
  // third-party requests); hast-util-sanitize cannot refuse every scheme, so `urlRefused` does that, and `//`.
  protocols: { href: ['http', 'https'] },
  // Heading and footnote ids are Sätteri's own (already prefixed `user-content-` for footnotes).
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'template'],
  allowComments: false,
  allowDoctypes: false,
};

const TAG_NAMES = new Set(BODY_SCHEMA.tagNames);

/** Past this many nested elements the rendering is refused: browsers flatten deeper trees, and readers get lost. */
export const MAX_HTML_DEPTH = 48;

/** What the allowlist took out of a rendering, for the Chinese report (markup-safety.ts). */
export interface Refusal {
  /** An element outside the allowlist */
  tag?: string;
  /** An attribute outside the allowlist, on `tag` */
  attribute?: string;
  /** A link or image address outside the allowlist */
  url?: { attribute: 'href' | 'src'; value: string };
  comment?: boolean;
}

export interface AllowlistResult {
  /** The HTML to publish: the sanitised tree, serialised; empty when the rendering was refused as too deep. */
  html: string;
  /** Whether the sanitiser changed anything, i.e. whether the rendering holds anything outside the allowlist */
  changed: boolean;
  /** What the sanitiser would take out (each kind once) */
  refused: Refusal[];
  /** The nesting depth, when it is over MAX_HTML_DEPTH (nothing else is checked then) */
  tooDeep?: number;
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const TAG_TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/**
 * How deeply the elements of generated HTML nest, in one linear scan. The HTML comes from the Markdown renderer,
 * whose own tags are well formed; raw HTML in it only makes the count larger, which errs on the safe side.
 */
export function htmlDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const [, closing, name, selfClosing] of html.matchAll(TAG_TOKEN)) {
    const tag = name!.toLowerCase();
    if (VOID.has(tag) || selfClosing) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

function allowedAttributes(tag: string): Set<string> {
  const list = BODY_SCHEMA.attributes?.[tag] ?? [];
  return new Set(list.map((entry) => (typeof entry === 'string' ? entry : entry[0])));
}

/**
 * Whether an address leaves the allowlist: links go to http(s), a fragment or a site path; images come from the
 * content tree only. `//host/…` (and `/\\host`, which browsers read the same) leaves the site without a scheme, which
 * hast-util-sanitize's protocol rule cannot see, so it is checked here too.
 */
export function urlRefused(value: string, attribute: 'href' | 'src'): boolean {
  const url = value.trim();
  if (/^[\\/][\\/]/.test(url)) return true;
  const scheme = /^([^:/?#]+):/.exec(url)?.[1];
  if (scheme === undefined) return false;
  return attribute === 'src' || !['http', 'https'].includes(scheme.toLowerCase());
}

/** Names what the sanitiser took out: elements, attributes, addresses and comments outside the allowlist. */
function describeRefusals(tree: Root): Refusal[] {
  const refused = new Map<string, Refusal>();
  const add = (key: string, refusal: Refusal) => refused.has(key) || refused.set(key, refusal);
  for (const node of nodesOf<Nodes>(tree)) {
    if (node.type === 'comment') add('comment', { comment: true });
    if (node.type !== 'element') continue;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (!TAG_NAMES.has(tag)) {
      add(`<${tag}>`, { tag });
      continue;
    }
    const allowed = allowedAttributes(tag);
    for (const [name, value] of Object.entries(element.properties)) {
      if (!allowed.has(name)) add(`${tag} ${name}`, { tag, attribute: name });
      else if ((name === 'href' || name === 'src') && typeof value === 'string' && urlRefused(value, name)) {
        add(`${name} ${value}`, { url: { attribute: name, value } });
      }
    }
  }
  return [...refused.values()];
}

/** Removes the addresses `urlRefused` refuses from a sanitised tree; whether there were any. */
function removeRefusedUrls(tree: Root): boolean {
  let removed = false;
  for (const node of nodesOf<Nodes>(tree)) {
    if (node.type !== 'element') continue;
    for (const name of ['href', 'src'] as const) {
      const value = node.properties[name];
      if (typeof value === 'string' && urlRefused(value, name)) {
        delete node.properties[name];
        removed = true;
      }
    }
  }
  return removed;
}

/** Astro finds body images by the attribute's exact (upper-case) name. Says whether the tree held any. */
function restoreImageMarkers(tree: Root): boolean {
  let restored = false;
  for (const node of nodesOf<Nodes>(tree)) {
    if (node.type !== 'element' || node.tagName !== 'img') continue;
    const marker = node.properties[ASTRO_IMAGE_PROPERTY];
    if (marker === undefined) continue;
    delete node.properties[ASTRO_IMAGE_PROPERTY];
    node.properties[ASTRO_IMAGE_ATTRIBUTE] = marker;
    restored = true;
  }
  return restored;
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]));

/**
 * Whether two trees are the same node for node: type, tag, value and every property. Two such trees serialise to
 * the same HTML, so the sanitiser changed nothing; when they differ, the serialisations decide (see applyAllowlist).
 * Without recursion: a body may nest thousands deep.
 */
export function sameTree(a: Root, b: Root): boolean {
  const stack: [Nodes, Nodes][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x.type !== y.type) return false;
    if ('value' in x && (!('value' in y) || x.value !== y.value)) return false;
    if (x.type === 'element') {
      const other = y as Element;
      if (x.tagName !== other.tagName) return false;
      const keys = Object.keys(x.properties);
      if (keys.length !== Object.keys(other.properties).length) return false;
      if (!keys.every((key) => sameValue(x.properties[key], other.properties[key]))) return false;
    }
    const xs = 'children' in x ? x.children : [];
    const ys = 'children' in y ? y.children : [];
    if (xs.length !== ys.length) return false;
    for (let i = 0; i < xs.length; i++) stack.push([xs[i]!, ys[i]!]);
  }
  return true;
}

/**
 * Parses rendered HTML as a browser would, runs it through the allowlist, and says whether anything had to be
 * taken out. Deeper than MAX_HTML_DEPTH, nothing is parsed (the parser's tree converters recurse) and nothing
 * is published.
 */
export function applyAllowlist(html: string): AllowlistResult {
  const depth = htmlDepth(html);
  if (depth > MAX_HTML_DEPTH) return { html: '', changed: true, refused: [], tooDeep: depth };
  const tree = fromHtml(html, { fragment: true });
  const clean = sanitize(tree, BODY_SCHEMA) as Root;
  // Serialised once on the usual path (nothing refused, no body image): the tree comparison stands in for a
  // second serialisation, and only a tree that differs is compared as HTML.
  const removed = removeRefusedUrls(clean);
  let published = toHtml(clean);
  const changed = removed || (!sameTree(clean, tree) && published !== toHtml(tree));
  if (restoreImageMarkers(clean)) published = toHtml(clean);
  return { html: published, changed, refused: changed ? describeRefusals(tree) : [] };
}
