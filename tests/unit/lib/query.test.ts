import { describe, expect, it } from 'vitest';
import { mentionsAny, normalizeQuery, queryKeys, splitQuery } from '../../../src/lib/query.ts';

describe('normalizeQuery: keep the words that name the task', () => {
  it.each([
    ['怎么在手机上挂号', '挂号'],
    ['怎么用手机打车？', '打车'],
    ['如何用微信视频通话', '微信视频通话'],
    ['手机银行怎么转账', '手机银行 转账'],
    ['什么是二维码', '二维码'],
    ['养老金认证在哪里办', '养老金认证'],
    ['12306怎么买火车票', '12306 买火车票'],
    ['看病', '看病'],
    ['手机入门', '手机入门'],
    ['怎么', '怎么'],
  ])('%s → %s', (query, expected) => {
    expect(normalizeQuery(query)).toBe(expected);
  });
});

describe('splitQuery: words for when the whole query finds nothing', () => {
  it('tries every pair of characters in a run of Chinese words', () => {
    expect(splitQuery('扫码付款')).toEqual(expect.arrayContaining(['扫码', '付款']));
    expect(splitQuery('坐公交')).toContain('公交');
    expect(splitQuery('怎么用手机银行转账')).toContain('转账');
    expect(splitQuery('12306')).toEqual(['12306']);
  });
});

describe('queryKeys and mentionsAny: is a page about the query at all?', () => {
  it('keeps each word, and each pair of neighbouring characters of a longer Chinese word', () => {
    expect(queryKeys('飞机票')).toEqual(['飞机票', '飞机', '机票']);
    expect(queryKeys('怎么在手机上挂号？')).toEqual(['挂号']);
    expect(queryKeys('12306 买票')).toEqual(['12306', '买票']);
    expect(queryKeys('WiFi')).toEqual(['wifi']);
  });

  it('finds a key anywhere in the text, ignoring case, and not a single shared character', () => {
    expect(mentionsAny('用 12306 买火车票', queryKeys('火车票'))).toBe(true);
    expect(mentionsAny('连上家里的 WIFI', queryKeys('wifi'))).toBe(true);
    expect(mentionsAny('认识智能手机：开关机', queryKeys('飞机票'))).toBe(false);
  });
});
