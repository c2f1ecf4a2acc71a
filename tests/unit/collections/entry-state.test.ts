import { describe, expect, it } from 'vitest';
import { isFeatured, isLive, isPromoted } from '../../../src/collections/entry-state.ts';
import { ENTRY_SCHEMAS } from '../../../src/schemas/index.ts';
import { minimalCourse, variant } from '../../fixtures/entries.ts';

const entry = (changes: Record<string, unknown> = {}) => ({
  data: ENTRY_SCHEMAS.courses.parse(variant(minimalCourse, 'shouji-guahao.md', changes).frontmatter),
});

describe('the rules about an entry state', () => {
  it('a new entry, as the template writes it, is live, recommended (推荐) and not featured', () => {
    const fresh = entry();
    expect([isLive(fresh), isPromoted(fresh), isFeatured(fresh)]).toEqual([true, false, false]);
  });

  it('a withdrawn entry is not live', () => {
    expect(isLive(entry({ withdrawn: true }))).toBe(false);
  });

  it('推介 is promoted, 推荐 is not; 择优展示 is featured', () => {
    expect(isPromoted(entry({ status: '推介' }))).toBe(true);
    expect(isPromoted(entry({ status: '推荐' }))).toBe(false);
    expect(isFeatured(entry({ featured: true }))).toBe(true);
  });
});
