import { defineHastPlugin, defineMdastPlugin } from 'satteri';
import { t } from '../i18n/zh-CN.ts';
import { sectionHeadingReplacement } from './section-headings.ts';
import { isInsecureUrl } from './link-notes.ts';

/**
 * Plugins of the site's Markdown processor (Sätteri, astro.config.mjs): what entry bodies need beyond
 * CommonMark and GFM.
 */

/** `##基本情况` and `一、基本情况` lines are section headings, as the validator reads them (src/markdown/section-headings.ts). */
export const sectionHeadings = defineMdastPlugin({
  name: 'zl-section-headings',
  paragraph(node, ctx) {
    if (ctx.parent(node)?.type !== 'root') return;
    const replacement = sectionHeadingReplacement(node);
    if (replacement) ctx.replaceNode(node, replacement);
  },
});

/**
 * A table in an entry body scrolls sideways inside its own box, as the site's own tables do, so that a wide
 * table never makes the whole page scroll at 375 px. The box takes keyboard focus, so that it can be scrolled
 * without a mouse, and is named for screen readers.
 */
export const scrollingTables = defineHastPlugin({
  name: 'zl-scrolling-tables',
  element: {
    filter: ['table'],
    visit(node, ctx) {
      ctx.wrapNode(node, {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['zl-table-wrap', 'zl-table-wrap--prose'],
          tabIndex: 0,
          role: 'region',
          ariaLabel: t('entry.table'),
        },
        children: [],
      });
    },
  },
});

/**
 * A link to an http:// address (allowed: provincial platforms publish at such addresses) is marked 外部链接，不加密.
 * The words are drawn by CSS from the attribute (global.css), so that they are seen and read aloud without
 * entering the page's text, its search index or the exported text. GFM's `www.` autolinks are http:// links too.
 */
export const insecureLinks = defineHastPlugin({
  name: 'zl-insecure-links',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      const href = node.properties?.href;
      if (typeof href !== 'string' || !isInsecureUrl(href)) return;
      ctx.setProperty(node, 'dataLinkNote', t('entry.insecureLink'));
    },
  },
});
