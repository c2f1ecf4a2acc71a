import { createHash } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
  bodySections,
  buildExportRecords,
  contentDigest,
  csvChunks,
  csvCell,
  csvColumns,
  csvHeader,
  describeType,
  exportDocument,
  exportJsonSchema,
  fieldTable,
  generatedDate,
  splitFieldTables,
  tableDocument,
  toCsv,
  toCsvRows,
  toExportRecord,
  toJson,
  type ExportDocument,
  type ExportRecord,
  type ExportSource,
  type ZodLike,
  EXPORT_VERSION,
} from '../../../src/export/open-data.ts';
import { htmlToPlainText, markdownToPlainText } from '../../../src/markdown/plain-text.ts';
import { validateContent } from '../../../src/checks/validator.ts';
import { mediaPath } from '../../../src/export/media.ts';
import { absoluteUrl, KINDS } from '../../../src/config/paths.ts';
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

  it('writes the file in chunks that join into exactly what one pass writes, with one BOM', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', '=', '\uFEFF') });
    const rows = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 7 }), (table, size) => {
        const chunks = [...csvChunks(table, size)];
        expect(chunks).toHaveLength(Math.ceil(table.length / size));
        expect(chunks.join('')).toBe(stringify(table, { bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ }));
        expect(chunks[0]!.startsWith('\uFEFF')).toBe(true);
      }),
    );
  });
});

describe('contentDigest', () => {
  it('is the SHA-256 of the list as compact JSON, though it hashes item by item', () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(fc.array(json, { maxLength: 8 }), (items) => {
        const whole = `sha256-${createHash('sha256').update(JSON.stringify(items)).digest('base64')}`;
        expect(contentDigest(items)).toBe(whole);
      }),
    );
    expect(contentDigest([])).toBe(`sha256-${createHash('sha256').update('[]').digest('base64')}`);
  });
});

describe('csvCell', () => {
  it('puts each list item on a line of its own, and writes 是/否 and empty cells', () => {
    expect(csvCell(['出行', '就医'])).toBe('出行\n就医');
    expect(csvCell(['出行；就医', '第一行\r\n第二行'])).toBe('出行；就医\n第一行 第二行');
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
    expect(csvCell(['出行', '=1'])).toBe("出行\n'=1");
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
    expect(course.get('minutes')!.type).toBe('正数（最多一位小数，例如 7.5）');
    expect(course.get('episodes')!.type).toBe('正整数');
    expect(course.get('recommendedOn')!.type).toBe('日期（年-月-日）');
    expect(course.get('status')!.type).toBe('以下之一：推荐、推介');
    expect(course.get('link')!.type).toBe('网址');
    expect(course.get('cover')).toMatchObject({ inJson: false, inCsv: false });
    expect(course.get('text')).toMatchObject({ inJson: true, inCsv: true });
  });

  it('fails loudly on a Zod type it cannot describe, so that no field goes undocumented', () => {
    expect(() => describeType(z.union([z.string(), z.number()]) as unknown as ZodLike)).toThrow(/describeType/);
  });

  it('splits into fields every kind has and the rest', () => {
    const { common, byKind } = splitFieldTables();
    expect(common.map((f) => f.key)).toEqual(expect.arrayContaining(['title', 'url', 'province', 'scenarios']));
    expect(byKind.courses.map((f) => f.key)).toContain('resourceType');
    expect(byKind.cases.map((f) => f.key)).toEqual([
      'areas',
      'areaNote',
      'basics',
      'practice',
      'results',
      'background',
      'outcomes',
      'lessons',
      'adoption',
    ]);
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
    expect(JSON.parse(reversed)).toMatchObject({ version: EXPORT_VERSION, generated: newest, count: sources.length });
    expect(generatedDate([])).toBeNull();
  });

  it('list entries newest first', () => {
    const dates = buildExportRecords(sources, catalogue).map((r) => r.recommendedOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('give one CSV row per entry under unique Chinese headers, the body text included', () => {
    const records = buildExportRecords(sources, catalogue);
    const rows = toCsvRows(records);
    const header = rows[0]!;
    expect(new Set(header).size).toBe(header.length);
    expect(header).toEqual(csvColumns().map(csvHeader));
    for (const label of header) expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(header).toEqual(
      expect.arrayContaining(['正文', '主要做法', '授课人：姓名', '授课人：授课人单位', '授课人：职务（职称）']),
    );
    expect(header).not.toContain('授课人');
    expect(rows).toHaveLength(records.length + 1);
    const parsed = parse(toCsv(rows), { bom: true, columns: true }) as Record<string, string>[];
    for (const [i, row] of parsed.entries()) {
      expect(row['名称']).toBe(records[i]!.title);
      expect(row['应用场景']).toBe(records[i]!.scenarios.join('\n'));
      expect(row['正文']).toBe(records[i]!.text);
    }
  });
});

describe('the open-data contract', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(exportJsonSchema('entries'));
  const sources = [
    ...VALID_ENTRIES.map(source),
    ...catalogue.entries.map((e) => ({ ...e, text: markdownToPlainText(e.body) })),
  ];
  const records = buildExportRecords(sources, catalogue);

  it('gives every record an id made of kind and slug, whatever the site address', () => {
    for (const r of records) expect(r.id).toBe(`${r.kind}/${r.slug}`);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(record(minimalCourse).id).toBe('courses/minimal-course');
  });

  it('validates every export file against the published JSON Schema, with ajv', () => {
    const whole = JSON.parse(toJson(exportDocument(records, generatedDate(records))));
    expect(validate(whole), ajv.errorsText(validate.errors)).toBe(true);
    for (const kind of KINDS) {
      const part = JSON.parse(
        toJson(
          exportDocument(
            records.filter((r) => r.kind === kind),
            whole.generated,
          ),
        ),
      );
      expect(validate(part), ajv.errorsText(validate.errors)).toBe(true);
    }
  });

  it('has a schema that refuses what the export never writes', () => {
    const good = JSON.parse(toJson(exportDocument(records, generatedDate(records))));
    const broken = [
      (d: ExportDocument) => ((d.entries[0] as Record<string, unknown>).extra = 1),
      (d: ExportDocument) => (d.entries[0]!.recommendedOn = '2021/10/01'),
      (d: ExportDocument) => (d.entries[0]!.url = 'not a url'),
      (d: ExportDocument) => (d.entries[0]!.id = 'https://zhulao.example.cn/courses/x/'),
      (d: ExportDocument) => (d.entries[0]!.kind = 'lessons' as never),
      (d: ExportDocument) => delete (d.entries[0] as Partial<ExportRecord>).title,
      (d: ExportDocument) => (d.digest = 'md5:00'),
      (d: ExportDocument) => ((d as { version: number }).version = 2),
    ];
    for (const [i, breakIt] of broken.entries()) {
      const copy = structuredClone(good) as ExportDocument;
      breakIt(copy);
      expect(validate(copy), `change ${i}`).toBe(false);
    }
  });

  it.each(['units', 'batches', 'scenarios'] as const)('publishes %s as a table that follows its schema', (name) => {
    const scenarios = [...catalogue.scenarios].map(([slug, s]) => ({ ...s, slug }));
    const document = tableDocument(name, { ...catalogue, scenarios });
    const validate = ajv.compile(exportJsonSchema(name));
    expect(validate(JSON.parse(JSON.stringify(document))), ajv.errorsText(validate.errors)).toBe(true);
    const rows = document[name] as { id: string | number }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(document.count).toBe(rows.length);
    expect(document.digest).toBe(contentDigest(rows));
    const ids = new Set(rows.map((r) => r.id));
    if (name === 'units') for (const r of records) expect(ids.has(r.unitId as string), r.id).toBe(true);
    if (name === 'batches') for (const r of records) expect(ids.has(r.batch), r.id).toBe(true);
  });

  it('has a digest of the entries that any change to any entry changes', () => {
    const digest = exportDocument(records, null).digest;
    expect(digest).toBe(`sha256-${createHash('sha256').update(JSON.stringify(records)).digest('base64')}`);
    const changed = records.map((r, i) => (i === records.length - 1 ? { ...r, summary: `${r.summary}。` } : r));
    expect(exportDocument(changed, null).digest).not.toBe(digest);
    expect(exportDocument([...records].reverse(), null).digest).not.toBe(digest);
  });

  it('exports the sections of cases and projects as fields of their own, numbered headings included', () => {
    const html =
      '<p>前言</p><h2 id="a">一、基本情况</h2><p>示例区有老年人 8 万。</p><h2>（二）主要做法：</h2><ul><li>开课</li><li>上门</li></ul><h2>3. 经验效果</h2><p>满意。</p>';
    expect(bodySections(html)).toEqual({
      基本情况: '示例区有老年人 8 万。',
      主要做法: '开课\n上门',
      经验效果: '满意。',
    });
    const withSections = { ...source(minimalCase), sections: bodySections(html) };
    expect(toExportRecord(withSections, catalogue)).toMatchObject({
      basics: '示例区有老年人 8 万。',
      practice: '开课\n上门',
      results: '满意。',
    });
    expect(record(minimalProject)).toMatchObject({ trainingContent: null, design: null });
    expect(Object.keys(record(minimalCourse))).not.toContain('basics');
  });

  it('writes web addresses as a browser resolves them', () => {
    const link = variant(minimalCourse, 'lianjie.md', { shared: false, link: 'https://例子.cn/课程?a=1' });
    expect(record(link).link).toBe('https://xn--fsqu00a.cn/%E8%AF%BE%E7%A8%8B?a=1');
  });
});
