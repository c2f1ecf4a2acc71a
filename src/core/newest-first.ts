/**
 * The one "newest first" order of the site, its lists and its open data, and the one order of the three
 * kinds: the site's own, 课程资源, 工作案例, 教育培训项目 (KINDS), as the header and every page show them.
 */
import { KINDS, type Kind } from './slugs.ts';

const KIND_RANK = new Map<Kind, number>(KINDS.map((kind, i) => [kind, i]));

/** The kinds in the site's order: 课程资源 (courses), 工作案例 (cases), 教育培训项目 (projects). */
export function compareKinds(a: Kind | undefined, b: Kind | undefined): number {
  return (a === undefined ? -1 : KIND_RANK.get(a)!) - (b === undefined ? -1 : KIND_RANK.get(b)!);
}

/** What the order reads of an entry or an exported record. */
export interface NewestKey {
  /** A Date, or an ISO day (`2021-10-20`) as the open data writes it */
  recommendedOn: Date | string;
  kind?: Kind;
  slug: string;
}

const time = (day: Date | string) => (typeof day === 'string' ? Date.parse(day) : day.getTime());

/**
 * Newest recommendation first; on the same day, kind in the site's order, then slug (by code unit, the same in
 * every locale), so that the order never depends on file order.
 */
export function compareNewest(a: NewestKey, b: NewestKey): number {
  return (
    time(b.recommendedOn) - time(a.recommendedOn) ||
    compareKinds(a.kind, b.kind) ||
    (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  );
}

/** Kind first, in the site's order, then newest first: the lists of a scenario, a province or a batch. */
export function compareKindThenNewest(a: NewestKey, b: NewestKey): number {
  return compareKinds(a.kind, b.kind) || compareNewest(a, b);
}
