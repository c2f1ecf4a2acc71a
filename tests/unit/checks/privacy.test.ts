import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  describePersonalNumber,
  findHiddenControls,
  findPersonalData,
  findPersonalNumbers,
  findPersonalNumbersDeep,
  isBankCardNumber,
  isIdCardNumber,
  isOldIdCardNumber,
} from '../../../src/checks/privacy.ts';

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
    ['landline', '0571／8888／6666'],
    ['landline', '（０５７１）８８８８－６６６６'],
    ['landline', '0755 8888 6666'],
    ['idCard', '身份证 11010519491231002X'],
    ['idCard', '110105 19491231 002x'],
    // Issue #19: numerals and look-alike digits
    ['mobile', '一三八一二三四五六七八'],
    ['mobile', '壹叁捌壹贰叁肆伍陆柒捌'],
    ['mobile', '138一二三四5678'],
    ['mobile', '幺三八 幺二三四 五六七八'],
    ['mobile', '一三八〇〇一三八〇〇〇'],
    ['mobile', '一三八○○一三八○○○（圆圈当零）'],
    ['mobile', '𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖'],
    ['mobile', '𝟙𝟛𝟠𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠'],
    ['mobile', '①③⑧①②③④⑤⑥⑦⑧'],
    ['mobile', '❶❸❽❶❷❸❹❺❻❼❽'],
    ['mobile', '➀➂➇➀➁➂➃➄➅➆➇'],
    ['mobile', '⓵⓷⓼⓵⓶⓷⓸⓹⓺⓻⓼'],
    ['mobile', '1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣'],
    ['mobile', '1̲3̲8̲1̲2̲3̲4̲5̲6̲7̲8̲'],
    ['mobile', '١٣٨١٢٣٤٥٦٧٨（阿拉伯-印度数字）'],
    ['mobile', '१३८१२३४५६७८'],
    // Separators people use
    ['mobile', '138/1234/5678'],
    ['mobile', '138／1234／5678'],
    ['mobile', '138,1234,5678'],
    ['mobile', '138，1234，5678'],
    ['mobile', '138、1234、5678'],
    ['mobile', '138\u28001234\u28005678'],
    ['mobile', '138\u20021234\u202f5678'],
    ['mobile', '【138】1234-5678'],
    ['mobile', '138 - 1234 - 5678'],
    ['mobile', '手机：138\n1234 5678（换行）'],
    ['mobile', '1 3 8 1 2 3 4 5 6 7 8'],
    // Drawn in another order than stored
    ['mobile', '5678\u200f1234\u200f138'],
    ['mobile', '\u202e8765 4321 831\u202c'],
    // Other personal contacts
    ['email', 'wang.laoshi@example.com'],
    ['email', 'ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ'],
    ['email', '12345678@qq.com'],
    ['email', 'wang [at] example.com'],
    ['bankCard', '6222 0212 3456 7890 128'],
    ['bankCard', '4111-1111-1111-1111'],
    ['idCard', '110105491231002'],
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
    // Issue #19 controls: lists of dates and prices, course codes, ISBNs, tables
    '2021-10-31、2022-05-31、2022-09-15',
    '2021.10.31, 2022.5.31, 2022.9.15, 2021.10.15',
    '- 2021-10-31\n- 2022-05-31\n- 2022-09-15',
    '1. 138 人\n2. 1234 人\n3. 5678 人',
    '价格 12.50、13.80、9.90、15.00、13.60',
    '第 1、3、5、7、9、11、13、15 课',
    '课程编号 ZHZL-2021-0035、ZHZL-2021-0036',
    'ISBN 978-7-04-055234-1',
    'ISBN 978-7-115-54321-6',
    '| 2021 | 138 | 1234 | 5678 |',
    '2021\t138\t1234\t5678',
    '铁路 12306 12306 12306',
    '1950 年至 1965 年出生，二〇二二年五月三十一日',
    '订单 6222021234567890127（不过 Luhn 校验）',
    '110105491331002（月份不对的 15 位数）',
    'example.com/@wang',
    '第一二三期',
    '138****5678（已打码的号码）',
  ])('%j', (text) => {
    expect(findPersonalNumbers(text)).toEqual([]);
  });
});

describe('what is reported', () => {
  it('masks the digits and says on which other lines they are too', () => {
    const [hit] = findPersonalData('第一行\n手机 138 1234 5678');
    expect(hit).toMatchObject({ kind: 'mobile', masked: '138*****678', index: 7 });
    const message = describePersonalNumber({ ...hit!, lines: [9, 2, 9] });
    expect(message).toContain('这里有像手机号码的数字（138*****678）（第 2、9 行也有）');
    expect(message).toContain('单位网站');
    expect(message).not.toContain('13812345678');
  });

  it('says 电话号码 for a landline (#16), and suggests the unit’s website for an e-mail address', () => {
    expect(describePersonalNumber(findPersonalNumbers('0571-8888 6666')[0]!)).toContain('像固定电话号码的数字');
    const email = describePersonalNumber(findPersonalNumbers('wang@example.com')[0]!);
    expect(email).toContain('电子邮箱地址（w***@example.com）');
    expect(email).toContain('单位网站');
  });
});

describe('findHiddenControls', () => {
  it('names format and bidi controls, but not a joiner inside an emoji', () => {
    expect(findHiddenControls('手机\u200f挂号\u200b')).toEqual(['U+200F', 'U+200B']);
    expect(findHiddenControls('全家👨\u200d👩\u200d👧学手机')).toEqual([]);
    expect(findHiddenControls('手机挂号入门')).toEqual([]);
  });
});

describe('isBankCardNumber and isOldIdCardNumber', () => {
  it('checks Luhn, and the date of a 15-digit ID', () => {
    expect(isBankCardNumber('6222021234567890128')).toBe(true);
    expect(isBankCardNumber('6222021234567890127')).toBe(false);
    expect(isOldIdCardNumber('110105491231002')).toBe(true);
    expect(isOldIdCardNumber('110105490231002')).toBe(false);
    expect(isOldIdCardNumber('990105491231002')).toBe(false);
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
