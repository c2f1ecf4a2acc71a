import { describe, expect, it } from 'vitest';
import { buildExportRecords, exportDocument, generatedDate, type ExportSource } from '../../../src/export/open-data.ts';
import { FEED_SIZE, feedEntries } from '../../../src/export/feed.ts';
import { markdownToPlainText } from '../../../src/markdown/plain-text.ts';
import { validateContent } from '../../../src/checks/validator.ts';
import { ENTRY_SCHEMAS } from '../../../src/schemas/index.ts';
import { minimalCourse, VALID_TREE, variant } from '../../fixtures/entries.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** 60 entries recommended and added in 2022–2023, one a week, as a site with a year of entries has. */
const existing = Array.from({ length: 60 }, (_, i) => {
  const date = new Date(day('2022-01-03').getTime() + i * 7 * 86_400_000);
  return { id: `kecheng-${i}`, data: { title: `课程 ${i}`, recommendedOn: date, addedOn: date, withdrawn: false } };
});

describe('feedEntries', () => {
  it('announces an entry added today with an old recommendation date, first', () => {
    const late = {
      id: 'buru-jiu-kecheng',
      data: { title: '补录的旧课程', recommendedOn: day('2021-10-01'), addedOn: day('2024-03-15'), withdrawn: false },
    };
    const feed = feedEntries([...existing, late]);
    expect(feed).toHaveLength(FEED_SIZE);
    expect(feed[0]).toBe(late);
    // Ordered by recommendation date, as it was, the same entry fell off the end of the feed
    const byRecommendation = [...existing, late].sort(
      (a, b) => b.data.recommendedOn.getTime() - a.data.recommendedOn.getTime(),
    );
    expect(byRecommendation.slice(0, FEED_SIZE)).not.toContain(late);
  });

  it('leaves out withdrawn entries and never depends on input order', () => {
    const withdrawn = { ...existing[59]!, id: 'chehui', data: { ...existing[59]!.data, withdrawn: true } };
    const feed = feedEntries([withdrawn, ...existing]);
    expect(feed).not.toContain(withdrawn);
    expect(feedEntries([...existing].reverse()).map((e) => e.id)).toEqual(feedEntries(existing).map((e) => e.id));
  });
});

describe('addedOn', () => {
  const { catalogue } = validateContent(VALID_TREE);
  const source = (changes: Record<string, unknown>, slug: string): ExportSource => ({
    kind: 'courses',
    slug,
    text: markdownToPlainText(minimalCourse.body),
    data: ENTRY_SCHEMAS.courses.parse(variant(minimalCourse, `${slug}.md`, changes).frontmatter),
  });

  it('is the recommendation date when an entry leaves it out', () => {
    expect(ENTRY_SCHEMAS.courses.parse(minimalCourse.frontmatter).addedOn).toEqual(day('2021-10-01'));
  });

  it('moves the data date on and changes the digest when an entry with old dates is added', () => {
    const before = buildExportRecords([source({ updatedOn: '2023-05-01' }, 'yiyou-kecheng')], catalogue);
    const late = source({ recommendedOn: '2021-10-01', updatedOn: '2021-10-01', addedOn: '2024-03-15' }, 'buru');
    const after = buildExportRecords([source({ updatedOn: '2023-05-01' }, 'yiyou-kecheng'), late], catalogue);
    expect(generatedDate(before)).toBe('2023-05-01');
    expect(generatedDate(after)).toBe('2024-03-15');
    expect(after.find((r) => r.slug === 'buru')!.addedOn).toBe('2024-03-15');
    expect(exportDocument(after, generatedDate(after)).digest).not.toBe(
      exportDocument(before, generatedDate(before)).digest,
    );
  });
});
