import { describe, expect, it } from 'vitest';
import { lineOfField, readEntryText, splitOutsideBrackets, withoutCurlyQuotes } from '../../../src/checks/frontmatter.ts';
import { readDay, todayInChina } from '../../../src/core/dates.ts';

const read = (frontmatter: string) => {
  const result = readEntryText(`---\n${frontmatter}\n---\n\n正文`);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.entry.data;
};
const problems = (text: string) => {
  const result = readEntryText(text);
  return result.ok ? [] : result.problems;
};

describe('one-line text fields are read as typed', () => {
  it.each([
    [
      'summary: 在手机上交水费、电费 #智慧助老# 不用再跑营业厅。',
      'summary',
      '在手机上交水费、电费 #智慧助老# 不用再跑营业厅。',
    ],
    ['title: #1 用手机交水电燃气费', 'title', '#1 用手机交水电燃气费'],
    ['title: 数字伙伴计划: 社区学院', 'title', '数字伙伴计划: 社区学院'],
    ['title: "智慧小囡"助力银龄跨越数字鸿沟', 'title', '"智慧小囡"助力银龄跨越数字鸿沟'],
    ["title: '用手机缴纳 #1 号楼物业费'", 'title', '用手机缴纳 #1 号楼物业费'],
    ['title: ‘用手机预约挂号’', 'title', '用手机预约挂号'],
    ['title: “用手机预约挂号”', 'title', '用手机预约挂号'],
    ['title: [试点] 用手机挂号', 'title', '[试点] 用手机挂号'],
    ['title: &是 *星号 !感叹 %百分 @at `反引号`', 'title', '&是 *星号 !感叹 %百分 @at `反引号`'],
    ['title: true', 'title', 'true'],
    ['coverAlt: 手机屏幕上的“我”按钮 # 右下角', 'coverAlt', '手机屏幕上的“我”按钮 # 右下角'],
  ])('%s', (line, key, value) => {
    expect(read(line)[key]).toBe(value);
  });

  it('reads an instructor’s fields as typed too', () => {
    const data = read('instructors:\n  - name: 李华\n    affiliation: 某某大学: 继续教育学院\n    position: 讲师 #1');
    expect(data.instructors).toEqual([{ name: '李华', affiliation: '某某大学: 继续教育学院', position: '讲师 #1' }]);
  });

  it('joins text that runs on over indented lines, keeping # and without a space between Chinese lines', () => {
    expect(read('summary: 在手机上交水费、电费 #智慧助老#\n  不用再跑营业厅。\nunit: x')).toEqual({
      summary: '在手机上交水费、电费 #智慧助老#不用再跑营业厅。',
      unit: 'x',
    });
    expect(read('summary: Pay bills\n  on the phone #1').summary).toBe('Pay bills on the phone #1');
  });

  it('takes a full-width space after the colon as a space', () => {
    expect(read('title:\u3000用手机挂号\nbatch:\u30001')).toEqual({ title: '用手机挂号', batch: 1 });
  });

  it('keeps block scalars as YAML reads them', () => {
    expect(read('summary: >\n  在手机上\n  交水费')).toEqual({ summary: '在手机上 交水费\n' });
  });
});

describe('lists as typed', () => {
  it('does not split an award at a comma inside brackets', () => {
    expect(read('awards: [山东省优秀社区教育课程(2021, 一等奖), 《手机课》（二等奖，2022）]').awards).toEqual([
      '山东省优秀社区教育课程(2021, 一等奖)',
      '《手机课》（二等奖，2022）',
    ]);
  });

  it('splits names at 、 and ，, never publishing one member called 张三、李四', () => {
    expect(read('members: [张三、李四]').members).toEqual(['张三', '李四']);
    expect(read('members: [张三，李四]').members).toEqual(['张三', '李四']);
    expect(read('members: 张三、李四').members).toEqual(['张三', '李四']);
    expect(read("members: ['张三、李四']").members).toEqual(['张三', '李四']);
    expect(read('members:\n  - 张三、李四\n  - 王五').members).toEqual(['张三', '李四', '王五']);
  });

  it('reads choices separated by full-width commas', () => {
    expect(read('scenarios: [就医，出行、消费]').scenarios).toEqual(['就医', '出行', '消费']);
    expect(read('scenarios: 就医').scenarios).toEqual(['就医']);
    expect(read('scenarios: []').scenarios).toEqual([]);
  });

  it('splits only outside brackets and quotes', () => {
    expect(splitOutsideBrackets('甲(1, 2), "乙, 丙", 丁【3，4】', new Set([',', '，']))).toEqual([
      '甲(1, 2)',
      '"乙, 丙"',
      '丁【3，4】',
    ]);
    expect(splitOutsideBrackets('甲(1, 2', new Set([',']))).toBeUndefined();
  });

  it('takes off curly quotes around a whole value only', () => {
    expect(withoutCurlyQuotes('‘用手机’')).toBe('用手机');
    expect(withoutCurlyQuotes('“智慧小囡”助力“银龄”')).toBe('“智慧小囡”助力“银龄”');
  });
});

describe('dates stay text until src/core/dates.ts reads them', () => {
  it('does not let YAML turn a date into a timestamp', () => {
    expect(read('recommendedOn: 2023-02-30\nupdatedOn: 2021-10-31T08:00:00+08:00')).toEqual({
      recommendedOn: '2023-02-30',
      updatedOn: '2021-10-31T08:00:00+08:00',
    });
  });

  it('checks the calendar', () => {
    expect(readDay('2024-02-29')).toEqual({ ok: true, date: new Date(Date.UTC(2024, 1, 29)) });
    expect(readDay('2023-02-29').ok).toBe(false);
    expect(readDay('2023-02-30').ok).toBe(false);
    expect(readDay('2021-13-45').ok).toBe(false);
    expect(readDay('0021-10-01').ok).toBe(false);
    expect(readDay('1999-12-31').ok).toBe(false);
    expect(readDay('2021-10-31T00:00:00Z').ok).toBe(false);
  });

  it('knows today by China’s clock', () => {
    expect(todayInChina(new Date('2026-12-01T16:30:00Z'))).toEqual(new Date(Date.UTC(2026, 11, 2)));
    expect(todayInChina(new Date('2026-12-01T15:59:59Z'))).toEqual(new Date(Date.UTC(2026, 11, 1)));
  });
});

describe('mistakes are named on their own line', () => {
  it('names a full-width colon', () => {
    expect(problems('---\nunit: x\ntitle：手机挂号\n---\n')).toEqual([
      { line: 3, message: expect.stringContaining('中文冒号「：」') },
    ]);
  });

  it('names an unclosed ASCII quote on its line, not lines away', () => {
    const text = '---\ntitle: 手机挂号\nlink: "https://example.com/a\nunit: x\nbatch: 1\nstatus: 推荐\n---\n';
    expect(problems(text)).toEqual([{ line: 3, message: expect.stringContaining('没有配对的结束引号 "') }]);
  });

  it('names an unclosed quote in a list item on its line', () => {
    expect(problems('---\nmembers:\n  - "张三\n  - 李四\n---\n')).toEqual([
      { line: 3, message: expect.stringContaining('没有配对的结束引号') },
    ]);
    expect(problems('---\nawards: ["某奖, 2021]\n---\n')).toEqual([
      { line: 2, message: expect.stringContaining('没配对的括号或引号') },
    ]);
  });

  it('names a missing closing ---', () => {
    expect(problems('---\ntitle: 手机挂号\nunit: x\n\n## 课程内容\n\n正文')).toEqual([
      { line: 1, message: expect.stringMatching(/字段区缺少结束的 ---.*应当在第 5 行之前/) },
    ]);
  });

  it('finds the line of a nested field', () => {
    const result = readEntryText(
      '---\ntitle: 课\ninstructors:\n  - name: 甲\n    position: 讲师\n  - name: 乙\n    position: 教授\n---\n',
    );
    if (!result.ok) throw new Error('unread');
    expect(lineOfField(result.entry, ['instructors', 1, 'position'])).toBe(7);
    expect(lineOfField(result.entry, ['instructors', 0, 'name'])).toBe(4);
    expect(lineOfField(result.entry, ['title'])).toBe(2);
  });
});
