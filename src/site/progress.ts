import type { Catalogue, Entry } from '../collections/catalogue.ts';
import { isLive, isPromoted } from '../collections/entry-state.ts';
import { KINDS, type Kind } from '../config/paths.ts';
import { PROVINCES } from '../schemas/provinces.ts';

/** 教职成司函〔2021〕44 号: by the end of 2022, 100 cases, 200 projects and 500 courses promoted (推介). */
export const NATIONAL_TARGETS: Record<Kind, number> = { cases: 100, projects: 200, courses: 500 };

const tally = (entries: Entry[]) => ({
  total: entries.length,
  promoted: entries.filter(isPromoted).length,
});

/** Counts for /progress/; withdrawn entries do not count towards the targets. */
export function countProgress(catalogue: Catalogue) {
  const live = (entries: Entry[] | undefined) => (entries ?? []).filter(isLive);
  return {
    byKind: Object.fromEntries(KINDS.map((kind) => [kind, tally(live(catalogue.byKind[kind]))])) as Record<
      Kind,
      { total: number; promoted: number }
    >,
    byBatch: [...catalogue.batches].map(([n, batch]) => ({
      n,
      name: batch.name,
      ...tally(live(catalogue.byBatch.get(n))),
    })),
    byProvince: PROVINCES.filter((p) => catalogue.byProvince.has(p.slug)).map((p) => ({
      slug: p.slug,
      name: p.name,
      fullName: p.fullName,
      ...tally(live(catalogue.byProvince.get(p.slug))),
    })),
  };
}
