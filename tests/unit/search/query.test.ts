import { describe, expect, it } from 'vitest';
import {
  coverage,
  excerpt,
  HIDDEN_WORDS_MARK,
  mentionsAny,
  normalizeQuery,
  ownText,
  queryKeys,
  relevance,
  splitQuery,
} from '../../../src/search/query.ts';

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

describe('normalizeQuery: spoken questions keep only the task', () => {
  it.each([
    ['就是那个养老金认证在手机上怎么弄呀', '养老金认证'],
    ['搭公交', '公交'],
    ['我妈总被骗', '我妈 被骗'],
    ['嗯我想在手机上挂个号', '挂号'],
    ['帮我看一下社保怎么弄', '社保'],
    ['哎呀收到个短信说我中奖了', '短信 中奖'],
    ['打的', '打的'],
    ['的士', '的士'],
    ['个人信息', '个人信息'],
    ['总结', '总结'],
    // 老 alone is "always", 自己 says who: neither names the task.
    ['老伴老接到说是公安局的电话', '老伴 公安局 电话'],
    ['孩子不在家我怎么自己叫个车', '孩子不在家 叫车'],
    ['老人', '老人'],
  ])('%s → %s', (query, expected) => {
    expect(normalizeQuery(query)).toBe(expected);
  });
});

describe('coverage: how much of what a query asks a page answers', () => {
  const common = new Set(['手机', '视频']);

  it('counts the share of the query that the page contains', () => {
    expect(coverage('公交 地铁', '搭公交')).toBe(1);
    expect(coverage('公交 地铁', '坐公交')).toBeCloseTo(2 / 3);
    expect(coverage('短视频 摄影', '婚纱摄影', common)).toBe(0.5);
    expect(coverage('出租车', '老人怎么用手机叫出租车', common)).toBe(0.75);
  });

  it('takes no evidence from pairs that most pages contain, nor from whom the task is for', () => {
    expect(coverage('手机 入门', '手机支富', common)).toBe(0);
    expect(coverage('被骗 防骗', '我妈总被骗', common)).toBe(1);
    expect(coverage('视频通话', '跳舞视频', common)).toBe(0);
    // A query of common words alone still counts them.
    expect(coverage('手机 视频', '手机视频', common)).toBe(1);
  });
});

describe('coverage: family and negation are the situation, not the task', () => {
  it('takes no evidence from a family word, nor from what is not so', () => {
    expect(coverage('叫车', '孩子不在家我怎么自己叫个车')).toBeGreaterThan(0.5);
    expect(coverage('微信 红包', '嗯那个微信怎么给孙女发红包')).toBeGreaterThan(0.5);
    expect(coverage('孙女 在家', '孩子不在家我怎么自己叫个车')).toBeLessThanOrEqual(0.5);
  });
});

describe('relevance: a page that covers part of a query covers it in what it is about', () => {
  const page = (body: string, hidden: string[], title = '用 12306 买火车票') => ({
    content: `${body} ${HIDDEN_WORDS_MARK} ${hidden.join(' ')}`,
    title,
    summary: '',
  });

  it('does not answer 学开车 with a page that says 开车前 in passing', () => {
    expect(relevance(page('改签要在开车前办', ['出行', '火车票']), '学开车')).toBe(0);
  });

  it('answers a partly covered query with the page whose scenario words cover it', () => {
    expect(relevance(page('到车站取票', ['出行', '火车', '火车票']), '坐火车')).toBeCloseTo(2 / 3);
    expect(relevance(page('打开软件叫车', ['出行', '叫车'], '手机打车'), '孩子不在家我怎么自己叫个车')).toBeGreaterThan(
      0.5,
    );
  });

  it('answers a fully or mostly covered query wherever the page covers it', () => {
    expect(relevance(page('学会开车前检查', []), '开车前')).toBe(1);
    // 方案 is in the body only; 诈骗 (and 防诈骗's other pair) covers the rest: 4 of 5 characters.
    expect(relevance(page('这套培训方案讲诈骗', ['防骗安全', '诈骗'], '防骗讲座进社区'), '防诈骗方案')).toBeCloseTo(
      4 / 5,
    );
  });
});

describe('excerpt: the page own text around the words searched for', () => {
  const content = `用手机挂号，先打开医院的公众号。${HIDDEN_WORDS_MARK} 看病 挂号 医院 门诊`;

  it('marks the words and never shows the hidden ones', () => {
    const parts = excerpt(content, ['挂号']);
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['挂号']);
    expect(parts.map((p) => p.text).join('')).not.toContain('门诊');
  });

  it('shows nothing when only the hidden words matched', () => {
    expect(excerpt(content, ['门诊'])).toEqual([]);
    expect(ownText(content)).toBe('用手机挂号，先打开医院的公众号。');
  });
});
