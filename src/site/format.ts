/** 2022年5月31日, from a date at UTC midnight (as content dates are). */
export function formatDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/**
 * A title cut to `max` characters with an ellipsis, for the breadcrumb: the page's heading says it in full just
 * below, and a long title said twice pushes the summary off a phone's first screen.
 */
export function shortenTitle(title: string, max = 12): string {
  const parts = [...graphemes.segment(title)].map((s) => s.segment);
  return parts.length <= max
    ? title
    : `${parts
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
