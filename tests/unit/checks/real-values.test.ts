import { describe, expect, it } from 'vitest';
import { readDay } from '../../../src/core/dates.ts';
import { readProvince } from '../../../src/schemas/provinces.ts';
import { describeDifference, lookalikeKey, matchValue } from '../../../src/core/lookalike.ts';
import { insecureLinkNotes, insecureLinksInBody } from '../../../src/markdown/link-notes.ts';

const day = (text: string) => {
  const reading = readDay(text);
  return reading.ok ? reading.date.toISOString().slice(0, 10) : reading.message;
};

describe('dates as Chinese paperwork writes them', () => {
  it.each([
    ['2021-10-31', '2021-10-31'],
    ['2021年10月31日', '2021-10-31'],
    ['2021 年 10 月 31 日', '2021-10-31'],
    ['2022年5月1日', '2022-05-01'],
    ['2021.10.31', '2021-10-31'],
    ['2022.5.1', '2022-05-01'],
    ['2021/10/31', '2021-10-31'],
    ['２０２１．１０．３１', '2021-10-31'],
  ])('reads %s as %s', (typed, iso) => {
    expect(day(typed)).toBe(iso);
  });

  it('still checks them against the calendar', () => {
    expect(day('2022年2月30日')).toBe('「2022年2月30日」不是日历上有的日期：2022 年 2 月只有 28 天，请改正');
    expect(day('2021.13.01')).toBe('「2021.13.01」里没有 13 月：月份只能是 01–12，请改正');
    expect(day('2021.10-31')).toContain('不是日期的写法');
  });
});

describe('provinces as people write them', () => {
  it.each([
    ['山东', { province: '山东' }],
    ['山东省', { province: '山东' }],
    ['浙江 ', { province: '浙江' }],
    ['浙江省', { province: '浙江' }],
    ['广西壮族自治区', { province: '广西' }],
    ['内蒙古自治区', { province: '内蒙古' }],
    ['北京市', { province: '北京' }],
    ['宁波', { province: '浙江', city: '宁波' }],
    ['宁波市', { province: '浙江', city: '宁波' }],
    ['大连', { province: '辽宁', city: '大连' }],
    ['青岛市', { province: '山东', city: '青岛' }],
    ['厦门', { province: '福建', city: '厦门' }],
    ['深圳市', { province: '广东', city: '深圳' }],
    ['兵团', { province: '新疆生产建设兵团' }],
    ['有关直属单位', { province: '直属单位' }],
  ])('reads %s', (written, reading) => {
    expect(readProvince(written)).toEqual(reading);
  });

  it('does not guess at other cities', () => {
    expect(readProvince('杭州')).toBeUndefined();
    expect(readProvince('浙东')).toBeUndefined();
  });
});

describe('values that look alike', () => {
  const RESOURCE = ['教材（读本）', '视频资源', '其他'];
  const THEMES = ['互联网+生活', '智能手机应用', '智慧生活'];

  it.each([
    ['教材(读本)', RESOURCE, '教材（读本）'],
    ['教材（读本)', RESOURCE, '教材（读本）'],
    [' 视频 资源 ', RESOURCE, '视频资源'],
    ['视频\u3000资源', RESOURCE, '视频资源'],
    ['视频资源\u200b', RESOURCE, '视频资源'],
    ['互联网＋生活', THEMES, '互联网+生活'],
    ['互联网 + 生活', THEMES, '互联网+生活'],
  ])('%s is %s', (typed, values, value) => {
    expect(matchValue(typed, values)).toBe(value);
  });

  it('maps aliases, compared the same way', () => {
    expect(matchValue('读本', RESOURCE, { 读本: '教材（读本）', 教材: '教材（读本）' })).toBe('教材（读本）');
    expect(matchValue('智能手机运用', THEMES)).toBeUndefined();
  });

  it('keys full-width colons and brackets like half-width ones', () => {
    expect(lookalikeKey('说明：（一）')).toBe(lookalikeKey('说明:(一)'));
  });

  it('spells out the difference of a refused value, naming characters that look the same by code point', () => {
    expect(describeDifference('智能手机运用', THEMES)).toBe('和「智能手机应用」不同：「运」应为「应」');
    expect(describeDifference('СC BY 4.0', ['CC BY 4.0', '保留所有权利'])).toBe(
      '和「CC BY 4.0」不同：「С」（U+0421）应为「C」',
    );
    expect(describeDifference('智慧生活们', THEMES)).toBe('和「智慧生活」不同：多了「们」');
    expect(describeDifference('完全不同的东西', THEMES)).toBeUndefined();
  });
});

describe('links that are allowed but not encrypted', () => {
  it('lists http:// links, reference definitions and bare www. addresses of a body, not https:// ones', () => {
    const body =
      '课程在 [省平台](http://www.zjlnjy.cn/kc/1) 上。\n\n也可以访问 www.sdlnjy.com 或 https://www.lndx.edu.cn/。\n\n[参考]: http://example.cn/a\n';
    expect(insecureLinksInBody(body)).toEqual(['http://www.zjlnjy.cn/kc/1', 'www.sdlnjy.com', 'http://example.cn/a']);
  });

  it('notes a course link and body links, as notes that say what to do', () => {
    const notes = insecureLinkNotes('/x/courses/a.md', 'http://www.hnlndx.cn/course/12', '见 www.sdlnjy.com 。');
    expect(notes.map((n) => [n.field, n.message])).toEqual([
      [
        'link',
        '链接 http://www.hnlndx.cn/course/12 不加密：网站上会标出“不加密”。如果对方网站也能用 https:// 打开，请改成 https://',
      ],
      [
        '正文',
        '链接 www.sdlnjy.com（会按 http://www.sdlnjy.com 打开）不加密：网站上会标出“不加密”。如果对方网站也能用 https:// 打开，请改成 https://',
      ],
    ]);
  });
});
