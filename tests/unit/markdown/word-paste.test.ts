import fs from 'node:fs';
import path from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/markdown/pipeline.ts';
import { htmlToPlainText, markdownToPlainText } from '../../../src/markdown/plain-text.ts';
import { outlineBody } from '../../../src/markdown/sections.ts';
import { readEntryText } from '../../../src/checks/frontmatter.ts';
import { isSectionHeadingLine, numberedLine, remarkWordPaste } from '../../../src/markdown/word-paste.ts';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { clipboardText, makeWordForm } from '../../helpers/word-clipboard.ts';
import { ROOT } from '../../helpers/run.ts';

const pasted = await clipboardText(await makeWordForm());
const renderBody = async (markdown: string) => renderMarkdown(markdown).html;

describe('text pasted from a real Word document', () => {
  it('is what Word puts on the clipboard: one paragraph a line, CR LF, numbers as text', () => {
    expect(pasted).toContain('课前请确认手机已经联网，音量调大。\r\n1、打开微信');
    expect(pasted).toContain('1、\t打开和家人的聊天窗口。');
    expect(pasted).toContain('①陌生人的视频电话不要接；');
  });

  it('renders as one run-on paragraph without the Word-paste rule (the bug)', async () => {
    const { html } = markdownToHtml(pasted) as { html: string };
    expect(html.match(/<p>/g)).toHaveLength(1);
    expect(html).not.toContain('<ol');
  });

  it('renders as paragraphs and numbered lists, numbered as typed, with no line break left inside a paragraph', async () => {
    const html = await renderBody(pasted);
    expect(html).toContain('<p>本课程教老年人用微信给家人打视频电话，全程约 20 分钟。</p>');
    expect(html).toContain('<p>课前请确认手机已经联网，音量调大。</p>');
    // Typed 1、2、3、 steps, with （1）（2） as sub-steps of step 3
    expect(html).toMatch(
      /<ol>\s*<li>打开微信，点右下角的“我”。<\/li>\s*<li>点“设置”，再点“通用”。<\/li>\s*<li>把“字体大小”拖到最大。\s*<ol>\s*<li>拖动时手指不要离开屏幕；<\/li>\s*<li>看清预览里的字再松手。<\/li>\s*<\/ol>\s*<\/li>\s*<\/ol>/,
    );
    // Word's automatic numbering (`1、` and a tab)
    expect(html).toMatch(
      /<p>视频通话的步骤：<\/p>\s*<ol>\s*<li>打开和家人的聊天窗口。<\/li>\s*<li>点右下角的“\+”号，选“视频通话”。<\/li>/,
    );
    expect(html).toMatch(
      /<p>注意事项：<\/p>\s*<ol>\s*<li>陌生人的视频电话不要接；<\/li>\s*<li>不要在通话中告诉对方验证码。<\/li>\s*<\/ol>/,
    );
    for (const [, inner] of html.matchAll(/<(?:p|li)>([^<]*)</g)) expect(inner!.trimEnd()).not.toMatch(/[\r\n\t]/);
  });

  it('is read by the validator as it is rendered', async () => {
    const html = await renderBody(pasted);
    expect(markdownToPlainText(pasted)).toBe(htmlToPlainText(html));
  });
});

describe('the Word-paste rule', () => {
  it('keeps lines of other text (English wrapped in Markdown) in one paragraph', async () => {
    expect((await renderBody('Open the app\nand tap Settings.')).trim()).toBe('<p>Open the app\nand tap Settings.</p>');
  });

  it('makes a section heading line a heading, never a list item', async () => {
    const body = '一、基本情况\n示例区有老年人 8 万人。\n1、培训内容\n1、开设手机课\n2、培训志愿者';
    const html = await renderBody(body);
    expect(html).toMatch(
      /<h2[^>]*>一、基本情况<\/h2>\s*<p>示例区有老年人 8 万人。<\/p>\s*<h2[^>]*>1、培训内容<\/h2>\s*<ol>/,
    );
    expect(isSectionHeadingLine('一、基本情况')).toBe(true);
    expect(isSectionHeadingLine('（二）主要做法')).toBe(true);
    expect(outlineBody(body).sections.map((s) => s.name)).toEqual(['基本情况', '培训内容']);
  });

  it('numbers only lines that start with a step number', () => {
    expect(numberedLine('1、打开微信')?.number).toBe(1);
    expect(numberedLine('12．点“我”')?.number).toBe(12);
    expect(numberedLine('（3）看清')?.number).toBe(3);
    expect(numberedLine('③ 注意')?.number).toBe(3);
    expect(numberedLine('1.5 元一张')).toBeUndefined();
    expect(numberedLine('2021年起')).toBeUndefined();
  });

  it('starts a new list where the typed numbers do not follow on', async () => {
    const html = await renderBody('1、甲\n2、乙\n说明文字\n3、丙');
    expect(html).toMatch(
      /<ol>\s*<li>甲<\/li>\s*<li>乙<\/li>\s*<\/ol>\s*<p>说明文字<\/p>\s*<ol start="3">\s*<li>丙<\/li>/,
    );
  });

  it('changes no bundled entry, whose paragraphs are separated by blank lines', () => {
    for (const kind of ['courses', 'cases', 'projects']) {
      const dir = path.join(ROOT, 'content', kind);
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        const read = readEntryText(fs.readFileSync(path.join(dir, file), 'utf8'));
        if (!read.ok) throw new Error(file);
        const tree = fromMarkdown(read.entry.body);
        const before = JSON.stringify(tree, (k, v) => (k === 'position' ? undefined : v));
        remarkWordPaste()(tree);
        expect(
          JSON.stringify(tree, (k, v) => (k === 'position' ? undefined : v)),
          file,
        ).toBe(before);
      }
    }
  });
});
