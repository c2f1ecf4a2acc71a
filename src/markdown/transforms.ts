import type { HastPluginList, MdastPluginList } from 'satteri';
import { insecureLinks, scrollingTables, sectionHeadings } from './plugins.ts';
import { wordPastePlugin } from './word-paste.ts';

/**
 * The one place where changes to an entry's Markdown plug in (for example the clean-up of text pasted from Word).
 * Whatever is listed here runs inside the Markdown pipeline (./pipeline.ts), so `npm run validate`, the build's
 * checks and the page Astro publishes all see the transformed text: nothing can be checked in one form and shown
 * in another.
 *
 * - `SOURCE_TRANSFORMS` rewrite the Markdown text before it is parsed. Each must be idempotent (applying it twice
 *   gives the same text as once) and keep line breaks, so that reported line numbers still match the file.
 * - `MDAST_PLUGINS` and `HAST_PLUGINS` are Sätteri plugins (`defineMdastPlugin`, `defineHastPlugin`) that run on
 *   the parsed tree and on the HTML tree, before Astro's own plugins (images, heading ids).
 *
 * Whatever a transform produces is still held to the allowlist (./allowlist.ts): a transform cannot let markup
 * through that an author could not write.
 */
export const SOURCE_TRANSFORMS: readonly ((markdown: string) => string)[] = [];

/**
 * Text pasted from Word: lines next to Chinese text are paragraphs, typed step numbers a numbered list
 * (../word-paste.ts). Then section headings as provinces write them (`##基本情况`, `一、基本情况`) render as the
 * validator reads them; Word paste runs first, so that a heading line pasted inside a paragraph stands alone.
 */
export const MDAST_PLUGINS: MdastPluginList = [wordPastePlugin, sectionHeadings];

/**
 * Wide tables scroll inside their own box; http:// links are marked 外部链接，不加密 (both allowed as such in
 * ./allowlist.ts).
 */
export const HAST_PLUGINS: HastPluginList = [scrollingTables, insecureLinks];
