import { beforeAll, describe, expect, it } from 'vitest';
import { indexCatalogue, type Catalogue, type Entry } from '../../../src/collections/catalogue.ts';
import { validateContent, type ContentReport, type LoadedEntry } from '../../../src/checks/validator.ts';
import { readGuides } from '../../../src/checks/guides.ts';
import { renderMarkdown } from '../../../src/markdown/pipeline.ts';
import { HIDDEN_WORDS_MARK } from '../../../src/search/query.ts';
import { CONTENT_DIR, KINDS, type Kind } from '../../../src/config/paths.ts';
import type { GlossaryTerm } from '../../../src/schemas/guides.ts';
import { entryRouteData, type EntryRouteData } from '../../../src/site/entry-route-data.ts';

// The bundled sample content, read by the validator and shaped as Astro's collections hand it to the page:
// the same schemas, and bodies rendered by the same Markdown pipeline.
let catalogue: Catalogue;
let glossary: Map<string, GlossaryTerm>;
let loaded: LoadedEntry[];
let tree: ContentReport['catalogue'];

const asEntry = (e: LoadedEntry): Entry =>
  ({
    id: e.slug,
    collection: e.kind,
    data: e.data,
    rendered: { html: renderMarkdown(e.body).html },
  }) as unknown as Entry;

function index(entries: Entry[]): Catalogue {
  return indexCatalogue({
    units: tree.units,
    batches: tree.batches,
    scenarios: [...tree.scenarios].map(([slug, scenario]) => ({ ...scenario, slug })),
    entries: Object.fromEntries(KINDS.map((kind) => [kind, entries.filter((e) => e.collection === kind)])) as Record<
      Kind,
      Entry[]
    >,
  });
}

const entry = (kind: Kind, slug: string): Entry => catalogue.all.find((e) => e.collection === kind && e.id === slug)!;
const routeData = (e: Entry, c: Catalogue = catalogue): EntryRouteData =>
  entryRouteData({ entry: e, catalogue: c, glossary });
const fact = (page: EntryRouteData, label: string) => page.facts.find((f) => f.label === label)?.value;

beforeAll(() => {
  const report = validateContent(CONTENT_DIR);
  expect(report.problems).toEqual([]);
  tree = report.catalogue;
  loaded = tree.entries;
  catalogue = index(loaded.map(asEntry));
  glossary = readGuides(CONTENT_DIR).guides.glossary;
});

describe('entryRouteData: a course with a local video and captions', () => {
  let page: EntryRouteData;
  beforeAll(() => {
    page = routeData(entry('courses', 'sunbei-shipin-tonghua'));
  });

  it('embeds the video with its captions, published under /media/, and links nothing elsewhere', () => {
    expect(page.video).toEqual({
      src: '/media/courses/sunbei-shipin-tonghua/sunbei-shipin-tonghua.mp4',
      captions: '/media/courses/sunbei-shipin-tonghua/sunbei-shipin-tonghua.vtt',
      captionsLabel: '中文字幕',
    });
    expect(page.externalVideo).toBeUndefined();
    expect(page.link).toBeUndefined();
    expect(page.file).toBeUndefined();
  });

  it('names the page, its kind, badges, breadcrumb and addresses', () => {
    expect(page.title).toBe('和孙辈视频通话：微信视频三步学会');
    expect(page.kindLabel).toBe('课程资源');
    expect(page.badges).toEqual(['推介', '择优展示']);
    expect(page.breadcrumb).toEqual([
      { label: '课程资源', href: '/courses/' },
      { label: '和孙辈视频通话：微信视频三步学会' },
    ]);
    expect(page.updated).toBe('内容更新于 2024年4月12日');
    expect(page.withdrawn).toBe(false);
    expect(page.path).toBe('/courses/sunbei-shipin-tonghua/');
    expect(page.url).toMatch(/^https?:\/\/[^/]+\/(.+\/)?courses\/sunbei-shipin-tonghua\/$/);
    expect(page.shareImage).toMatchObject({ path: '/share/courses/sunbei-shipin-tonghua.jpg', width: 1200 });
    expect(page.cover?.alt).toMatch(/^一位戴眼镜的老奶奶/);
  });

  it('lists the facts in the order of the application form, in plain words', () => {
    expect(page.facts.map((f) => f.label)).toEqual([
      '申报单位',
      '所在地区',
      '推荐渠道',
      '批次',
      '应用场景',
      '状态',
      '择优展示',
      '资源类型',
      '视频时长',
      '课程主题',
      '资源共享',
      '核心成员',
      '曾获奖项',
      '推荐日期',
      '内容更新于',
      '许可协议',
    ]);
    expect(fact(page, '应用场景')).toBe('文娱、手机入门');
    expect(fact(page, '状态')).toBe('推介（经专家评议后推介）');
    expect(fact(page, '视频时长')).toBe('1 分钟');
    expect(fact(page, '核心成员')).toBe('刘秀英、何建国、杨帆');
    expect(fact(page, '曾获奖项')).toEqual(['示例县老年大学精品微课（2021）']);
    expect(fact(page, '推荐日期')).toBe('2021年9月16日');
  });

  it('describes it to search engines as a Course by its unit, with its length', () => {
    const unit = catalogue.unitOf(entry('courses', 'sunbei-shipin-tonghua'));
    expect(page.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: page.title,
      url: page.url,
      inLanguage: 'zh-CN',
      datePublished: '2021-09-16',
      dateModified: '2024-04-12',
      keywords: '文娱,手机入门',
      timeRequired: 'PT1M',
      learningResourceType: ['视频资源'],
      provider: { '@type': 'EducationalOrganization', name: unit.name },
    });
  });

  it('gives search its filters, the result line and the words it is found by but never shows', () => {
    expect(page.search.facets).toEqual(
      expect.arrayContaining([
        ['kind', '课程资源'],
        ['scenario', '文娱'],
        ['scenario', '手机入门'],
        ['status', '推介'],
        ['type', '视频资源'],
        ['duration', '10 分钟以内'],
        ['shared', '可共享'],
      ]),
    );
    expect(page.search.meta).toMatchObject({ kind: '课程资源', scenarios: '文娱、手机入门' });
    expect(page.search.hiddenWords.startsWith(`${HIDDEN_WORDS_MARK} 文娱 手机入门 `)).toBe(true);
    expect(page.search.hiddenWords.split(' ')).toEqual(expect.arrayContaining(['课程', '课程资源']));
  });
});

describe('entryRouteData: a work case with its three sections', () => {
  let page: EntryRouteData;
  beforeAll(() => {
    page = routeData(entry('cases', 'daxuesheng-daiji-huzhu-zhulao'));
  });

  it('says 其他 with the case’s own note, among the other areas', () => {
    expect(fact(page, '案例方面')).toBe('其他（大学生代际互助）、教学设计与应用、教师管理');
  });

  it('is an Article whose author and publisher are the unit, and has no course facts', () => {
    expect(page.jsonLd).toMatchObject({ '@type': 'Article', author: { '@type': 'EducationalOrganization' } });
    expect(page.jsonLd).not.toHaveProperty('timeRequired');
    expect(page.facts.map((f) => f.label)).not.toContain('资源类型');
    expect(page.search.facets.map(([key]) => key)).not.toContain('type');
    expect(page.video).toBeUndefined();
  });

  it('finds glossary words in the text of its sections, in glossary order, each once', () => {
    const slugs = page.glossaryTerms.map((g) => g.slug);
    expect(slugs.length).toBeGreaterThan(0);
    expect(new Set(slugs).size).toBe(slugs.length);
    const order = [...glossary.keys()];
    expect([...slugs].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(slugs);
    const text = renderMarkdown(loaded.find((e) => e.slug === 'daxuesheng-daiji-huzhu-zhulao')!.body).html;
    for (const { term } of page.glossaryTerms)
      expect([term.term, ...term.aliases].some((word) => `${page.title}${page.summary}${text}`.includes(word))).toBe(
        true,
      );
  });

  it('relates up to three live entries of its scenarios, other cases first', () => {
    expect(page.related.length).toBe(3);
    expect(page.related.every((e) => !e.data.withdrawn && e.id !== 'daxuesheng-daiji-huzhu-zhulao')).toBe(true);
    const shares = (e: Entry) => e.data.scenarios.some((s) => ['出行', '手机入门', '文娱'].includes(s));
    expect(page.related.every(shares)).toBe(true);
    const kinds = page.related.map((e) => e.collection);
    expect(kinds).toEqual([...kinds].sort((a, b) => Number(b === 'cases') - Number(a === 'cases')));
  });
});

describe('entryRouteData: a withdrawn entry', () => {
  it('says it was withdrawn, tells search engines nothing, and still offers live related entries', () => {
    const page = routeData(entry('courses', 'jiankangma-xingchengka'));
    expect(page.withdrawn).toBe(true);
    expect(page.jsonLd).toBeUndefined();
    expect(page.badges).toEqual([]);
    expect(page.related.length).toBeGreaterThan(0);
    expect(page.related.some((e) => e.data.withdrawn)).toBe(false);
  });

  it('is never offered as related on another page', () => {
    for (const other of catalogue.all)
      expect(
        routeData(other).related.map((e) => e.id),
        other.id,
      ).not.toContain('jiankangma-xingchengka');
  });
});

describe('entryRouteData: an entry with nothing related', () => {
  it('has no related entries when the only other entry of its scenarios is withdrawn', () => {
    const alone = asEntry(loaded.find((e) => e.slug === 'sunbei-shipin-tonghua')!);
    const withdrawn = asEntry({
      ...loaded.find((e) => e.slug === 'jiankangma-xingchengka')!,
      data: { ...loaded.find((e) => e.slug === 'jiankangma-xingchengka')!.data, scenarios: ['文娱'] },
    } as LoadedEntry);
    const page = routeData(alone, index([alone, withdrawn]));
    expect(page.related).toEqual([]);
    expect(page.title).toBe('和孙辈视频通话：微信视频三步学会');
  });
});

describe('entryRouteData: links to other sites', () => {
  const course = () => loaded.find((e) => e.slug === '12306-huochepiao')! as LoadedEntry<'courses'>;

  it('notes the host of a course’s own site, and 不加密 for an http:// one, in the button and the facts', () => {
    const secure = routeData(entry('courses', '12306-huochepiao'));
    expect(secure.link).toEqual({
      href: 'https://example.com/zhulao/12306-huochepiao/',
      note: '外部链接：example.com',
    });
    const plain = asEntry({ ...course(), data: { ...course().data, link: 'http://www.snedu.example.cn/ke/12306' } });
    const page = routeData(plain);
    expect(page.link).toEqual({
      href: 'http://www.snedu.example.cn/ke/12306',
      note: '外部链接：www.snedu.example.cn（不加密）',
    });
    expect(page.facts.find((f) => f.label === '课程网址')).toEqual({
      label: '课程网址',
      value: 'http://www.snedu.example.cn/ke/12306',
      href: 'http://www.snedu.example.cn/ke/12306',
      external: 'www.snedu.example.cn（不加密）',
    });
  });

  it('links a video on the national platform instead of embedding it', () => {
    const video = 'https://www.lndx.edu.cn/course/12306-huochepiao';
    const page = routeData(asEntry({ ...course(), data: { ...course().data, video, captions: undefined } }));
    expect(page.video).toBeUndefined();
    expect(page.externalVideo).toEqual({ href: video, note: '外部链接：www.lndx.edu.cn' });
  });
});

describe('entryRouteData: a training project', () => {
  it('writes each instructor on a line of their own, and counts cohorts and participants', () => {
    const project = catalogue.byKind.projects[0]!;
    const d = (project as Entry<'projects'>).data;
    const page = routeData(project);
    expect(fact(page, '授课人')).toEqual(d.instructors.map((i) => `${i.name}，${i.affiliation}，${i.position}`));
    expect(fact(page, '培训期数')).toBe(`${d.cohorts} 期`);
    expect(fact(page, '培训人次')).toBe(`${d.participants} 人次`);
    expect(page.search.hiddenWords.split(' ')).toEqual(expect.arrayContaining(['项目', '培训项目', '教育培训项目']));
  });
});
