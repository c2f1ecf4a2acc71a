import fs from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTree } from '../fixtures/entries.ts';
import {
  CONTACTS,
  caseForm,
  courseForm,
  courseSheet,
  fillDocx,
  otherCourseForm,
  projectForm,
} from '../fixtures/forms.ts';
import { DIST, OUTPUT, ROOT, run } from '../helpers/run.ts';
import { KINDS } from '../../src/config/paths.ts';
import { FORMS } from '../../src/import/form-layout.ts';
import { blankFormDocx } from '../../src/import/blank-form.ts';
import { entrySlugFromTitle } from '../../src/import/slug.ts';

const base = path.join(OUTPUT, 'import');
const forms = path.join(base, 'forms');
const tree = path.join(base, 'tree');
const importForms = (args: string[], dir = tree) =>
  run('npm', ['run', '--silent', 'import', '--', ...args], { CONTENT_DIR: dir });
/** A file as reports name it: relative to the project root. */
const shown = (file: string) => path.relative(ROOT, file);
const validate = (dir = tree) => run('npm', ['run', '--silent', 'validate'], { CONTENT_DIR: dir });

const DRAFTS = {
  course: 'courses/yong-shouji-yuyue-guahao-bu-qiuren.md',
  otherCourse: 'courses/fangfan-yanglao-zhapian-tuwen-kapian.md',
  case: 'cases/shequ-shouji-menzhen-kaidao-jia-menkou.md',
  project: 'projects/yinling-shuzi-ketang-jin-shequ.md',
  sheetVideo: 'courses/weixin-shipin-tonghua-yixuejiuhui.md',
  sheetBook: 'courses/zhineng-shouji-rumen-duben.md',
};

function draft(file: string) {
  const { frontmatter, content } = parseFrontmatter(fs.readFileSync(path.join(tree, file), 'utf8'));
  return { data: frontmatter as Record<string, unknown>, body: content };
}

/** Every file under a folder, as text. */
function allText(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => fs.readFileSync(path.join(d.parentPath, d.name), 'utf8'))
    .join('\n');
}

let report: ReturnType<typeof run>;

beforeAll(async () => {
  fs.rmSync(base, { recursive: true, force: true });
  fs.mkdirSync(forms, { recursive: true });
  fs.writeFileSync(path.join(forms, '浙江-课程-手机挂号.docx'), await courseForm());
  fs.writeFileSync(path.join(forms, '江苏-课程-图文卡片.docx'), await otherCourseForm());
  fs.writeFileSync(path.join(forms, '山东-案例.docx'), await caseForm());
  fs.writeFileSync(path.join(forms, '上海-项目.docx'), await projectForm());
  fs.writeFileSync(path.join(forms, '课程汇总表.xlsx'), await courseSheet());
  makeTree(tree);
  report = importForms([forms, '--batch', '2']);
});

describe('npm run import', () => {
  it('writes one draft per form and per sheet row, under the right kind, and reports file by file', () => {
    expect(report.status, report.output).toBe(0);
    for (const file of Object.values(DRAFTS)) expect(fs.existsSync(path.join(tree, file)), file).toBe(true);
    for (const name of ['浙江-课程-手机挂号.docx', '山东-案例.docx', '上海-项目.docx', '课程汇总表.xlsx'])
      expect(report.stdout).toContain(name);
    expect(report.stdout.match(/已写入：/g)).toHaveLength(6);
    expect(report.stdout).toContain('共读取 5 个文件：写入草稿 6 条');
    expect(report.stdout).toContain('有意删去：负责人姓名；联系人姓名；2 个联系电话');
    expect(report.stdout).toContain('不是条目字段的栏目：序号「1」、备注「第二批补报」');
  });

  it('dates every draft with the day of the import (addedOn), so that the feed announces it', () => {
    const local = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    const china = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const file of Object.values(DRAFTS)) {
      const added = /^addedOn: (\S+)$/m.exec(fs.readFileSync(path.join(tree, file), 'utf8'))?.[1];
      expect([local, china], file).toContain(added);
    }
  });

  it('reads a course form: spaced labels, ☑ with minutes, ■ for sharing, names, awards, paragraphs', () => {
    const { data, body } = draft(DRAFTS.course);
    expect(data).toMatchObject({
      title: '用手机预约挂号不求人',
      unit: 'zhejiang-shili-laonian-kaida',
      batch: 2,
      resourceType: '视频资源',
      minutes: 25,
      shared: true,
      members: ['王丽', '陈明', '李华'],
      awards: ['示例市优秀老年教育课程（2021）', '示例省社区教育微课一等奖'],
    });
    expect(body.trimStart()).toMatch(/^## 课程主要内容\n\n本课程分五讲/);
    expect(body).toContain(
      '第一讲：打开医院的公众号，点“预约挂号”。\n\n第二讲：选科室和医生，按提示付款。如有疑问，请拨打',
    );
  });

  it('reads √ on 其他 with what it is, and a Wingdings ☑ (w:sym) on 否', () => {
    const { data } = draft(DRAFTS.otherCourse);
    expect(data).toMatchObject({ resourceType: '其他', resourceNote: '图文卡片', shared: false });
    expect(data.members).toBeUndefined();
    expect(data.awards).toBeUndefined();
  });

  it('splits the case body written in one cell into its three sections', () => {
    const { data, body } = draft(DRAFTS.case);
    expect(data.title).toBe('社区手机门诊开到家门口');
    expect(body.match(/^## .+$/gm)).toEqual(['## 基本情况', '## 主要做法', '## 经验效果']);
    expect(body).toContain('## 基本情况\n\n示例市有 60 岁以上老年人 18 万人');
    expect(body).toContain('二是招募大学生志愿者，一对一教。');
    expect(body).not.toContain('字以内');
    expect(body).not.toContain('主要围绕');
  });

  it('reads a project: instructors with unit and position, counts written with units', () => {
    const { data, body } = draft(DRAFTS.project);
    expect(data.instructors).toEqual([
      { name: '李华', affiliation: '江苏示例市社区教育学院', position: '副教授' },
      { name: '周小燕', affiliation: '社区志愿者团队', position: '骨干成员' },
    ]);
    expect(data).toMatchObject({ cohorts: 6, participants: 1200 });
    expect(body.match(/^## .+$/gm)).toEqual(['## 培训内容', '## 培训效果']);
  });

  it('reads sheet rows in their own column order, matching and adding units', () => {
    expect(draft(DRAFTS.sheetVideo).data).toMatchObject({
      unit: 'sichuan-shili-laonian-daxue',
      resourceType: '视频资源',
      minutes: 18,
      shared: true,
    });
    expect(draft(DRAFTS.sheetBook).data).toMatchObject({ resourceType: '教材（读本）', shared: false });
    const units = fs.readFileSync(path.join(tree, 'units.yaml'), 'utf8');
    expect(units).toContain('hubei-shili-laonian-jiaoyu-xuehui:\n');
    expect(units).toMatch(/name: 湖北省示例老年教育学会\n  province: 湖北\n(?:  #.*\n)?  kind: 填写单位类型/);
    expect(units).toMatch(/name: 山东省示例市社区教育服务中心\n  province: 山东\n/);
    expect(units).toContain('zhejiang-shili-laonian-kaida:\n  name: 浙江示例市老年开放大学');
  });

  it('leaves no contact name, phone number or e-mail anywhere in the content tree', () => {
    const text = allText(tree);
    const digits = text.replace(/[^0-9]/g, '');
    for (const name of [...CONTACTS.leaders, ...CONTACTS.contacts]) expect(text).not.toContain(name);
    for (const phone of CONTACTS.phones) expect(digits).not.toContain(phone.replace(/\D/g, ''));
    for (const email of CONTACTS.emails) expect(text).not.toContain(email);
    expect(report.stdout).toContain('文字里的 1 个电话号码或邮箱（「课程主要内容」里的 057******321）');
  });

  it('leaves a placeholder for every field without a cell, and validate reports each one', () => {
    const result = validate();
    expect(result.status).not.toBe(0);
    const reported = (file: string, field: string) =>
      expect(result.stderr, `${file}:${field}`).toContain(`${shown(path.join(tree, file))}:${field} — `);
    for (const file of Object.values(DRAFTS))
      for (const field of ['summary', 'scenarios', 'recommendedOn', 'updatedOn', 'license']) reported(file, field);
    for (const file of [DRAFTS.course, DRAFTS.otherCourse, DRAFTS.sheetVideo, DRAFTS.sheetBook])
      reported(file, 'themes');
    reported(DRAFTS.case, 'areas');
    for (const file of [DRAFTS.otherCourse, DRAFTS.sheetBook]) reported(file, 'link');
    for (const file of [DRAFTS.course, DRAFTS.sheetVideo]) {
      reported(file, 'video');
      reported(file, 'captions');
    }
    reported('units.yaml', 'hubei-shili-laonian-jiaoyu-xuehui.kind');
    expect(report.stdout).toContain('· units.yaml hubei-shili-laonian-jiaoyu-xuehui.kind（单位类型）');
    expect(report.stdout).toContain('· themes（课程主题）');
  });

  it('never overwrites: a second run leaves every file as it is and says so', () => {
    const before = allText(tree);
    const again = importForms([path.join(forms, '山东-案例.docx')]);
    expect(again.status, again.output).toBe(0);
    expect(again.stdout).toContain('文件名 shequ-shouji-menzhen-kaidao-jia-menkou 已经有了');
    expect(again.stdout).toContain('没有覆盖');
    expect(allText(tree)).toBe(before);
  });

  it('explains what it cannot read, an old .doc in a folder too, and goes on with the rest', () => {
    const other = path.join(base, 'other');
    fs.mkdirSync(other, { recursive: true });
    fs.writeFileSync(path.join(other, '旧表.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    fs.writeFileSync(path.join(other, '坏表.docx'), 'not a zip');
    // A folder is read for its old formats too, so that none is skipped without a word.
    const result = importForms([other, path.join(other, '没有.docx')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('这是旧版 Word 文件（.doc），请用 Word 或 WPS 打开，“另存为” .docx 格式后再导入');
    expect(result.stdout).toContain('不是有效的 .docx 文件');
    expect(result.stdout).toContain('找不到这个文件');
  });
});

describe('forms kept out of the content tree', () => {
  it('refuses .docx, .doc and .xlsx files under content/ in npm run validate', () => {
    const dir = makeTree(path.join(base, 'with-forms'), [], {
      'courses/申报表.docx': 'x',
      '_drafts/汇总表.xlsx': 'x',
      'cases/old.doc': 'x',
    });
    const result = validate(dir);
    expect(result.status).not.toBe(0);
    for (const file of ['courses/申报表.docx', '_drafts/汇总表.xlsx', 'cases/old.doc'])
      expect(result.stderr).toContain(`${shown(path.join(dir, file))}:(文件) — 内容目录里不能放申报表或汇总表`);
  });

  it('keeps them out of git', () => {
    const ignored = run('git', [
      'check-ignore',
      'content/courses/申报表.docx',
      'content/a/b.xlsx',
      'content/c.doc',
      'content/d.xls',
    ]);
    expect(ignored.stdout.trim().split('\n')).toHaveLength(4);
  });
});

/** What a member of staff types over each placeholder the importer leaves. */
function fillPlaceholders(text: string): string {
  return text
    .replace(/^summary: ''$/m, 'summary: 学会用手机挂号、缴费和看报告，少跑医院窗口。')
    .replace(/^scenarios: \[\]$/m, 'scenarios: [就医]')
    .replace(/^(recommendedOn|updatedOn): 填写日期$/gm, '$1: 2021-10-20')
    .replace(/^license: 填写许可协议$/m, 'license: CC BY 4.0')
    .replace(/^themes: \[\]$/m, 'themes: [智能手机应用]')
    .replace(/^areas: \[\]$/m, 'areas: [学习体验, 线上线下教育]')
    .replace(/^link: https:\/\/$/m, 'link: https://example.com/zhulao/course/')
    .replace(/^video: .*$/m, 'video: https://www.lndx.edu.cn/video/guahao')
    .replace(/^captions: .*\n/m, '');
}

describe('the blank forms of /forms/ round-trip through the importer', () => {
  const dir = path.join(base, 'round-trip');
  const roundTree = path.join(dir, 'tree');

  beforeAll(async () => {
    fs.mkdirSync(dir, { recursive: true });
    const built = (kind: (typeof KINDS)[number]) => fs.readFileSync(path.join(DIST, 'forms', FORMS[kind].fileName));
    fs.writeFileSync(
      path.join(dir, '案例.docx'),
      await fillDocx(built('cases'), {
        案例名称: ['乡村老年学校的手机课'],
        申报单位: ['浙江省示例县社区学校'],
        负责人: ['钱国强'],
        联系人: ['郑建军'],
        案例内容: [
          '主要围绕以下三方面内容：',
          '一、基本情况：（500字以内）。示例县有 12 所乡村老年学校。',
          '二、主要做法：（1500字以内）。每校每周开一次手机课。',
          '三、经验效果：（1000字以内）。三年培训 6,000 人次。',
        ],
      }),
    );
    fs.writeFileSync(
      path.join(dir, '项目.docx'),
      await fillDocx(built('projects'), {
        项目名称: ['银龄手机课堂进乡村'],
        申报单位: ['浙江示例市老年开放大学'],
        授课人: ['王丽'],
        '单位及职务（职称）': ['浙江示例市老年开放大学 讲师'],
        培训期数: ['8'],
        培训人次: ['320'],
        培训内容: ['微信视频通话、扫码付款、手机挂号。'],
        培训效果: ['九成学员能独立完成挂号。'],
      }),
    );
    fs.writeFileSync(
      path.join(dir, '课程.docx'),
      await fillDocx(
        built('courses'),
        {
          课程名称: ['手机缴费看报告'],
          申报单位: ['浙江示例市老年开放大学'],
          核心成员: ['王丽、陈明'],
          曾获奖项: ['示例市优秀课程（2022）'],
          课程主要内容: ['第一讲：在手机上缴检查费。', '第二讲：查看检查报告。'],
        },
        [
          { option: '视频资源', mark: '✓', after: '32' },
          { option: '是', mark: '☑' },
        ],
      ),
    );
    makeTree(roundTree);
  });

  it('offers each blank form as built from the layout, the same bytes on every build', async () => {
    for (const kind of KINDS) {
      const built = fs.readFileSync(path.join(DIST, 'forms', FORMS[kind].fileName));
      expect(Buffer.compare(built, Buffer.from(await blankFormDocx(kind))), kind).toBe(0);
    }
    const page = fs.readFileSync(path.join(DIST, 'forms', 'index.html'), 'utf8');
    for (const kind of KINDS) {
      expect(page).toContain(`href="/forms/${FORMS[kind].fileName}"`);
      expect(page).toContain(`download="${FORMS[kind].attachment} ${FORMS[kind].title}.docx"`);
    }
  });

  it('reads back exactly what was filled in', () => {
    const result = importForms([dir, '--batch', '3'], roundTree);
    expect(result.status, result.output).toBe(0);
    const read = (file: string) => parseFrontmatter(fs.readFileSync(path.join(roundTree, file), 'utf8'));
    const caseDraft = read('cases/xiangcun-laonian-xuexiao-de-shouji-ke.md');
    expect(caseDraft.frontmatter).toMatchObject({
      title: '乡村老年学校的手机课',
      batch: 3,
      unit: 'zhejiang-shili-xian-shequ-xuexiao',
    });
    expect(caseDraft.content).toContain(
      '## 基本情况\n\n示例县有 12 所乡村老年学校。\n\n## 主要做法\n\n每校每周开一次手机课。',
    );
    expect(read(`projects/${entrySlugFromTitle('银龄手机课堂进乡村')}.md`).frontmatter).toMatchObject({
      title: '银龄手机课堂进乡村',
      instructors: [{ name: '王丽', affiliation: '浙江示例市老年开放大学', position: '讲师' }],
      cohorts: 8,
      participants: 320,
    });
    const course = read(`courses/${entrySlugFromTitle('手机缴费看报告')}.md`);
    expect(course.frontmatter).toMatchObject({
      title: '手机缴费看报告',
      resourceType: '视频资源',
      minutes: 32,
      shared: true,
      members: ['王丽', '陈明'],
      awards: ['示例市优秀课程（2022）'],
    });
    expect(course.content).toContain('## 课程主要内容\n\n第一讲：在手机上缴检查费。\n\n第二讲：查看检查报告。');
    for (const name of ['钱国强', '郑建军']) expect(allText(roundTree)).not.toContain(name);
  });

  it('validates and builds once the placeholders are filled in', () => {
    for (const kind of KINDS) {
      const folder = path.join(roundTree, kind);
      for (const name of fs.readdirSync(folder).filter((f) => f.endsWith('.md'))) {
        const file = path.join(folder, name);
        const text = fs.readFileSync(file, 'utf8');
        if (text.includes('npm run import')) fs.writeFileSync(file, fillPlaceholders(text));
      }
    }
    const units = path.join(roundTree, 'units.yaml');
    fs.writeFileSync(units, fs.readFileSync(units, 'utf8').replace('kind: 填写单位类型', 'kind: 其他'));
    const checked = validate(roundTree);
    expect(checked.status, checked.output).toBe(0);
    const out = path.join(base, 'round-trip-site');
    const built = run('npx', ['astro', 'build', '--outDir', out], {
      CONTENT_DIR: roundTree,
      SITE_URL: 'https://zhulao.example.cn',
    });
    expect(built.status, built.output).toBe(0);
    expect(
      fs.readFileSync(path.join(out, 'courses', entrySlugFromTitle('手机缴费看报告')!, 'index.html'), 'utf8'),
    ).toContain('第二讲：查看检查报告。');
    expect(fs.existsSync(path.join(out, 'cases', 'xiangcun-laonian-xuexiao-de-shouji-ke', 'index.html'))).toBe(true);
  });
});
