/** The field tables of the contributor guide are written from the field contracts, and are up to date. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/run.ts';
import { GUIDE_FILE, fieldGuideBlocks, guideTableRows, withFieldGuide } from '../../../src/authoring/field-guide.ts';
import { fieldPaths } from '../../../src/schemas/contract.ts';
import { UnitSchema } from '../../../src/schemas/data.ts';
import { ENTRY_SCHEMAS } from '../../../src/schemas/index.ts';
import { KINDS } from '../../../src/core/slugs.ts';

const guide = fs.readFileSync(path.join(ROOT, GUIDE_FILE), 'utf8');

describe('the field tables of CONTRIBUTING.md', () => {
  it('are what the field contracts say (run npx node scripts/new-entry.ts --write-templates after changing a field)', () => {
    expect(guideTableRows(guide)).toEqual(guideTableRows(withFieldGuide(guide)));
  });

  it('have a row for every field of every kind, a unit’s fields and each instructor’s', () => {
    const rows = Object.values(guideTableRows(guide)).flat();
    const named = new Set(rows.map((row) => row[0]!.replaceAll('`', '')));
    const paths = [...KINDS.flatMap((kind) => fieldPaths(ENTRY_SCHEMAS[kind])), ...fieldPaths(UnitSchema)].map((f) =>
      f.path.join('[].'),
    );
    expect(paths.filter((p) => !named.has(p))).toEqual([]);
  });

  it('say each field’s label, limits and allowed values as its contract does', () => {
    const { cases, common, units, projects } = guideTableRows(withFieldGuide(guide, fieldGuideBlocks()));
    expect(common!.find((row) => row[0] === '`title`')).toEqual([
      '`title`',
      '名称',
      '是',
      '填写 4–60 字的名称；照申报表上的名称写',
    ]);
    expect(cases!.find((row) => row[0] === '`areaNote`')?.[2]).toBe('选了「其他」时必填');
    expect(cases!.find((row) => row[0] === '`areas`')?.[3]).toContain('教学设计与应用、其他');
    expect(units!.find((row) => row[0] === '`name`')?.slice(1, 3)).toEqual(['单位名称', '是']);
    expect(projects!.find((row) => row[0] === '`instructors[].name`')?.[1]).toBe('授课人：姓名');
  });
});
