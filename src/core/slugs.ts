/**
 * The path rules: which kinds of entry there are and which file names (slugs) an entry may take.
 * Schemas, the validator, the scaffolder and the pages all apply these, so they sit in the lowest
 * layer and import nothing.
 */

export const KINDS = ['courses', 'cases', 'projects'] as const;
export type Kind = (typeof KINDS)[number];

/** Kebab-case ASCII ids: entry slugs, unit ids, scenario slugs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Path segments that list pages use under /<kind>/, so no entry may take them as its slug. */
export const RESERVED_SLUGS = ['tuijie'] as const;

/**
 * What is wrong with an entry's file name, if anything: the one rule the validator and the scaffolder share.
 * Slugs need a letter so that /courses/2/ stays a list page, and list pages reserve some words.
 */
export function entrySlugFault(slug: string): 'draft' | 'pattern' | 'reserved' | undefined {
  if (slug.startsWith('_')) return 'draft';
  if (!SLUG_PATTERN.test(slug) || !/[a-z]/.test(slug)) return 'pattern';
  if ((RESERVED_SLUGS as readonly string[]).includes(slug)) return 'reserved';
  return undefined;
}
