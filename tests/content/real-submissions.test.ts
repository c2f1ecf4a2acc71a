import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, minimalCase, minimalCourse, variant } from '../fixtures/entries.ts';
import {
  communitySchoolCase,
  directUnitProject,
  mixedMediaCourse,
  REAL_ENTRIES,
  realUnitsYaml,
  videoSeriesCourse,
} from '../fixtures/real-submissions.ts';
import { validateContent } from '../../src/checks/validator.ts';
import { OUTPUT, run } from '../helpers/run.ts';

const treeDir = (name: string) => path.join(OUTPUT, 'trees', `real-${name}`);
const relative = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');

/** Every problem of a tree as `file:field — message`, files relative to the tree. */
function problemsOf(dir: string): string[] {
  return validateContent(dir).problems.map((p) => `${relative(dir, p.file)}:${p.field} — ${p.message}`);
}

describe('real-style entries', () => {
  it('pass validation: numbered headings, 附件1 structures, ##标题 without a space, wide tables', () => {
    const dir = makeTree(treeDir('entries'), REAL_ENTRIES, { 'units.yaml': realUnitsYaml() });
    expect(problemsOf(dir)).toEqual([]);
  });
});

describe('what real-style values are read as', () => {
  const dir = () => makeTree(treeDir('values'), REAL_ENTRIES, { 'units.yaml': realUnitsYaml() });
  const report = () => validateContent(dir());
  const data = (file: string) =>
    report().catalogue.entries.find((e) => e.file.endsWith(file))!.data as Record<string, unknown>;

  it('a 融媒体 reader: both types, decimal minutes, 集数, 是/否, 第一批, Chinese dates, ＋, http:// link', () => {
    const d = data(mixedMediaCourse.file);
    expect(d).toMatchObject({
      batch: 1,
      resourceType: ['教材（读本）', '视频资源'],
      minutes: 7.5,
      episodes: 12,
      shared: false,
      themes: ['互联网+生活', '智能手机应用'],
      link: 'http://www.nbsqjy.cn/rongmeiti/duben/',
    });
    expect((d.recommendedOn as Date).toISOString()).toBe('2021-10-31T00:00:00.000Z');
    expect((d.updatedOn as Date).toISOString()).toBe('2021-10-31T00:00:00.000Z');
  });

  it('a video series: 第 2 批, 86.5分钟, 是', () => {
    expect(data(videoSeriesCourse.file)).toMatchObject({ batch: 2, minutes: 86.5, episodes: 12, shared: true });
  });

  it('a 直属单位 entry keeps its channel; units read their province, city and kind as written', () => {
    expect(data(directUnitProject.file)).toMatchObject({ channel: '有关直属单位' });
    const units = report().catalogue.units;
    expect(units.get('yantai-zhifu-shequ-xuexiao')).toMatchObject({ province: '山东', kind: '社区学校' });
    expect(units.get('ningbo-yinzhou-chengxiao')).toMatchObject({
      province: '浙江',
      city: '宁波',
      kind: '成人文化技术学校',
    });
    expect(units.get('qingdao-laonian-kaida')).toMatchObject({ province: '山东', city: '青岛', kind: '老年开放大学' });
    expect(units.get('huzhou-anji-laonian-daxue')).toMatchObject({ province: '浙江' });
    expect(units.get('huzhou-anji-laonian-daxue')).not.toHaveProperty('city');
    // Over the old 20-字 limit for notes, within the new 60.
    expect((data(communitySchoolCase.file).areaNote as string).length).toBeGreaterThan(40);
  });

  it('lists http:// links as notes in npm run validate, not as problems', () => {
    const result = run('npm', ['run', '--silent', 'validate'], { CONTENT_DIR: dir() });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('提示（不是错误，不影响发布）：有 4 个不加密的链接');
    expect(result.stdout).toContain(
      `courses/${mixedMediaCourse.file}:link — 链接 http://www.nbsqjy.cn/rongmeiti/duben/ 不加密`,
    );
  });
});

describe('a value that is still refused', () => {
  it('shows how it differs from the allowed value it resembles', () => {
    const entry = variant(minimalCourse, 'zhuti-cuozi.md', { themes: ['智能手机运用'] });
    const dir = makeTree(treeDir('refused-difference'), [entry]);
    expect(problemsOf(dir)).toEqual([
      'courses/zhuti-cuozi.md:themes[0] — 「课程主题」不能是「智能手机运用」（和「智能手机应用」不同：「运」应为「应」），只能是：互联网+生活、智能手机应用、智慧生活',
    ]);
  });

  it('names a character that looks the same by its code point', () => {
    const entry = variant(minimalCourse, 'xukexieyi.md', { license: 'СС BY 4.0' });
    const dir = makeTree(treeDir('refused-lookalike'), [entry]);
    expect(problemsOf(dir)[0]).toContain('和「CC BY 4.0」不同：「С」（U+0421）「С」（U+0421）应为「C」「C」');
  });
});

describe('a unit with a problem of its own', () => {
  it('is reported once, in units.yaml, and not as missing from every entry that names it', () => {
    const units = realUnitsYaml().replace('  province: 浙江\n  kind: 开放大学', '  province: 浙江\n  kind: 街道办事处');
    const dir = makeTree(treeDir('unit-own-problem'), [], { 'units.yaml': units });
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^units\.yaml:zhejiang-shili-laonian-kaida\.kind — 「单位类型」不能是「街道办事处」/);
  });
});

describe('refusals that are still right, with their exact messages', () => {
  it('refuses an office landline in a body as a 电话号码 and suggests the unit website', () => {
    const entry = variant(
      minimalCase,
      'bangong-dianhua.md',
      {},
      minimalCase.body.replace('学员满意度 95%。', '学员满意度 95%。报名咨询电话：0574-87654321。'),
    );
    const dir = makeTree(treeDir('landline'), [entry]);
    expect(problemsOf(dir)).toEqual([
      'cases/bangong-dianhua.md:正文 — 这里有像固定电话号码的数字（057******321）：公开网站不能登载电话号码，单位的办公电话也不行（110、12345 等公共服务电话除外），请删去；需要留联系方式时，写上单位名称和单位网站的网址',
    ]);
  });

  it('refuses a shared video linked from a provincial platform instead of provided as a file', () => {
    const entry = variant(minimalCourse, 'shengji-pingtai-shipin.md', {
      resourceType: '视频资源',
      minutes: 12,
      video: 'https://www.zjlnjy.cn/video/2021/shouji-guahao.mp4',
    });
    const dir = makeTree(treeDir('provincial-video'), [entry]);
    expect(problemsOf(dir)).toEqual([
      'courses/shengji-pingtai-shipin.md:video — 网上的视频只能链接全国老年教育资源共享和公共服务平台（www.lndx.edu.cn），其他视频请下载后作为本地文件提供',
    ]);
  });

  it('refuses a javascript: link in a body', () => {
    const entry = variant(
      minimalCourse,
      'js-lianjie.md',
      {},
      `${minimalCourse.body}\n[点这里报名](javascript:alert(1))\n`,
    );
    const dir = makeTree(treeDir('javascript-link'), [entry]);
    expect(problemsOf(dir)).toEqual([
      'courses/js-lianjie.md:正文 — 链接地址以 javascript: 开头，点开会在读者的浏览器里运行代码，绝不允许；链接只能是 https:// 或 http:// 开头的网址、站内的相对路径（例如 ./images/图片.png）或 #锚点，请删去这个链接或换成正常的网址',
    ]);
  });

  it('refuses a unit that units.yaml does not have', () => {
    const entry = variant(minimalCourse, 'weizhi-danwei.md', { unit: 'wenzhou-laonian-daxue' });
    const dir = makeTree(treeDir('unknown-unit'), [entry]);
    expect(problemsOf(dir)).toEqual([
      'courses/weizhi-danwei.md:unit — units.yaml 里没有编号为「wenzhou-laonian-daxue」的申报单位，请先在 units.yaml 添加该单位，或改用已有的编号',
    ]);
  });
});
