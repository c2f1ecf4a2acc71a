/** 我的收藏: entries saved on this device only (localStorage, no account). */
export interface Favorite {
  kind: string;
  slug: string;
  title: string;
  summary: string;
  url: string;
}

const KEY = 'zl-favorites';

export function readFavorites(): Favorite[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? (value as Favorite[]).filter((f) => f && typeof f.slug === 'string') : [];
  } catch {
    return [];
  }
}

function write(favorites: Favorite[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(favorites));
  } catch {
    // Storage refused (private mode): nothing to keep.
  }
}

export function isFavorite(kind: string, slug: string): boolean {
  return readFavorites().some((f) => f.kind === kind && f.slug === slug);
}

/** Adds or removes; returns whether the entry is now saved. Newest first. */
export function toggleFavorite(entry: Favorite): boolean {
  const others = readFavorites().filter((f) => !(f.kind === entry.kind && f.slug === entry.slug));
  const adding = others.length === readFavorites().length;
  write(adding ? [entry, ...others] : others);
  return adding;
}

export function removeFavorite(kind: string, slug: string): void {
  write(readFavorites().filter((f) => !(f.kind === kind && f.slug === slug)));
}
