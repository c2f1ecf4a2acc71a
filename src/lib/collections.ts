import { getCollection, type CollectionEntry } from 'astro:content';
import { getProvince, type Province } from '../schemas/provinces.ts';
import type { Batch, Scenario, Unit } from '../schemas/data.ts';
import type { Kind } from './paths.ts';

export type Entry<K extends Kind = Kind> = CollectionEntry<K>;

/** Newest recommendation first; ties by title so that the order never depends on file order. */
export function byNewest(a: Entry, b: Entry): number {
  return (
    b.data.recommendedOn.getTime() - a.data.recommendedOn.getTime() || a.data.title.localeCompare(b.data.title, 'zh-CN')
  );
}

export async function getEntries<K extends Kind>(kind: K): Promise<Entry<K>[]> {
  const entries = (await getCollection(kind)) as Entry<K>[];
  return entries.sort(byNewest);
}

export interface Lookups {
  units: Map<string, Unit>;
  batches: Map<number, Batch>;
  scenariosByName: Map<string, Scenario & { slug: string }>;
  provinceOf(entry: Entry): Province;
}

let lookups: Promise<Lookups> | undefined;

/** Units, batches and scenarios, read once per build. */
export function getLookups(): Promise<Lookups> {
  lookups ??= (async () => {
    const units = new Map((await getCollection('units')).map((u) => [u.id, u.data]));
    const batches = new Map((await getCollection('batches')).map((b) => [Number(b.id), b.data]));
    const scenariosByName = new Map(
      (await getCollection('scenarios'))
        .sort((a, b) => a.data.order - b.data.order)
        .map((s) => [s.data.name, { ...s.data, slug: s.id }]),
    );
    return {
      units,
      batches,
      scenariosByName,
      provinceOf: (entry) => getProvince(units.get(entry.data.unit)!.province),
    };
  })();
  return lookups;
}

export function entryPath(kind: Kind, slug: string): string {
  return `/${kind}/${slug}/`;
}
