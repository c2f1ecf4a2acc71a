import { describe, expect, it } from 'vitest';
import { findPersonalNumbers, findPersonalNumbersDeep, isIdCardNumber } from '../../../src/lib/privacy.ts';

const kinds = (text: string) => findPersonalNumbers(text).map((hit) => hit.kind);

describe('findPersonalNumbers: true positives', () => {
  it.each([
    ['mobile', '请联系 13800138000'],
    ['mobile', '手机：138-0013-8000'],
    ['mobile', '手机 138 0013 8000'],
    ['mobile', '手机 138.0013.8000'],
    ['mobile', '+86 138 0013 8000'],
    ['mobile', '１３８００１３８０００（全角）'],
    ['mobile', '138\u200b0013\u200c8000（零宽字符）'],
    ['mobile', '1\u00ad38001380\u206000（软连字符）'],
    ['mobile', '2021.10.31 13800138000'],
    ['landline', '电话 010-66490580'],
    ['landline', '(0571) 8888 6666'],
    ['landline', '（０５７１）８８８８－６６６６'],
    ['landline', '0755 8888 6666'],
    ['idCard', '身份证 11010519491231002X'],
    ['idCard', '110105 19491231 002x'],
  ])('finds a %s number in %j', (kind, text) => {
    expect(kinds(text)).toEqual([kind]);
  });

  it('hides the middle digits in what it reports', () => {
    expect(findPersonalNumbers('13800138000')[0]!.masked).toBe('138*****000');
  });
});

describe('findPersonalNumbers: false positives it must not raise', () => {
  it.each([
    '拨打 12306 订票',
    '反诈专线 96110，政务热线 12345，社保 12333，消费投诉 12315',
    '急救 120，报警 110',
    '铁路客服 95105105',
    '2021-10-31 截止',
    '2022年5月31日前',
    '价格 128.50 元',
    '课程编号 ZHZL-2021-0035',
    '第 3 期共 120 人次',
    '培训 1,480 个班，3.2 万人次',
    '11010519491231002X 改一位校验码：110105194912310021'.split('：')[1]!,
    '12345678901',
    '订单号 20221015123456789012',
  ])('%j', (text) => {
    expect(findPersonalNumbers(text)).toEqual([]);
  });
});

describe('isIdCardNumber', () => {
  it('checks the date and the check digit', () => {
    expect(isIdCardNumber('11010519491231002X')).toBe(true);
    expect(isIdCardNumber('110105194912310021')).toBe(false);
    expect(isIdCardNumber('11010519491331002X')).toBe(false);
  });
});

describe('findPersonalNumbersDeep', () => {
  it('looks into nested fields and numbers, and says where', () => {
    const hits = findPersonalNumbersDeep({
      title: '课程',
      instructors: [{ name: '李华', affiliation: '示例大学（０２１－６６８８\u200b９９００）' }],
      contact: 13800138000,
      when: new Date('2021-10-01'),
    });
    expect(hits.map((h) => [h.kind, h.path])).toEqual([
      ['landline', ['instructors', 0, 'affiliation']],
      ['mobile', ['contact']],
    ]);
  });
});
