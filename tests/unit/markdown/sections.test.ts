import { describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH, parseMarkdown } from '../../../src/markdown/plain-text.ts';
import { checkMarkupSafety } from '../../../src/checks/markup-safety.ts';
import { checkBody, outlineBody } from '../../../src/markdown/sections.ts';
import { sectionNameOf } from '../../../src/markdown/section-headings.ts';
import { scrollingTables, sectionHeadings } from '../../../src/markdown/plugins.ts';
import { markdownToHtml } from 'satteri';

const caseBody = (a = '情况。', b = '做法。', c = '效果。') =>
  `## 基本情况\n\n${a}\n\n## 主要做法\n\n${b}\n\n## 经验效果\n\n${c}\n`;

describe('outlineBody', () => {
  it('counts each section without its heading', () => {
    const outline = outlineBody('开头。\n\n## 基本情况\n\n一二三。\n\n### 小标题\n\n四五。');
    expect(outline.sections).toEqual([
      { name: '', heading: '', chars: 3 },
      { name: '基本情况', heading: '基本情况', chars: 4 + 3 + 3 },
    ]);
    expect(outline.chars).toBe(13);
  });
});

describe('checkBody', () => {
  it('accepts a case with the three sections in order', () => {
    expect(checkBody('cases', caseBody())).toEqual([]);
  });

  it('says which section is over its limit and by how much', () => {
    const problems = checkBody('cases', caseBody('字'.repeat(520)));
    expect(problems).toEqual([
      { field: '正文「基本情况」', message: expect.stringContaining('已有 520 字，超出上限 500 字 20 字') },
    ]);
  });

  it('requires the sections in order', () => {
    const body = '## 主要做法\n\n做法。\n\n## 基本情况\n\n情况。\n\n## 经验效果\n\n效果。';
    expect(checkBody('cases', body).map((p) => p.message)).toEqual([expect.stringContaining('小节顺序不对')]);
  });

  it('rejects empty sections and level-1 headings', () => {
    const fields = checkBody('projects', '# 标题\n\n## 培训内容\n\n## 培训效果\n\n很好。').map((p) => p.field);
    expect(fields).toEqual(['正文', '正文「培训内容」']);
  });

  it('lets projects add the optional sections but nothing else', () => {
    const body = '## 培训内容\n\n内容。\n\n## 方案设计\n\n设计。\n\n## 培训效果\n\n效果。';
    expect(checkBody('projects', body)).toEqual([]);
    expect(checkBody('projects', `${body}\n\n## 联系方式\n\n无。`)[0]!.field).toBe('正文「联系方式」');
  });

  it('limits the whole body to 3000 字 and rejects an empty body', () => {
    expect(checkBody('courses', '字'.repeat(3001))[0]!.message).toContain('超出上限 3000 字 1 字');
    expect(checkBody('courses', '\n\n')[0]!.message).toContain('正文是空的');
  });
});

describe('a body far over the limit', () => {
  // micromark needs quadratic time for tens of thousands of unmatched `*`: such a body is refused unparsed.
  const hostile = '老人* '.repeat(50_000);

  it('is refused as too long, without being parsed', () => {
    expect(checkBody('courses', hostile)).toEqual([
      { field: '正文', message: '正文有 200000 个字符，远远超过 3000 字的上限，请删减到 3000 字以内' },
    ]);
    expect(() => parseMarkdown(hostile)).toThrow(RangeError);
  });

  it('skips the markup checks that would parse it, but not the bidi check of its raw text', () => {
    expect(checkMarkupSafety({}, hostile)).toEqual([]);
    expect(checkMarkupSafety({}, `${hostile}\u202e`).map((p) => p.field)).toEqual(['正文']);
  });

  it('stops at the limit: a body of exactly MAX_BODY_LENGTH characters is still read', () => {
    const body = '字'.repeat(MAX_BODY_LENGTH);
    expect(checkBody('courses', body)[0]!.message).toBe(
      `正文已有 ${MAX_BODY_LENGTH} 字，超出上限 3000 字 ${MAX_BODY_LENGTH - 3000} 字，请删减`,
    );
  });
});

describe('section headings as Chinese documents number them', () => {
  it.each([
    ['一、基本情况', '基本情况'],
    ['（一）主要做法', '主要做法'],
    ['(二) 主要做法', '主要做法'],
    ['1. 培训内容', '培训内容'],
    ['1．培训内容', '培训内容'],
    ['2、培训效果', '培训效果'],
    ['①培训效果', '培训效果'],
    ['第一部分 基本情况', '基本情况'],
    ['第3部分　经验效果', '经验效果'],
    ['基本情况（500字以内）', '基本情况'],
    ['一、主要做法（不超过 1500 字）', '主要做法'],
    ['经验效果：', '经验效果'],
    ['社区手机课堂', '社区手机课堂'],
  ])('reads 「%s」 as the section 「%s」', (heading, name) => {
    expect(sectionNameOf(heading)).toBe(name);
  });

  const numbered = (a: string, b: string, c: string) => `## ${a}\n\n情况。\n\n## ${b}\n\n做法。\n\n## ${c}\n\n效果。\n`;

  it.each([
    ['一、', ['一、基本情况', '二、主要做法', '三、经验效果']],
    ['（一）', ['（一）基本情况', '（二）主要做法', '（三）经验效果']],
    ['1.', ['1. 基本情况', '2. 主要做法', '3. 经验效果']],
    ['第一部分', ['第一部分 基本情况', '第二部分 主要做法', '第三部分 经验效果']],
    ['copied limits', ['基本情况（500字以内）', '主要做法（1500字以内）', '经验效果（1000字以内）']],
  ])('accepts a case numbered with %s, and never says a section is missing', (_, [a, b, c]) => {
    expect(checkBody('cases', numbered(a!, b!, c!))).toEqual([]);
  });

  it('accepts ##基本情况 without the space, and counts the section as the site shows it', () => {
    const body = '##基本情况\n\n情况。\n\n##主要做法\n做法。\n\n## 经验效果\n\n效果。\n';
    expect(checkBody('cases', body)).toEqual([]);
    expect(outlineBody(body).sections.map((s) => [s.name, s.chars])).toEqual([
      ['基本情况', 3],
      ['主要做法', 3],
      ['经验效果', 3],
    ]);
  });

  it('accepts a Word-style line 「一、基本情况」 without ## as the heading it is', () => {
    const body = '一、基本情况\n\n情况。\n\n二、主要做法\n做法。\n\n三、经验效果\n\n效果。\n';
    expect(checkBody('cases', body)).toEqual([]);
    // A sentence that merely starts with a number stays a paragraph.
    expect(outlineBody('一、我们开设了手机课。\n').sections.map((s) => s.name)).toEqual(['']);
  });

  it('still applies the form limits to a numbered section, and names it', () => {
    const problems = checkBody(
      'cases',
      numbered('一、基本情况', '二、主要做法', '三、经验效果').replace('情况。', '字'.repeat(501)),
    );
    expect(problems).toEqual([
      { field: '正文「基本情况」', message: '基本情况 已有 501 字，超出上限 500 字 1 字，请删减' },
    ]);
  });

  it('renders the same headings the validator reads, and wraps tables in a scrolling box', async () => {
    const { html } = await markdownToHtml(
      '##基本情况\n情况。\n\n二、主要做法\n\n做法。\n\n| 年份 | 人次 |\n| --- | --- |\n| 2021 | 300 |\n',
      { mdastPlugins: [sectionHeadings], hastPlugins: [scrollingTables] },
    );
    expect(html).toContain('<h2>基本情况</h2>\n<p>情况。</p>');
    expect(html).toContain('<h2>二、主要做法</h2>');
    expect(html).toMatch(
      /<div class="zl-table-wrap zl-table-wrap--prose" tabindex="0" role="region" aria-label="[^"]+"><table>/,
    );
  });
});

describe('the structures of 附件1, as alternatives to the forms', () => {
  const attachment1Case = (extra = '') =>
    `## 一、实施背景\n\n背景。\n\n## 二、主要做法\n\n${'做'.repeat(1600)}。\n\n## 三、成果成效\n\n成效。\n${extra}`;

  it("accepts a case written as 实施背景, 主要做法, 成果成效, without the form's per-section limits", () => {
    expect(checkBody('cases', attachment1Case())).toEqual([]);
    expect(checkBody('cases', attachment1Case('\n## 四、经验总结\n\n经验。\n\n## 五、推广应用\n\n推广。\n'))).toEqual(
      [],
    );
  });

  it('keeps the whole body within 3000 字 in that structure too', () => {
    const body = attachment1Case().replace('背景。', '背'.repeat(1500));
    expect(checkBody('cases', body).map((p) => p.message)).toEqual([
      expect.stringContaining('正文已有 3104 字，超出上限 3000 字 104 字'),
    ]);
  });

  it('tells a case missing a section about both structures', () => {
    const problems = checkBody('cases', '## 基本情况\n\n情况。\n\n## 主要做法\n\n做法。\n');
    expect(problems).toEqual([
      {
        field: '正文「经验效果」',
        message:
          '缺少必需的小节，请加上一行「## 经验效果」并在下面写内容（也可以按申报要求（附件1）的结构写：实施背景、主要做法、成果成效）',
      },
    ]);
  });

  it('accepts a project written as 方案设计, 教学实施, 实施效果, with 培训对象 and 培训方式', () => {
    const body = ['培训对象', '方案设计', '培训方式', '教学实施', '实施效果', '社会效益']
      .map((name, i) => `## ${'一二三四五六'[i]}、${name}\n\n内容。\n`)
      .join('\n');
    expect(checkBody('projects', body)).toEqual([]);
  });

  it("lets projects in the form's structure add 培训对象 and 培训方式", () => {
    const body =
      '## 培训对象\n\n社区老人。\n\n## 培训内容\n\n内容。\n\n## 培训方式\n\n线下。\n\n## 培训效果\n\n效果。\n';
    expect(checkBody('projects', body)).toEqual([]);
  });
});
