/**
 * Adding a field takes one schema edit: a throwaway field, given only its contract in src/schemas, shows up
 * in the validation messages, the `npm run new` scaffold (and so the web-editor templates), the field table
 * of /data/ and the export, and the field tables of CONTRIBUTING.md.
 */
import { describe, expect, it, vi } from 'vitest';
import { minimalCourse, minimalProject, VALID_TREE } from '../../fixtures/entries.ts';
import { validateContent } from '../../../src/checks/validator.ts';
import {
  csvColumns,
  ExportRecordSchema,
  fieldTable,
  splitFieldTables,
  toExportRecord,
} from '../../../src/export/open-data.ts';
import { fieldGuideBlocks } from '../../../src/authoring/field-guide.ts';
import { TYPED_TEXT_FIELDS } from '../../../src/checks/frontmatter.ts';
import { scaffoldEntry, TEMPLATE_OPTIONS } from '../../../src/authoring/scaffold.ts';
import { issuesToProblems } from '../../../src/checks/zod-messages.ts';
import { ENTRY_SCHEMAS } from '../../../src/schemas/index.ts';
import { KINDS } from '../../../src/core/slugs.ts';

// The one edit: a field in the shape every kind shares, with its contract.
vi.mock('../../../src/schemas/shared.ts', async (importOriginal) => {
  const shared = await importOriginal<typeof import('../../../src/schemas/shared.ts')>();
  return {
    ...shared,
    entryBaseShape: {
      ...shared.entryBaseShape,
      audience: shared
        .textField({
          label: '适用人群',
          hint: '用不超过 {max} 字说明这条内容适合谁，例如 {example}',
          max: 12,
          example: '刚用智能手机的老人',
        })
        .optional(),
    },
  };
});

const HINT = '用不超过 12 字说明这条内容适合谁，例如 刚用智能手机的老人';

describe('a throwaway field added to a schema', () => {
  it('is checked, with messages in its own words', () => {
    const schema = ENTRY_SCHEMAS.courses;
    const tooLong = { ...minimalCourse.frontmatter, audience: '刚刚开始学用智能手机的高龄老人' };
    const wrong = { ...minimalCourse.frontmatter, audience: { text: '老人' } };
    const messages = [tooLong, wrong].map((data) => {
      const parsed = schema.safeParse(data);
      expect(parsed.success).toBe(false);
      return issuesToProblems('x.md', parsed.error!.issues, data, schema).map((p) => `${p.field} — ${p.message}`);
    });
    expect(messages[0]).toEqual(['audience — 适用人群已有 15 字，超出上限 12 字 3 字，请删减到 12 字以内']);
    expect(messages[1]).toEqual([`audience — 「适用人群」的格式不对，应当是文字，${HINT}`]);
    expect(schema.safeParse({ ...minimalCourse.frontmatter, audience: '刚用智能手机的老人' }).success).toBe(true);
  });

  it.each(KINDS)('is in the %s scaffold and template, with its label, hint and example', (kind) => {
    for (const text of [
      scaffoldEntry(kind, { slug: 'shili', date: '2021-10-20' }),
      scaffoldEntry(kind, TEMPLATE_OPTIONS),
    ]) {
      const lines = text.split('\n');
      const at = lines.indexOf('# audience: 刚用智能手机的老人');
      expect(at, text).toBeGreaterThan(0);
      expect(lines[at - 1]).toBe(`# 适用人群【可选】：${HINT}`);
    }
  });

  it('is in the field table of /data/, the CSV columns and the published JSON Schema', () => {
    for (const kind of KINDS) {
      expect(fieldTable(kind).find((f) => f.key === 'audience')).toMatchObject({
        label: '适用人群',
        note: HINT,
        type: '文字',
        required: false,
        inJson: true,
        inCsv: true,
      });
    }
    expect(splitFieldTables().common.map((f) => f.key)).toContain('audience');
    expect(csvColumns().find((c) => c.key === 'audience')?.label).toBe('适用人群');
    for (const option of ExportRecordSchema.options) expect(Object.keys(option.shape)).toContain('audience');
  });

  it('is exported with the value the entry gives', () => {
    const { catalogue } = validateContent(VALID_TREE, { keepBodies: false });
    const data = ENTRY_SCHEMAS.projects.parse({ ...minimalProject.frontmatter, audience: '社区老年人' });
    const record = toExportRecord({ kind: 'projects', slug: 'shili', text: '', data }, catalogue);
    expect(record.audience).toBe('社区老年人');
    const without = toExportRecord(
      { kind: 'projects', slug: 'shili', text: '', data: ENTRY_SCHEMAS.projects.parse(minimalProject.frontmatter) },
      catalogue,
    );
    expect(without.audience).toBeNull();
  });

  it('is read as typed, like every text field', () => {
    expect(TYPED_TEXT_FIELDS.has('audience')).toBe(true);
  });

  it('is in the table of fields every kind has in CONTRIBUTING.md', () => {
    expect(fieldGuideBlocks().common).toContain(`| \`audience\` | 适用人群 | 否 | ${HINT} |`);
  });
});
