import { isLive } from '../collections/entry-state.ts';
import type { Kind } from '../config/paths.ts';
import { compareNewest, type NewestKey } from '../core/newest-first.ts';

/** How many of the newest entries the feed (rss.xml) carries. */
export const FEED_SIZE = 50;

interface FeedCandidate {
  id: string;
  collection?: Kind;
  data: { addedOn: Date; recommendedOn: Date; title: string; withdrawn: boolean };
}

const newestKey = (entry: FeedCandidate): NewestKey => ({
  recommendedOn: entry.data.recommendedOn,
  kind: entry.collection,
  slug: entry.id,
});

/**
 * The live entries most recently added to the site (addedOn), newest first, so that an entry added today with
 * an old recommendation date is announced too. Ties in the site's newest-first order, never file order.
 */
export function feedEntries<E extends FeedCandidate>(entries: readonly E[], size = FEED_SIZE): E[] {
  return entries
    .filter(isLive)
    .sort((a, b) => b.data.addedOn.getTime() - a.data.addedOn.getTime() || compareNewest(newestKey(a), newestKey(b)))
    .slice(0, size);
}
