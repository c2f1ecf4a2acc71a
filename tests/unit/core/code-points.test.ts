import { describe, expect, it } from 'vitest';
import { codePointName, codePointsIn } from '../../../src/core/code-points.ts';

describe('codePointName and codePointsIn', () => {
  it('name a character by its code point, four hex digits at least, astral ones in full', () => {
    expect(codePointName('\u200b')).toBe('U+200B');
    expect(codePointName('\u0000')).toBe('U+0000');
    expect(codePointName('😀')).toBe('U+1F600');
  });

  it('list each matched character once, in the order it first appears', () => {
    expect(codePointsIn('a\u202eb\u2066c\u202e', /[\u202a-\u202e\u2066-\u2069]/g)).toEqual(['U+202E', 'U+2066']);
    expect(codePointsIn('没有控制字符', /[\u0000-\u0008]/g)).toEqual([]);
  });
});
