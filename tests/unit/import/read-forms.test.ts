import { describe, expect, it } from 'vitest';
import { formDocx } from '../../fixtures/forms.ts';
import { keyOfLabel, kindOfLabels, TICK_MARKS } from '../../../src/import/form-layout.ts';
import { readDocx } from '../../../src/import/read-docx.ts';
import { formsOfDocx } from '../../../src/import/read-form.ts';
import {
  readCount,
  readList,
  readMinutes,
  readNames,
  readResourceType,
  readYesNo,
  splitCaseParts,
  splitPost,
  toMarkdown,
} from '../../../src/import/read-values.ts';
import { scrubContacts } from '../../../src/import/scrub.ts';
import { entrySlugFromTitle } from '../../../src/import/slug.ts';
import { provinceFromName } from '../../../src/import/units.ts';

describe('labels as units space and break them', () => {
  it.each([
    ['课 程 名 称', 'title'],
    ['负　责　人', 'leader'],
    ['案\n例\n内\n容', 'caseBody'],
    ['单位及职\n务(职称)', 'instructorPost'],
    ['是否同意纳入\n全国老年教育课程资源库\n共享', 'shared'],
    ['省级教育行\n政部门意见', 'provinceOpinion'],
    ['联系电话：', 'phone'],
    ['*课程名称', 'title'],
    ['序号', 'serial'],
  ])('%j is %s', (label, key) => expect(keyOfLabel(label)).toBe(key));

  it('a value is no label', () => {
    for (const value of ['用手机预约挂号', '是', '视频资源', '王丽、陈明']) expect(keyOfLabel(value)).toBeUndefined();
  });

  it('tells the form by its labels', () => {
    expect(kindOfLabels(['案例名称', '申报单位', '负责人'])).toBe('cases');
    expect(kindOfLabels(['项目名称', '授课人'])).toBe('projects');
    expect(kindOfLabels(['课程名称', '课程资源类型'])).toBe('courses');
    expect(kindOfLabels(['申报单位', '负责人'])).toBeUndefined();
  });
});

describe('ticked boxes', () => {
  const cell = (tick: string) => `□ 教材（读本）\n${tick} 视频资源，视频时长 25 分钟\n□ 其他`;
  it.each([...TICK_MARKS])('reads %s as a tick', (tick) => {
    expect(readResourceType(cell(tick))).toMatchObject({ types: ['视频资源'], minutes: 25 });
  });

  it('reads the minutes however they are written', () => {
    expect(readMinutes('视频时长__32__分钟')).toBe(32);
    expect(readMinutes('视频时长 1 小时 20 分钟')).toBe(80);
    expect(readMinutes('时长：45')).toBe(45);
    expect(readMinutes('12.5 min')).toBe(12.5);
    expect(readMinutes('视频时长______分钟')).toBeUndefined();
  });

  it('reads one line of boxes, 其他 with what it is, and an answer typed without boxes', () => {
    expect(readResourceType('□教材（读本） □视频资源，视频时长______分钟 ■其他：图文卡片')).toMatchObject({
      types: ['其他'],
      note: '图文卡片',
    });
    expect(readResourceType('教材（读本）')).toMatchObject({ types: ['教材（读本）'] });
    expect(readResourceType('视频资源，20分钟')).toMatchObject({ types: ['视频资源'], minutes: 20 });
  });

  it('says when no box is ticked but minutes are written, and when two are', () => {
    expect(readResourceType('□ 教材（读本）\n□ 视频资源，视频时长 30 分钟\n□ 其他').doubt).toContain(
      '按「视频资源」导入',
    );
    expect(readResourceType('☑ 教材（读本）\n☑ 视频资源，视频时长 30 分钟\n□ 其他').types).toEqual([
      '教材（读本）',
      '视频资源',
    ]);
    expect(readResourceType('□ 教材（读本）\n□ 视频资源，视频时长______分钟\n□ 其他').types).toEqual([]);
  });

  it('reads 是否同意共享 ticked or written out', () => {
    expect(readYesNo('☑ 是        □ 否')).toBe(true);
    expect(readYesNo('□ 是   √ 否')).toBe(false);
    expect(readYesNo('同意')).toBe(true);
    expect(readYesNo('不同意')).toBe(false);
    expect(readYesNo('□ 是 □ 否')).toBeUndefined();
  });
});

describe('values written the way people write them', () => {
  it('reads counts with units, separators and Chinese numerals', () => {
    expect(readCount('共 6 期')).toBe(6);
    expect(readCount('1,200 人次')).toBe(1200);
    expect(readCount('1.2万人次')).toBe(12000);
    expect(readCount('十二期')).toBe(12);
    expect(readCount('暂无')).toBeUndefined();
  });

  it('reads names and awards', () => {
    expect(readNames(['王丽、陈明  李华', '赵敏，钱红'])).toEqual(['王丽', '陈明', '李华', '赵敏', '钱红']);
    expect(readNames(['无'])).toEqual([]);
    expect(readList(['1. 示例市优秀课程（2021）；2.示例省微课一等奖。', '（3）示例奖'])).toEqual([
      '示例市优秀课程（2021）',
      '示例省微课一等奖',
      '示例奖',
    ]);
    expect(readList(['暂无'])).toEqual([]);
  });

  it.each([
    ['江苏开放大学信息工程学院副教授', '江苏开放大学信息工程学院', '副教授'],
    ['浙江示例市老年开放大学 讲师', '浙江示例市老年开放大学', '讲师'],
    ['南京示例大学/教授', '南京示例大学', '教授'],
    ['示例市社区教育学院副院长', '示例市社区教育学院', '副院长'],
    ['示例通信公司杭州分公司客户经理', '示例通信公司杭州分公司', '客户经理'],
    ['湖滨街道社区学校教师', '湖滨街道社区学校', '教师'],
  ])('splits 单位及职务 %s', (text, affiliation, position) => {
    expect(splitPost(text)).toEqual({ affiliation, position });
  });

  it('does not guess where the text does not say', () => {
    for (const text of ['退休教师', '张三工作室', '']) expect(splitPost(text)).toBeUndefined();
  });

  it('splits the case body at its part headings, numbered or not', () => {
    const { parts, before } = splitCaseParts([
      '主要围绕以下三方面内容：',
      '一、基本情况：（500 字以内）。全县老年人 8 万。',
      '（二）主要做法',
      '一是开课。',
      '3. 经验效果：两年培训 3000 人次。',
    ]);
    expect(before).toEqual([]);
    expect([...parts]).toEqual([
      ['基本情况', ['全县老年人 8 万。']],
      ['主要做法', ['一是开课。']],
      ['经验效果', ['两年培训 3000 人次。']],
    ]);
  });

  it('writes Word text as Markdown that shows it as written', () => {
    expect(toMarkdown(['# 不是标题', '5*2 <b>', '', '- 不是列表'])).toBe(
      '\\# 不是标题\n\n5\\*2 \\<b\\>\n\n\\- 不是列表',
    );
  });
});

describe('contacts in free text', () => {
  it('removes phone numbers with the words that introduce them, and keeps dates and service numbers', () => {
    expect(scrubContacts('如有疑问请拨打咨询电话：0571-87654321。').text).toBe('如有疑问请拨打。');
    expect(scrubContacts('2021.10.31 13800138000开课').text).toBe('2021.10.31 开课');
    expect(scrubContacts('（电话：+86 139 1234 5678）欢迎报名').text).toBe('欢迎报名');
    expect(scrubContacts('邮箱 wuxh@example.com。').removed).toEqual(['w***@example.com']);
    expect(scrubContacts('拨打 12345 或 110，学员 1200 人次')).toEqual({
      text: '拨打 12345 或 110，学员 1200 人次',
      removed: [],
    });
  });

  it('removes a full-width mobile number and an ID-card number', () => {
    expect(scrubContacts('手机１３８００１３８０００').text).toBe('');
    expect(scrubContacts('身份证号 11010519491231002X 已核验').removed).toHaveLength(1);
  });
});

describe('slugs and provinces', () => {
  it('gives a pinyin slug by words', () => {
    expect(entrySlugFromTitle('用手机预约挂号')).toBe('yong-shouji-yuyue-guahao');
    expect(entrySlugFromTitle('12306 App 购票')).toBe('12306-app-goupiao');
    expect(entrySlugFromTitle('2021')).toBe('tiaomu-2021');
    expect(entrySlugFromTitle('！？')).toBeUndefined();
  });

  it('takes the province from a unit name that says it', () => {
    expect(provinceFromName('浙江省示例市老年大学')).toBe('浙江');
    expect(provinceFromName('内蒙古自治区示例社区学院')).toBe('内蒙古');
    expect(provinceFromName('新疆生产建设兵团示例师老年大学')).toBe('新疆生产建设兵团');
    expect(provinceFromName('示例市老年大学')).toBeUndefined();
  });
});

describe('reading a .docx made by Word-like tools', () => {
  it('reads check-box content controls, Wingdings symbols and vertically merged 授课人 rows', async () => {
    const data = await formDocx(
      ['附件3'],
      [
        ['项目名称', { paragraphs: ['手机课堂'], span: 3 }],
        [
          { paragraphs: ['授课人'], vMerge: 'restart' },
          '李华',
          { paragraphs: ['单位及职务（职称）'], vMerge: 'restart' },
          '示例大学 讲师',
        ],
        [{ paragraphs: [''], vMerge: 'continue' }, '周燕', { paragraphs: [''], vMerge: 'continue' }, '示例学院 教授'],
        ['是否同意共享', { paragraphs: ['{box:1} 是 {box:0} 否'], span: 3 }],
        ['课程资源类型', { paragraphs: ['{sym:F0A8} 教材（读本） {sym:F052:Wingdings 2} 视频资源 10 分钟'], span: 3 }],
      ],
    );
    const [record] = formsOfDocx(await readDocx(data), 'x.docx');
    expect(record!.kind).toBe('projects');
    expect(record!.values.get('instructor')).toEqual([['李华'], ['周燕']]);
    expect(record!.values.get('instructorPost')).toEqual([['示例大学 讲师'], ['示例学院 教授']]);
    expect(readYesNo(record!.values.get('shared')![0]!.join(' '))).toBe(true);
    expect(readResourceType(record!.values.get('resourceType')![0]!.join('\n'))).toMatchObject({
      types: ['视频资源'],
      minutes: 10,
    });
  });

  it('reads a label and its value written in one cell', async () => {
    const data = await formDocx([], [['课程名称：手机挂号'], ['申报单位：示例市老年大学']]);
    const [record] = formsOfDocx(await readDocx(data), 'x.docx');
    expect(record!.values.get('title')).toEqual([['手机挂号']]);
    expect(record!.values.get('unit')).toEqual([['示例市老年大学']]);
  });
});
