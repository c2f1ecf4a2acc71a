import {
  satteri,
  satteriCollectImagesPlugin,
  satteriHeadingIdsPlugin,
  satteriImageMarkerPlugin,
} from '@astrojs/markdown-satteri';
import type { AstroConfig } from 'astro';
import { markdownToHtml, type Features, type MarkdownToHtmlResult, type MdastPluginDefinition } from 'satteri';
import { canParse, sourceNesting } from './plain-text.ts';

export { sourceNesting };
import { nodesOf } from '../core/walk.ts';
import { applyAllowlist, MAX_HTML_DEPTH, type Refusal } from './allowlist.ts';
import { HAST_PLUGINS, MDAST_PLUGINS, SOURCE_TRANSFORMS } from './transforms.ts';

/**
 * The one Markdown pipeline. Astro renders every entry body with `renderMarkdown` (astro.config.mjs sets
 * `markdown.processor` to `bodyProcessor()`), and the content checks (`npm run validate` and the build's checks)
 * call the very same function on the very same text. Nothing is parsed twice by two parsers.
 *
 * Sätteri with GFM and smart punctuation (Astro's defaults), footnote labels in Chinese, Astro's own plugins for
 * body images and heading ids, then the allowlist (./allowlist.ts) on the resulting HTML.
 */

export const MARKDOWN_FEATURES: Features = {
  gfm: { footnotes: { label: '注释', backLabel: '返回正文第 {reference} 处', backContent: '↩' } },
  smartPunctuation: true,
};

/** Body images are files in the content tree; no remote image is ever fetched or optimised. */
const IMAGE_CONFIG = { domains: [], remotePatterns: [] };

/** What the parser saw, with lines counted from the body's first line (1-based). */
export interface SourceRecord {
  /** Raw HTML (blocks and inline tags), as Sätteri read it */
  html: { value: string; line: number }[];
  /** Every link, image and link definition */
  urls: { kind: 'link' | 'image' | 'definition'; url: string; text: string; line: number }[];
  /** A `---` / `+++` block at the top of the body, which Sätteri reads as frontmatter and drops */
  droppedBlock?: { line: number };
}

export interface RenderedMarkdown {
  /** What the page publishes: empty when the body is too long or nests too deeply to render */
  html: string;
  source: SourceRecord;
  /** Body images, as written (`./images/x.png`) */
  localImagePaths: string[];
  remoteImagePaths: string[];
  headings: { depth: number; slug: string; text: string }[];
  /** What the allowlist took out of the rendering */
  refused: Refusal[];
  /** Whether the rendering held anything outside the allowlist */
  outsideAllowlist: boolean;
  /** The nesting depth of the HTML, when it is over the limit */
  tooDeep?: number;
  /** Whether the body was too long to render (plain-text.ts: MAX_BODY_LENGTH) */
  tooLong: boolean;
}

/** The body as every check and the page read it: Astro's trim, then the transforms. */
export function prepareBody(body: string): string {
  return SOURCE_TRANSFORMS.reduce((text, transform) => transform(text), body.trim());
}

function textOf(node: object): string {
  let text = '';
  for (const current of nodesOf<{ value?: unknown; alt?: unknown }>(node)) {
    if (typeof current.value === 'string') text += current.value;
    if (typeof current.alt === 'string') text += current.alt;
  }
  return text;
}

/** Records, as the parser reads them, the pieces of a body that the markup checks look at. */
function recordSource(record: SourceRecord): MdastPluginDefinition {
  const line = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1;
  return {
    name: 'zhulao:record-source',
    options: { position: true },
    html(node) {
      record.html.push({ value: node.value, line: line(node) });
    },
    link(node) {
      record.urls.push({ kind: 'link', url: node.url, text: textOf(node), line: line(node) });
    },
    image(node) {
      record.urls.push({ kind: 'image', url: node.url, text: node.alt ?? '', line: line(node) });
    },
    definition(node) {
      record.urls.push({ kind: 'definition', url: node.url, text: '', line: line(node) });
    },
    yaml(node) {
      record.droppedBlock ??= { line: line(node) };
    },
    toml(node) {
      record.droppedBlock ??= { line: line(node) };
    },
  };
}

interface AstroRenderData {
  frontmatter: Record<string, unknown>;
  headings: { depth: number; slug: string; text: string }[];
  localImagePaths: Set<string>;
  remoteImagePaths: Set<string>;
}

/**
 * Renders an entry body (as Astro hands it over: frontmatter removed, trimmed) to the HTML a reader gets, and
 * says what in it the checks must refuse. Synchronous: every plugin in the pipeline is.
 */
export function renderMarkdown(
  body: string,
  options: { frontmatter?: Record<string, unknown>; fileURL?: URL } = {},
): RenderedMarkdown {
  const source: SourceRecord = { html: [], urls: [] };
  const empty = { html: '', source, localImagePaths: [], remoteImagePaths: [], headings: [], refused: [] };
  const prepared = prepareBody(body);
  // Sätteri's time grows faster than the text on some inputs; a body over the limit is refused unread (sections.ts).
  if (!canParse(prepared)) return { ...empty, outsideAllowlist: false, tooLong: true };
  const nesting = sourceNesting(prepared);
  if (nesting > MAX_HTML_DEPTH) return { ...empty, outsideAllowlist: true, tooDeep: nesting, tooLong: false };
  const astro: AstroRenderData = {
    frontmatter: options.frontmatter ?? {},
    headings: [],
    localImagePaths: new Set(),
    remoteImagePaths: new Set(),
  };
  const result = markdownToHtml(prepared, {
    mdastPlugins: [...MDAST_PLUGINS, recordSource(source), satteriCollectImagesPlugin(IMAGE_CONFIG)],
    hastPlugins: [...HAST_PLUGINS, satteriImageMarkerPlugin(), satteriHeadingIdsPlugin()],
    features: MARKDOWN_FEATURES,
    fileURL: options.fileURL,
    data: { astro },
  }) as MarkdownToHtmlResult | Promise<MarkdownToHtmlResult>;
  if (result instanceof Promise)
    throw new Error('A Markdown plugin is asynchronous; the pipeline must stay synchronous');
  const checked = applyAllowlist(result.html);
  return {
    html: checked.html,
    source,
    localImagePaths: [...astro.localImagePaths],
    remoteImagePaths: [...astro.remoteImagePaths],
    headings: astro.headings,
    refused: checked.refused,
    outsideAllowlist: checked.changed,
    tooDeep: checked.tooDeep,
    tooLong: false,
  };
}

type MarkdownProcessor = AstroConfig['markdown']['processor'];

/**
 * Astro's `markdown.processor`: Sätteri for the team's own MDX pages, and `renderMarkdown` for entry bodies.
 * Astro passes its shared options (syntax highlighting, smart punctuation …) to `createRenderer`; the pipeline
 * ignores them on purpose, so that nothing in astro.config.mjs can make the site render differently from what
 * validate checked.
 */
export function bodyProcessor(): MarkdownProcessor {
  const base = satteri({ features: MARKDOWN_FEATURES });
  return {
    ...base,
    async createRenderer() {
      return {
        async render(content: string, renderOptions?: { frontmatter?: Record<string, unknown>; fileURL?: URL }) {
          const rendered = renderMarkdown(content, renderOptions);
          return {
            code: rendered.html,
            metadata: {
              headings: rendered.headings,
              localImagePaths: rendered.localImagePaths,
              remoteImagePaths: rendered.remoteImagePaths,
              frontmatter: renderOptions?.frontmatter ?? {},
            },
          };
        },
      };
    },
  } as MarkdownProcessor;
}
