import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { t } from '../i18n/zh-CN.ts';
import { entryPath, getCatalogue } from '../collections/catalogue.ts';
import { feedEntries } from '../export/feed.ts';
import { absoluteUrl } from '../config/paths.ts';

/** The live entries most recently added to the site; withdrawn ones are not announced (src/export/feed.ts). */
export const GET: APIRoute = async () => {
  const newest = feedEntries((await getCatalogue()).all);
  return rss({
    title: t('site.name'),
    description: t('site.tagline'),
    site: absoluteUrl('/'),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-CN</language><atom:link href="${absoluteUrl('/rss.xml')}" rel="self" type="application/rss+xml"/>`,
    items: newest.map((entry) => ({
      title: entry.data.title,
      description: entry.data.summary,
      link: absoluteUrl(entryPath(entry.collection, entry.id)),
      pubDate: entry.data.addedOn,
      categories: [t(`kind.${entry.collection}`), ...entry.data.scenarios],
    })),
  });
};
