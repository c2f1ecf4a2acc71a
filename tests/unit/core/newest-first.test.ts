import { describe, expect, it } from 'vitest';
import { compareKinds, compareKindThenNewest, compareNewest, type NewestKey } from '../../../src/core/newest-first.ts';
import { KINDS, type Kind } from '../../../src/core/slugs.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const entries: NewestKey[] = [
  { kind: 'projects', slug: 'laonian-daxue-peixun', recommendedOn: day('2022-05-20') },
  { kind: 'cases', slug: 'shequ-shouji-ketang', recommendedOn: day('2022-05-20') },
  { kind: 'courses', slug: 'shouji-guahao', recommendedOn: day('2021-10-20') },
  { kind: 'courses', slug: 'dache-ruanjian', recommendedOn: day('2022-05-20') },
  { kind: 'courses', slug: 'saoma-fukuan', recommendedOn: day('2022-09-01') },
  { kind: 'courses', slug: 'ai-shouji', recommendedOn: day('2022-05-20') },
];
const order = (compare: (a: NewestKey, b: NewestKey) => number, list = entries) =>
  [...list].sort(compare).map((e) => e.slug);

describe('the one kind order', () => {
  it('is the one the site shows: 课程资源, 工作案例, 教育培训项目', () => {
    expect([...KINDS].sort(compareKinds)).toEqual(['courses', 'cases', 'projects']);
    expect((['projects', 'cases', 'courses'] as Kind[]).sort(compareKinds)).toEqual(['courses', 'cases', 'projects']);
  });
});

describe('compareNewest', () => {
  it('puts the newest recommendation first; on one day, kind in the site order, then slug', () => {
    expect(order(compareNewest)).toEqual([
      'saoma-fukuan',
      'ai-shouji',
      'dache-ruanjian',
      'shequ-shouji-ketang',
      'laonian-daxue-peixun',
      'shouji-guahao',
    ]);
  });

  it('orders the open data (ISO days) and the site (dates) alike, whatever order they come in', () => {
    const records = entries.map((e) => ({ ...e, recommendedOn: (e.recommendedOn as Date).toISOString().slice(0, 10) }));
    expect(order(compareNewest, records)).toEqual(order(compareNewest));
    expect(order(compareNewest, [...entries].reverse())).toEqual(order(compareNewest));
  });
});

describe('compareKindThenNewest', () => {
  it('lists a scenario or a province kind by kind, in the site order, newest first within each', () => {
    expect(order(compareKindThenNewest)).toEqual([
      'saoma-fukuan',
      'ai-shouji',
      'dache-ruanjian',
      'shouji-guahao',
      'shequ-shouji-ketang',
      'laonian-daxue-peixun',
    ]);
  });
});
