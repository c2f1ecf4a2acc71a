import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { t } from '../i18n/zh-CN.ts';
import { entryPath, getCatalogue } from '../lib/collections.ts';
import { absoluteUrl } from '../lib/paths.ts';

/** How many of the newest entries the feed carries. */
const FEED_SIZE = 50;

/** The newest live entries by recommendation date; withdrawn ones are not announced. */
export const GET: APIRoute = async () => {
  const { all } = await getCatalogue();
  const newest = all.filter((entry) => !entry.data.withdrawn).slice(0, FEED_SIZE);
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
      pubDate: entry.data.recommendedOn,
      categories: [t(`kind.${entry.collection}`), ...entry.data.scenarios],
    })),
  });
};
