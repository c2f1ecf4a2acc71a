import { describe, expect, it } from 'vitest';
import { CourseSchema } from '../../../src/schemas/course.ts';
import { CaseSchema } from '../../../src/schemas/case.ts';
import { ProjectSchema } from '../../../src/schemas/project.ts';
import { ENTRY_SCHEMAS } from '../../../src/schemas/index.ts';
import { VALID_ENTRIES, everyFieldCourse, minimalCase, minimalCourse, minimalProject } from '../../fixtures/entries.ts';

const course = (changes: Record<string, unknown>) => ({ ...minimalCourse.frontmatter, ...changes });
const problemsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('named valid entries', () => {
  it.each(VALID_ENTRIES.map((e) => [e.file, e] as const))('%s parses', (_, entry) => {
    const result = ENTRY_SCHEMAS[entry.kind].safeParse(entry.frontmatter);
    expect(problemsOf(result)).toEqual([]);
  });

  it('fills defaults: featured, withdrawn, members, awards, and the licence by sharing', () => {
    const shared = CourseSchema.parse(minimalCourse.frontmatter);
    expect(shared).toMatchObject({ featured: false, withdrawn: false, members: [], awards: [], license: 'CC BY 4.0' });
    const notShared = CourseSchema.parse(course({ shared: false, link: 'https://example.com/x/' }));
    expect(notShared.license).toBe('保留所有权利');
    expect(CourseSchema.parse(everyFieldCourse.frontmatter).license).toBe('CC BY-SA 4.0');
    expect(CaseSchema.parse(minimalCase.frontmatter).license).toBe('保留所有权利');
  });

  it('reads dates written with or without quotes as UTC midnight', () => {
    const parsed = CourseSchema.parse(course({ recommendedOn: new Date('2021-10-01T00:00:00Z') }));
    expect(parsed.recommendedOn.toISOString()).toBe('2021-10-01T00:00:00.000Z');
    expect(CourseSchema.parse(minimalCourse.frontmatter).updatedOn.toISOString()).toBe('2021-10-01T00:00:00.000Z');
  });
});

describe('conditional rules', () => {
  it.each([
    ['视频资源 needs minutes', course({ resourceType: '视频资源', shared: false, link: 'https://e.com/' }), 'minutes'],
    ['minutes only for 视频资源', course({ minutes: 10 }), 'minutes'],
    ['其他 needs resourceNote', course({ resourceType: '其他' }), 'resourceNote'],
    ['resourceNote only for 其他', course({ resourceNote: '卡片' }), 'resourceNote'],
    ['file only for 教材（读本）', course({ resourceType: '其他', resourceNote: '卡片', file: './a.pdf' }), 'file'],
    ['not shared needs link', course({ shared: false }), 'link'],
    ['link must be a web address (https:// or http://)', course({ shared: false, link: 'ftp://example.com/' }), 'link'],
    ['link is never javascript:', course({ shared: false, link: 'javascript:alert(1)' }), 'link'],
    ['a 融媒体 reader needs its minutes', course({ resourceType: ['教材（读本）', '视频资源'] }), 'minutes'],
    ['其他 stands alone', course({ resourceType: ['其他', '视频资源'], minutes: 3, resourceNote: '图文' }), 'resourceType'],
    ['shared video needs the video', course({ resourceType: '视频资源', minutes: 5 }), 'video'],
    ['local video needs captions', course({ video: './a.mp4' }), 'captions'],
    ['captions only with a local video', course({ captions: './a.vtt' }), 'captions'],
    ['online video only on the national platform', course({ video: 'https://example.com/v.mp4' }), 'video'],
    ['cover needs coverAlt', course({ cover: './a.png' }), 'coverAlt'],
    ['cover must be a local image', course({ cover: 'https://example.com/a.png', coverAlt: '图' }), 'cover'],
    ['updatedOn not before recommendedOn', course({ updatedOn: '2021-09-30' }), 'updatedOn'],
    ['no unknown fields', course({ province: '浙江' }), ''],
  ])('%s', (_, input, path) => {
    const result = CourseSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it.each([
    ['a quote', 'https://example.com/a"onmouseover="x'],
    ['a space', 'https://example.com/手机 课程'],
    ['angle brackets', 'https://example.com/<script>'],
    ['a backslash', 'https://example.com\\evil.cn/'],
  ])('refuses a link or platform video with %s, saying why in Chinese', (_, url) => {
    for (const input of [
      course({ shared: false, link: url }),
      course({ video: url.replace('example.com', 'www.lndx.edu.cn') }),
    ]) {
      const messages = problemsOf(CourseSchema.safeParse(input)).map(([, message]) => message);
      expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('网址里不能有空格、引号')]));
    }
    expect(CourseSchema.safeParse(course({ shared: false, link: 'https://例子.cn/课程?a=1&b=2' })).success).toBe(true);
  });

  it('participants must be at least cohorts', () => {
    const result = ProjectSchema.safeParse({ ...minimalProject.frontmatter, cohorts: 5, participants: 4 });
    expect(problemsOf(result)).toEqual([['participants', expect.stringContaining('少于培训期数')]]);
  });

  it('其他 area needs areaNote, and areaNote needs 其他', () => {
    expect(problemsOf(CaseSchema.safeParse({ ...minimalCase.frontmatter, areas: ['其他'] }))[0]![0]).toBe('areaNote');
    expect(problemsOf(CaseSchema.safeParse({ ...minimalCase.frontmatter, areaNote: '家庭助学' }))[0]![0]).toBe(
      'areaNote',
    );
    expect(CaseSchema.safeParse({ ...minimalCase.frontmatter, areas: ['其他'], areaNote: '家庭助学' }).success).toBe(
      true,
    );
  });

  it('instructors are checked field by field', () => {
    const result = ProjectSchema.safeParse({
      ...minimalProject.frontmatter,
      instructors: [{ name: '李', affiliation: '示例大学', position: '讲师' }],
    });
    expect(problemsOf(result)[0]![0]).toBe('instructors.0.name');
  });
});
