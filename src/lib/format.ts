/** 2022年5月31日, from a date at UTC midnight (as content dates are). */
export function formatDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}
