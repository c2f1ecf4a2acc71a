import type { CollectionEntry } from 'astro:content';
import { cityOfUnit, getProvince, type City, type Province } from '../schemas/provinces.ts';
import type { Batch, Scenario, Unit } from '../schemas/data.ts';
import { KINDS, type Kind } from '../config/paths.ts';
import { compareKindThenNewest, compareNewest, type NewestKey } from '../core/newest-first.ts';
import { isLive } from './entry-state.ts';

export type Entry<K extends Kind = Kind> = CollectionEntry<K>;

/** Every list on the site is paged with this many entries a page. */
export const PAGE_SIZE = 20;
export type ScenarioWithSlug = Scenario & { slug: string };

/** What the one newest-first order (src/core/newest-first.ts) reads of an entry. */
export const newestKey = (entry: Entry): NewestKey => ({
  recommendedOn: entry.data.recommendedOn,
  kind: entry.collection,
  slug: entry.id,
});

/** Newest recommendation first; same day: kind in the site's order, then slug. */
export function byNewest(a: Entry, b: Entry): number {
  return compareNewest(newestKey(a), newestKey(b));
}

/** Kind in the site's order (课程资源, 工作案例, 教育培训项目), newest first within a kind. */
export function byKindThenNewest(a: Entry, b: Entry): number {
  return compareKindThenNewest(newestKey(a), newestKey(b));
}

export interface Catalogue {
  /** Every entry, newest first */
  all: Entry[];
  byKind: Record<Kind, Entry[]>;
  units: Map<string, Unit>;
  batches: Map<number, Batch>;
  /** In display order */
  scenarios: ScenarioWithSlug[];
  scenarioByName: Map<string, ScenarioWithSlug>;
  /** Entries per scenario slug, kind then newest */
  byScenario: Map<string, Entry[]>;
  /** Entries per province slug, kind then newest; only provinces with entries */
  byProvince: Map<string, Entry[]>;
  byBatch: Map<number, Entry[]>;
  provinceOf(entry: Entry): Province;
  unitOf(entry: Entry): Unit;
  /** The city the entry's unit is in, where its record says so (see cityOfUnit) */
  cityOf(entry: Entry): City | undefined;
}

function groupBy<K>(entries: Entry[], keys: (entry: Entry) => K[]): Map<K, Entry[]> {
  const groups = new Map<K, Entry[]>();
  for (const entry of entries) {
    for (const key of keys(entry)) {
      const list = groups.get(key) ?? [];
      list.push(entry);
      groups.set(key, list);
    }
  }
  for (const list of groups.values()) list.sort(byKindThenNewest);
  return groups;
}

/** What the catalogue is built from: the content collections, as Astro loads them. */
export interface CatalogueSource {
  units: Map<string, Unit>;
  batches: Map<number, Batch>;
  scenarios: ScenarioWithSlug[];
  entries: Record<Kind, Entry[]>;
}

/** Indexes the collections for the pages. Pure, so that route data can be tested on entries made in Vitest. */
export function indexCatalogue({ units, batches, scenarios: unordered, entries }: CatalogueSource): Catalogue {
  const scenarios = [...unordered].sort((a, b) => a.order - b.order);
  const scenarioByName = new Map(scenarios.map((s) => [s.name, s]));
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, [...entries[kind]].sort(byNewest)])) as Record<
    Kind,
    Entry[]
  >;
  const all = KINDS.flatMap((kind) => entries[kind]).sort(byNewest);
  const provinceOf = (entry: Entry) => getProvince(units.get(entry.data.unit)!.province);
  const cities = new Map([...units].map(([id, unit]) => [id, cityOfUnit(unit)]));
  return {
    all,
    byKind,
    units,
    batches,
    scenarios,
    scenarioByName,
    byScenario: groupBy(all, (e) => e.data.scenarios.map((name) => scenarioByName.get(name)!.slug)),
    byProvince: groupBy(all, (e) => [provinceOf(e).slug]),
    byBatch: groupBy(all, (e) => [e.data.batch]),
    provinceOf,
    unitOf: (entry) => units.get(entry.data.unit)!,
    cityOf: (entry) => cities.get(entry.data.unit),
  };
}

let catalogue: Promise<Catalogue> | undefined;

/** Everything the pages need, read and indexed once per build (pages never scan the catalogue themselves). */
export function getCatalogue(): Promise<Catalogue> {
  catalogue ??= (async () => {
    // Imported here, not at the top: the rest of this module runs in Vitest, where astro:content does not exist.
    const { getCollection } = await import('astro:content');
    const lists = await Promise.all(KINDS.map(async (kind) => (await getCollection(kind)) as Entry[]));
    return indexCatalogue({
      units: new Map((await getCollection('units')).map((u) => [u.id, u.data])),
      batches: new Map((await getCollection('batches')).map((b) => [Number(b.id), b.data])),
      scenarios: (await getCollection('scenarios')).map((s) => ({ ...s.data, slug: s.id })),
      entries: Object.fromEntries(KINDS.map((kind, i) => [kind, lists[i]!])) as Record<Kind, Entry[]>,
    });
  })();
  return catalogue;
}

/** Up to `count` other live entries sharing the entry's scenarios, same kind first; stops early at any N. */
export function relatedEntries(entry: Entry, c: Catalogue, count = 3): Entry[] {
  const sameKind: Entry[] = [];
  const otherKinds: Entry[] = [];
  const seen = new Set<Entry>([entry]);
  for (const name of entry.data.scenarios) {
    for (const other of c.byScenario.get(c.scenarioByName.get(name)!.slug) ?? []) {
      if (sameKind.length >= count) break;
      if (seen.has(other) || !isLive(other)) continue;
      seen.add(other);
      if (other.collection === entry.collection) sameKind.push(other);
      else if (otherKinds.length < count) otherKinds.push(other);
    }
  }
  return [...sameKind, ...otherKinds].slice(0, count);
}

export function entryPath(kind: Kind, slug: string): string {
  return `/${kind}/${slug}/`;
}
