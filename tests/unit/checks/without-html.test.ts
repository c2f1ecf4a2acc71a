import { describe, expect, it } from 'vitest';
import { withoutHtml } from '../../../src/checks/validator.ts';

describe('withoutHtml: a body as it reads once its HTML is deleted', () => {
  it('drops comments and tags in any case, and keeps every line', () => {
    const body = '## 甲\n\n<!-- 说明\n两行 -->\n<ScRiPt SRC="x.js"></sCrIpT>\n\n## 乙\n\n内容。';
    const kept = withoutHtml(body);
    expect(kept).toBe('## 甲\n\n\n\n\n\n## 乙\n\n内容。');
    expect(kept.split('\n')).toHaveLength(body.split('\n').length);
  });

  it('ends an unclosed comment at the end of the body', () => {
    expect(withoutHtml('正文\n<!-- 没有结束')).toBe('正文\n');
    expect(withoutHtml('<!--'.repeat(1000) + '\n正文')).toBe('\n');
  });

  it('leaves Markdown and text that only looks like a tag alone', () => {
    expect(withoutHtml('价格 < 10 元，a<b 和 `代码`')).toBe('价格 < 10 元，a<b 和 `代码`');
  });
});
