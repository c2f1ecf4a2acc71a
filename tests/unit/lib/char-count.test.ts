import { describe, expect, it } from 'vitest';
import { countChars, countMarkdownChars } from '../../../src/lib/char-count.ts';

describe('countChars: 字 as Chinese editors count them', () => {
  it.each([
    ['你好', 2],
    ['你好，世界！', 6],
    ['“引号”……、', 7],
    ['Hello world', 2],
    ['用 12306 买票', 4],
    ['3.5 元', 3],
    ['iPhone15', 1],
    ['１２３ａｂ', 1],
    ['👍', 1],
    ['👨‍👩‍👧 好', 2],
    ['  - , . ! ', 0],
    ['', 0],
  ])('%j → %i', (text, expected) => {
    expect(countChars(text)).toBe(expected);
  });
});

describe('countMarkdownChars: markup is not counted', () => {
  it('ignores heading marks, emphasis, list markers and link targets', () => {
    expect(
      countMarkdownChars('## 标题\n\n- 打开**微信**\n- 点 [这里](https://example.com/a-long-path)\n\n1. 步骤'),
    ).toBe(2 + 4 + 3 + 2);
  });

  it('ignores images and raw HTML', () => {
    expect(countMarkdownChars('![一张图](a.png)\n\n<br>\n\n正文')).toBe(2);
  });
});
