import { describe, expect, it } from 'vitest';
import { formatAnnotation } from '../../../src/report/problems.ts';

describe('formatAnnotation', () => {
  it('writes a GitHub workflow command with the file relative to the checkout, the line and the field', () => {
    expect(
      formatAnnotation(
        { file: '/repo/content/courses/a.md', field: 'minutes', line: 7, message: '视频资源必须填写视频时长' },
        '/repo',
      ),
    ).toBe('::error file=content/courses/a.md,line=7,title=内容检查：minutes::视频资源必须填写视频时长');
  });

  it('escapes what would end the command early: line breaks, %, and in properties : and ,', () => {
    expect(
      formatAnnotation({ file: '/repo/content/a,b:c.md', field: 'x', message: '第一行\n第二行 100%' }, '/repo'),
    ).toBe('::error file=content/a%2Cb%3Ac.md,title=内容检查：x::第一行%0A第二行 100%25');
  });
});
