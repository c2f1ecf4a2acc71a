/** How many of the newest entries the feed (rss.xml) carries. */
export const FEED_SIZE = 50;

interface FeedCandidate {
  id: string;
  data: { addedOn: Date; recommendedOn: Date; title: string; withdrawn: boolean };
}

/**
 * The live entries most recently added to the site (addedOn), newest first, so that an entry added today with
 * an old recommendation date is announced too. Ties by recommendation date, title and slug, never file order.
 */
export function feedEntries<E extends FeedCandidate>(entries: readonly E[], size = FEED_SIZE): E[] {
  return entries
    .filter((entry) => !entry.data.withdrawn)
    .sort(
      (a, b) =>
        b.data.addedOn.getTime() - a.data.addedOn.getTime() ||
        b.data.recommendedOn.getTime() - a.data.recommendedOn.getTime() ||
        a.data.title.localeCompare(b.data.title, 'zh-CN') ||
        a.id.localeCompare(b.id),
    )
    .slice(0, size);
}
