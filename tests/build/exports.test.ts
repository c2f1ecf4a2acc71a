import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { everyFieldCourse, makeTree, minimalCase, minimalCourse, VALID_ENTRIES, variant } from '../fixtures/entries.ts';
import { OUTPUT, ROOT, run } from '../helpers/run.ts';
import { validateContent } from '../../src/checks/validator.ts';
import {
  contentDigest,
  csvColumns,
  csvHeader,
  type ExportDocument,
  type ExportRecord,
} from '../../src/export/open-data.ts';
import { findPersonalNumbers } from '../../src/checks/privacy.ts';
import { KINDS } from '../../src/config/paths.ts';
import { t } from '../../src/i18n/zh-CN.ts';

/** The export files of a build of the valid fixture tree plus entries that stress them, under a sub-path. */
const SITE_URL = 'https://zhulao.example.org';
const BASE_PATH = '/zhulao/';
const ORIGIN = `${SITE_URL}${BASE_PATH}`;
const TREE = path.join(OUTPUT, 'trees', 'exports');
const OUT = path.join(OUTPUT, 'exports-build');

const EXTRA_ENTRIES = [
  variant(minimalCourse, 'chehui-kecheng.md', { title: '已经撤下的健康码课程', withdrawn: true }),
  variant(minimalCase, 'douhao-yinhao.md', {
    title: '“一对一”帮扶, "手机课" 进社区',
    summary: '社区里开手机课, 课后还有 "小老师" 上门，帮老人把学会的本领用起来。',
    scenarios: ['手机入门', '防骗安全'],
    areas: ['其他', '学习团队建设'],
    areaNote: '志愿者结对',
  }),
  variant(minimalCourse, 'bendi-duben.md', { title: '手机挂号图文读本', file: './files/挂号 读本.pdf' }),
  variant(minimalCourse, 'bendi-shipin.md', {
    title: '视频：扫码坐公交',
    scenarios: ['出行'],
    resourceType: '视频资源',
    minutes: 6,
    video: './media/gongjiao.mp4',
    captions: './media/gongjiao.vtt',
    updatedOn: '2024-02-29',
  }),
  // Recommended long ago, added to the site only now: the feed and the data date must still show it
  variant(minimalCourse, 'buru-jiu-kecheng.md', {
    title: '补录的二〇二一年手机挂号课程',
    recommendedOn: '2021-10-01',
    updatedOn: '2021-10-01',
    addedOn: '2024-03-15',
  }),
];
const FILES = {
  'courses/files/挂号 读本.pdf': '%PDF-1.4\n%%EOF\n',
  'courses/media/gongjiao.vtt': 'WEBVTT\n\n00:00.000 --> 00:02.000\n打开乘车码。\n',
};

const read = (file: string) => fs.readFileSync(path.join(OUT, file), 'utf8');
const readJson = (file: string) => JSON.parse(read(file)) as ExportDocument;

let doc: ExportDocument;
let byKey: Map<string, ExportRecord>;

beforeAll(() => {
  const tree = makeTree(TREE, [...VALID_ENTRIES, ...EXTRA_ENTRIES], FILES);
  // The file checks decode what they publish: a real H.264 clip (hostile fixtures) and a real PDF (sample content)
  const media = path.join(ROOT, 'tests/fixtures/hostile/media');
  fs.copyFileSync(path.join(media, 'shipin-h264.mp4'), path.join(tree, 'courses/media/gongjiao.mp4'));
  const pdf = fs.readdirSync(path.join(ROOT, 'content/courses/files')).find((f) => f.endsWith('.pdf'))!;
  fs.copyFileSync(path.join(ROOT, 'content/courses/files', pdf), path.join(tree, 'courses/files/挂号 读本.pdf'));
  const result = run('npx', ['astro', 'build', '--outDir', OUT], { CONTENT_DIR: tree, SITE_URL, BASE_PATH });
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.output}`);
  doc = readJson('data/entries.json');
  byKey = new Map(doc.entries.map((e) => [`${e.kind}/${e.slug}`, e]));
});

describe('data/entries.json', () => {
  it('is version 5 with every entry of the tree, dated by the newest day an entry was added or updated', () => {
    const { catalogue, problems } = validateContent(TREE);
    expect(problems).toEqual([]);
    expect(doc.version).toBe(5);
    expect(doc.generated).toBe('2024-03-15');
    expect(byKey.get('courses/buru-jiu-kecheng')!.addedOn).toBe('2024-03-15');
    // Entries without addedOn count as added on their recommendation date
    expect(byKey.get('courses/minimal-course')!.addedOn).toBe(byKey.get('courses/minimal-course')!.recommendedOn);
    expect(doc.count).toBe(catalogue.entries.length);
    expect([...byKey.keys()].sort()).toEqual(catalogue.entries.map((e) => `${e.kind}/${e.slug}`).sort());
    for (const entry of catalogue.entries) {
      const record = byKey.get(`${entry.kind}/${entry.slug}`)!;
      expect(record.title).toBe(entry.data.title);
      expect(record.summary).toBe(entry.data.summary);
      expect(record.scenarios).toEqual(entry.data.scenarios);
      expect(record.status).toBe(entry.data.status);
      expect(record.license).toBe(entry.data.license);
      expect(record.unit).toBe(catalogue.units.get(entry.data.unit)!.name);
    }
  });

  it('gives absolute URLs under SITE_URL and BASE_PATH that the build published', () => {
    expect(doc.documentation).toBe(`${ORIGIN}data/`);
    for (const record of doc.entries) {
      expect(record.url).toBe(`${ORIGIN}${record.kind}/${record.slug}/`);
      expect(fs.existsSync(path.join(OUT, record.kind, record.slug, 'index.html')), record.url).toBe(true);
    }
    const pdf = byKey.get('courses/bendi-duben')!;
    expect(pdf.file).toBe(`${ORIGIN}media/courses/bendi-duben/${encodeURIComponent('挂号 读本.pdf')}`);
    const video = byKey.get('courses/bendi-shipin')!;
    expect(video.video).toBe(`${ORIGIN}media/courses/bendi-shipin/gongjiao.mp4`);
    expect(video.captions).toBe(`${ORIGIN}media/courses/bendi-shipin/gongjiao.vtt`);
    for (const url of [pdf.file, video.video, video.captions] as string[]) {
      const published = path.join(OUT, decodeURIComponent(url.slice(ORIGIN.length)));
      expect(fs.existsSync(published), url).toBe(true);
    }
    expect(byKey.get('courses/every-field-course')!.video).toBe(everyFieldCourse.frontmatter.video);
  });

  it('keeps withdrawn entries and marks them', () => {
    expect(byKey.get('courses/chehui-kecheng')!.withdrawn).toBe(true);
    expect(doc.entries.filter((e) => e.withdrawn).map((e) => e.slug)).toEqual(['chehui-kecheng']);
  });

  it('carries the body as plain text and no cover', () => {
    const course = byKey.get('courses/minimal-course')!;
    expect(course.text).toContain('打开医院的公众号。');
    expect(course.text).not.toMatch(/[#*]|^\d+\.\s/m);
    for (const record of doc.entries) expect(Object.keys(record)).not.toContain('cover');
  });
});

describe('data/entries.csv', () => {
  const csv = () => read('data/entries.csv');

  it('is UTF-8 with a BOM, CRLF line ends and Chinese column names', () => {
    const text = csv();
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const header = text.slice(1, text.indexOf('\r\n')).split(',');
    expect(header).toEqual(csvColumns().map(csvHeader));
    expect(header).toEqual(expect.arrayContaining(['编号', '名称', '正文', '基本情况', '授课人：姓名']));
  });

  it('round-trips through csv-parse with the values of the JSON, one row per entry', () => {
    const rows = parse(csv(), { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(rows).toHaveLength(doc.entries.length);
    for (const [i, row] of rows.entries()) {
      const record = doc.entries[i]!;
      expect(row['网址']).toBe(record.url);
      expect(row['名称']).toBe(record.title);
      expect(row['一句话简介']).toBe(record.summary);
      expect(row['申报单位']).toBe(record.unit);
      expect(row['所在地区']).toBe(record.province);
      expect(row['状态']).toBe(record.status);
      expect(row['编号']).toBe(record.id);
      expect(row['应用场景']).toBe(record.scenarios.join('\n'));
      expect(row['正文']).toBe(record.text);
      expect(row['已撤下']).toBe(record.withdrawn ? '是' : '否');
      expect(row['推荐日期']).toBe(record.recommendedOn);
    }
    const quoted = rows.find((r) => r['条目编号'] === 'douhao-yinhao')!;
    expect(quoted['名称']).toBe('“一对一”帮扶, "手机课" 进社区');
    expect(quoted['案例方面']).toBe('其他\n学习团队建设');
    expect(quoted['基本情况']).toBe(byKey.get('cases/douhao-yinhao')!.basics);
    const project = rows.find((r) => r['条目编号'] === 'minimal-project')!;
    expect([project['授课人：姓名'], project['授课人：授课人单位'], project['授课人：职务（职称）']]).toEqual([
      '李华',
      '上海示例区老年大学',
      '讲师',
    ]);
  });
});

describe('the open-data contract', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const schema = (name: string) => JSON.parse(read(`data/schema/${name}.json`)) as Record<string, unknown>;

  it('publishes a JSON Schema that every JSON export validates against', () => {
    const entries = ajv.compile(schema('entries'));
    expect(schema('entries').$id).toBe(`${ORIGIN}data/schema/entries.json`);
    const json = readJson('data/entries.json');
    expect(json.$schema).toBe(`${ORIGIN}data/schema/entries.json`);
    expect(entries(json), ajv.errorsText(entries.errors)).toBe(true);
    for (const name of ['units', 'batches', 'scenarios']) {
      const validate = ajv.compile(schema(name));
      const json = JSON.parse(read(`data/${name}.json`)) as Record<string, unknown>;
      expect(validate(json), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(json.digest).toBe(contentDigest(json[name] as unknown[]));
    }
  });

  it('gives each file the digest of its entries, and each entry an id that does not depend on the address', () => {
    expect(doc.digest).toBe(`sha256-${createHash('sha256').update(JSON.stringify(doc.entries)).digest('base64')}`);
    for (const record of doc.entries) {
      expect(record.id).toBe(`${record.kind}/${record.slug}`);
      expect(record.id).not.toMatch(/^https?:|example/);
    }
  });

  it('exports the sections of cases and projects as fields of their own', () => {
    const caseRecord = byKey.get('cases/minimal-case')!;
    expect(caseRecord.basics).toBe('示例区有 60 岁以上老年人约 8 万人，社区学校 12 所。');
    expect(caseRecord.practice).toContain('手机门诊');
    expect(caseRecord.results).toContain('满意度');
    const project = byKey.get('projects/minimal-project')!;
    expect(project.trainingContent).toEqual(expect.any(String));
    expect(project.trainingResults).toEqual(expect.any(String));
  });

  it('publishes units, batches and scenarios that every entry points into', () => {
    const table = (name: string) => JSON.parse(read(`data/${name}.json`))[name] as { id: unknown; name: string }[];
    const units = new Set(table('units').map((u) => u.id));
    const batches = new Set(table('batches').map((b) => b.id));
    const scenarios = new Set(table('scenarios').map((s) => s.name));
    for (const record of doc.entries) {
      expect(units.has(record.unitId), record.id).toBe(true);
      expect(batches.has(record.batch), record.id).toBe(true);
      for (const name of record.scenarios) expect(scenarios.has(name), record.id).toBe(true);
    }
  });
});

describe('entries by kind', () => {
  // Version 5 stopped publishing courses.json, cases.json and projects.json: each repeated entries.json.
  it('publishes no per-kind copy of entries.json, and /data/ says how to filter by kind', () => {
    for (const kind of KINDS) expect(fs.existsSync(path.join(OUT, `data/${kind}.json`)), kind).toBe(false);
    const page = read('data/index.html');
    for (const kind of KINDS) {
      const count = doc.entries.filter((e) => e.kind === kind).length;
      expect(page).toContain(t('data.files.kindCountHtml', { kind, name: t(`kind.${kind}`), count }));
    }
  });
});

describe('rss.xml', () => {
  const xml = () => read('rss.xml');

  it('is well-formed RSS 2.0', () => {
    const text = xml();
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<rss version="2.0"/);
    // Every tag closes in order (a simple well-formedness check: no DTDs, comments or CDATA here)
    const stack: string[] = [];
    for (const [, closing, name, selfClosing] of text
      .replace(/^<\?xml[^>]*\?>/, '')
      .matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
      if (selfClosing) continue;
      if (closing) expect(stack.pop(), `</${name}>`).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
    expect(text).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i);
  });

  it('lists the newest live entries with absolute links', () => {
    const items = [...xml().matchAll(/<item>(.*?)<\/item>/gs)].map(([, item]) => item!);
    const live = doc.entries.filter((e) => !e.withdrawn);
    expect(items).toHaveLength(Math.min(50, live.length));
    const links = items.map((item) => /<link>(.*?)<\/link>/.exec(item)?.[1]);
    for (const link of links)
      expect(link).toMatch(new RegExp(`^${ORIGIN.replace(/\./g, '\\.')}(courses|cases|projects)/[a-z0-9-]+/$`));
    expect(new Set(links)).toEqual(new Set(live.map((e) => e.url)));
    const dates = items.map((item) => Date.parse(/<pubDate>(.*?)<\/pubDate>/.exec(item)![1]!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // Ordered by the day each entry was added: the one added last comes first, whatever its recommendation date
    const newest = [...live].sort((a, b) => b.addedOn.localeCompare(a.addedOn))[0]!;
    expect(newest.slug).toBe('buru-jiu-kecheng');
    expect(links[0]).toBe(newest.url);
    expect(dates[0]).toBe(Date.parse('2024-03-15T00:00:00Z'));
  });
});

describe('/data/ page', () => {
  it('links every file and states the version, date and licences', () => {
    const page = read('data/index.html');
    for (const file of ['data/entries.json', 'data/entries.csv', 'rss.xml']) {
      expect(page).toContain(`href="${BASE_PATH}${file}"`);
    }
    expect(page).toMatch(/data-export="version"[^>]*>5</);
    expect(page).toContain(doc.digest);
    for (const name of ['entries', 'units', 'batches', 'scenarios'])
      expect(page).toContain(`href="${BASE_PATH}data/schema/${name}.json"`);
    for (const column of csvColumns())
      expect(page).toMatch(new RegExp(`<code[^>]*>${column.key.replace(/[[\].]/g, '\\$&')}</code>`));
    expect(page).toContain('datetime="2024-03-15"');
    expect(page).toContain('CC BY 4.0');
    expect(page).toContain('MIT');
    for (const kind of KINDS) expect(page).toContain(`data-fields="fields-${kind}"`);
  });
});

describe('privacy', () => {
  it('finds no phone or ID-card number in any export file', () => {
    for (const file of ['data/entries.json', 'data/entries.csv', 'rss.xml']) {
      expect(findPersonalNumbers(read(file)), file).toEqual([]);
    }
  });
});
