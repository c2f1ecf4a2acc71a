/**
 * A small seeded pseudo-random generator (mulberry32), so that the same seed always gives the same
 * synthetic content. Never use Math.random or the clock in the generator.
 */
export interface Random {
  /** A float in [0, 1) */
  next(): number;
  /** An integer in [min, max], both included */
  int(min: number, max: number): number;
  /** True with the given probability */
  chance(probability: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** A shuffled copy */
  shuffle<T>(list: readonly T[]): T[];
  /** `count` different items, in random order */
  sample<T>(list: readonly T[], count: number): T[];
}

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (list) => {
      if (list.length === 0) throw new Error('pick() from an empty list');
      return list[int(0, list.length - 1)]!;
    },
    shuffle,
    sample: (list, count) => shuffle(list).slice(0, count),
  };
}

/** Hashes any seed text (and extra parts, such as an entry's kind and number) to a 32-bit seed (FNV-1a). */
export function hashSeed(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
