import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
  buildExportRecords,
  csvCell,
  csvColumns,
  describeType,
  exportDocument,
  fieldTable,
  generatedDate,
  splitFieldTables,
  toCsv,
  toCsvRows,
  toExportRecord,
  toJson,
  type ExportSource,
  type ZodLike,
} from '../../../src/lib/export.ts';
import { htmlToPlainText, markdownToPlainText } from '../../../src/lib/char-count.ts';
import { validateContent } from '../../../src/lib/content-tree.ts';
import { mediaPath } from '../../../src/lib/media.ts';
import { absoluteUrl, KINDS } from '../../../src/lib/paths.ts';
import { ENTRY_SCHEMAS } from '../../../src/schemas/index.ts';
import {
  everyFieldCourse,
  minimalCase,
  minimalCourse,
  minimalProject,
  VALID_ENTRIES,
  VALID_TREE,
  variant,
  type NamedEntry,
} from '../../fixtures/entries.ts';

const { catalogue } = validateContent(VALID_TREE);

function source(entry: NamedEntry): ExportSource {
  return {
    kind: entry.kind,
    slug: entry.file.replace(/\.md$/, ''),
    text: markdownToPlainText(entry.body),
    data: ENTRY_SCHEMAS[entry.kind].parse(entry.frontmatter),
  };
}

const record = (entry: NamedEntry) => toExportRecord(source(entry), catalogue);

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('\uFEFFa,b\r\nc,d\r\n');
  });

  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    expect(toCsv([['一,二', '说"好"', '第一行\n第二行', '回车\r', '平常', '']])).toBe(
      '\uFEFF"一,二","说""好""","第一行\n第二行","回车\r",平常,\r\n',
    );
  });

  it('leaves the full-width comma and semicolon alone', () => {
    expect(toCsv([['出行；就医', '李华，讲师']])).toBe('\uFEFF出行；就医,李华，讲师\r\n');
  });

  it('round-trips any table through csv-parse', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', '；', '\uFEFF') });
    const table = fc
      .integer({ min: 2, max: 5 })
      .chain((width) =>
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
      );
    fc.assert(
      fc.property(table, (rows) => {
        expect(parse(toCsv(rows), { bom: true, record_delimiter: '\r\n', relax_column_count: false })).toEqual(rows);
      }),
    );
  });
});

describe('csvCell', () => {
  it('joins lists with ；, the fields of a list item with ，, and writes 是/否 and empty cells', () => {
    expect(csvCell(['出行', '就医'])).toBe('出行；就医');
    expect(
      csvCell([
        { name: '李华', affiliation: '示例老年大学', position: '讲师' },
        { name: '王丽', affiliation: '示例社区学院', position: '教师' },
      ]),
    ).toBe('李华，示例老年大学，讲师；王丽，示例社区学院，教师');
    expect(csvCell([])).toBe('');
    expect(csvCell(true)).toBe('是');
    expect(csvCell(false)).toBe('否');
    expect(csvCell(null)).toBe('');
    expect(csvCell(25)).toBe('25');
  });

  it('keeps spreadsheets from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("https://example.com")')).toBe('\'=HYPERLINK("https://example.com")');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(['=1', '出行'])).toBe("'=1；出行");
    expect(csvCell('互联网+生活')).toBe('互联网+生活');
  });
});

describe('the field table', () => {
  it.each(KINDS)('lists every schema field of %s with its requiredness', (kind) => {
    const json = z.toJSONSchema(ENTRY_SCHEMAS[kind], { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, { items?: { properties?: Record<string, unknown>; required?: string[] } }>;
      required: string[];
    };
    const table = new Map(fieldTable(kind).map((f) => [f.key, f]));
    for (const [key, property] of Object.entries(json.properties)) {
      expect(table.get(key), key).toMatchObject({ origin: 'entry', required: json.required.includes(key) });
      for (const nested of Object.keys(property.items?.properties ?? {})) {
        expect(table.get(`${key}[].${nested}`), `${key}[].${nested}`).toMatchObject({
          parent: key,
          required: property.items!.required!.includes(nested),
        });
      }
    }
    const fromSchema = fieldTable(kind).filter((f) => f.origin === 'entry' && !f.parent);
    expect(fromSchema.map((f) => f.key).sort()).toEqual(Object.keys(json.properties).sort());
  });

  it('describes every field in Chinese, with the defaults a missing field takes', () => {
    for (const kind of KINDS) {
      for (const field of fieldTable(kind)) {
        expect(field.label, field.key).toMatch(/[\u4e00-\u9fff]/);
        expect(field.type, field.key).toMatch(/[\u4e00-\u9fff]/);
        expect(field.note, field.key).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    const course = new Map(fieldTable('courses').map((f) => [f.key, f]));
    expect(course.get('featured')).toMatchObject({ required: false, defaultValue: 'false' });
    expect(course.get('members')).toMatchObject({ required: false, type: '列表，每项是文字' });
    expect(course.get('minutes')!.type).toBe('正整数');
    expect(course.get('recommendedOn')!.type).toBe('日期（年-月-日）');
    expect(course.get('status')!.type).toBe('以下之一：推荐、推介');
    expect(course.get('link')!.type).toBe('网址');
    expect(course.get('cover')).toMatchObject({ inJson: false, inCsv: false });
    expect(course.get('text')).toMatchObject({ inJson: true, inCsv: false });
  });

  it('fails loudly on a Zod type it cannot describe, so that no field goes undocumented', () => {
    expect(() => describeType(z.union([z.string(), z.number()]) as unknown as ZodLike)).toThrow(/describeType/);
  });

  it('splits into fields every kind has and the rest', () => {
    const { common, byKind } = splitFieldTables();
    expect(common.map((f) => f.key)).toEqual(expect.arrayContaining(['title', 'url', 'province', 'scenarios']));
    expect(byKind.courses.map((f) => f.key)).toContain('resourceType');
    expect(byKind.cases.map((f) => f.key)).toEqual(['areas', 'areaNote']);
    expect(byKind.projects.map((f) => f.key)).toContain('instructors[].name');
    for (const kind of KINDS) {
      expect([...common, ...byKind[kind]].map((f) => f.key).sort()).toEqual(
        fieldTable(kind)
          .map((f) => f.key)
          .sort(),
      );
    }
  });
});

describe('export records', () => {
  it('have exactly the keys the field table documents, in its order', () => {
    for (const entry of VALID_ENTRIES) {
      const documented = fieldTable(entry.kind).filter((f) => f.inJson && !f.parent);
      expect(Object.keys(record(entry))).toEqual(documented.map((f) => f.key));
    }
  });

  it('write the public values: unit name, full province name, dates, absolute URL, null for what is missing', () => {
    expect(record(minimalCourse)).toMatchObject({
      kind: 'courses',
      kindName: '课程资源',
      slug: 'minimal-course',
      url: absoluteUrl('/courses/minimal-course/'),
      unit: '浙江示例市老年开放大学',
      unitId: 'zhejiang-shili-laonian-kaida',
      unitKind: '开放大学',
      province: '浙江省',
      batch: 1,
      batchName: '第一批',
      recommendedOn: '2021-10-01',
      featured: false,
      withdrawn: false,
      license: 'CC BY 4.0',
      minutes: null,
      link: null,
      video: null,
      members: [],
    });
    expect(record(everyFieldCourse)).toMatchObject({ video: 'https://www.lndx.edu.cn/video/example', minutes: 25 });
    expect(record(minimalProject).instructors).toEqual([
      { name: '李华', affiliation: '上海示例区老年大学', position: '讲师' },
    ]);
    expect(record(minimalCase)).toMatchObject({ areas: ['学习体验'], areaNote: null, license: '保留所有权利' });
  });

  it('give local videos, captions and PDFs as absolute URLs on the site', () => {
    const local = variant(minimalCourse, 'bendi.md', {
      resourceType: '视频资源',
      minutes: 3,
      video: './v/扫码.mp4',
      captions: './v/扫码.vtt',
    });
    expect(record(local)).toMatchObject({
      video: absoluteUrl(mediaPath('courses', 'bendi', './v/扫码.mp4')),
      captions: absoluteUrl(mediaPath('courses', 'bendi', './v/扫码.vtt')),
    });
    expect(record(variant(minimalCourse, 'duben.md', { file: './files/读本.pdf' })).file).toBe(
      absoluteUrl('/media/courses/duben/' + encodeURIComponent('读本.pdf')),
    );
  });

  it('carry the body as plain text', () => {
    expect(record(minimalCase).text).toBe(
      '基本情况\n示例区有 60 岁以上老年人约 8 万人，社区学校 12 所。\n主要做法\n一是开设手机课，二是培训志愿者，三是设立手机门诊。\n经验效果\n两年培训 3,000 人次，学员满意度 95%。',
    );
  });

  it('refuse a phone number that only appears once Markdown is removed', () => {
    const joined = variant(minimalCourse, 'joined.md', {}, '请打 **138**00138000 问王老师。\n');
    expect(() => buildExportRecords([source(joined)], catalogue)).toThrow(/courses\/joined 的 text — .*手机号码/);
  });
});

describe('export files', () => {
  const sources = [
    ...VALID_ENTRIES.map(source),
    ...catalogue.entries.map((e) => ({ ...e, text: markdownToPlainText(e.body) })),
  ];

  it('are identical whatever order the entries come in, dated by the newest updatedOn', () => {
    const json = (list: ExportSource[]) => {
      const records = buildExportRecords(list, catalogue);
      return toJson(exportDocument(records, generatedDate(records)));
    };
    const reversed = json([...sources].reverse());
    expect(json(sources)).toBe(reversed);
    const newest = sources
      .map((s) => s.data.updatedOn.toISOString().slice(0, 10))
      .sort()
      .at(-1);
    expect(JSON.parse(reversed)).toMatchObject({ version: 1, generated: newest, count: sources.length });
    expect(generatedDate([])).toBeNull();
  });

  it('list entries newest first', () => {
    const dates = buildExportRecords(sources, catalogue).map((r) => r.recommendedOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('give one CSV row per entry under unique Chinese headers, without the body text', () => {
    const records = buildExportRecords(sources, catalogue);
    const rows = toCsvRows(records);
    const header = rows[0]!;
    expect(new Set(header).size).toBe(header.length);
    expect(header).toEqual(csvColumns().map((c) => c.label));
    for (const label of header) expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(header).not.toContain('正文');
    expect(rows).toHaveLength(records.length + 1);
    const parsed = parse(toCsv(rows), { bom: true, columns: true }) as Record<string, string>[];
    for (const [i, row] of parsed.entries()) {
      expect(row['名称']).toBe(records[i]!.title);
      expect(row['应用场景']).toBe(records[i]!.scenarios.join('；'));
    }
  });
});
