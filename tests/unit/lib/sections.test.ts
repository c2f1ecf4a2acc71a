import { describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH, parseMarkdown } from '../../../src/lib/char-count.ts';
import { checkMarkupSafety } from '../../../src/lib/markup-safety.ts';
import { checkBody, outlineBody } from '../../../src/lib/sections.ts';

const caseBody = (a = '情况。', b = '做法。', c = '效果。') =>
  `## 基本情况\n\n${a}\n\n## 主要做法\n\n${b}\n\n## 经验效果\n\n${c}\n`;

describe('outlineBody', () => {
  it('counts each section without its heading', () => {
    const outline = outlineBody('开头。\n\n## 基本情况\n\n一二三。\n\n### 小标题\n\n四五。');
    expect(outline.sections).toEqual([
      { name: '', chars: 3 },
      { name: '基本情况', chars: 4 + 3 + 3 },
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
