import { describe, expect, it } from 'vitest';
import { chineseNumber } from '../../../src/core/chinese-numbers.ts';

describe('chineseNumber', () => {
  it.each([
    ['六', 6],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['两百', 200],
    ['一百二十', 120],
    ['一千零五', 1005],
  ])('reads %s as %d', (text, n) => expect(chineseNumber(text)).toBe(n));

  it('reads nothing else', () => {
    expect(chineseNumber('6')).toBeUndefined();
    expect(chineseNumber('第一')).toBeUndefined();
    expect(chineseNumber('')).toBeUndefined();
  });
});
