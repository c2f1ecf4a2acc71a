/**
 * The field tables of .github/CONTRIBUTING.md, written from each field's contract (src/schemas/contract.ts):
 * name, label, whether it must be filled in, and how, so that the guide never repeats a limit or a list of
 * values by hand. `npm run new -- --write-templates` rewrites them between their markers, and
 * tests/unit/authoring/field-guide.test.ts fails when the guide is out of date.
 */
import type { z } from 'astro/zod';
import { contractOf, elementOf, isRequiredField, shapeOf, type FieldContract } from '../schemas/contract.ts';
import { UnitSchema } from '../schemas/data.ts';
import { ENTRY_SCHEMAS } from '../schemas/index.ts';
import { entryBaseShape } from '../schemas/shared.ts';
import { KINDS, type Kind } from '../core/slugs.ts';
import { fieldOrder } from './scaffold.ts';

export const GUIDE_FILE = '.github/CONTRIBUTING.md';

interface Row {
  field: string;
  contract: FieldContract;
  required: boolean;
}

function rowsOf(shape: Record<string, z.ZodType>, names: readonly string[], prefix = ''): Row[] {
  return names.flatMap((name) => {
    const schema = shape[name]!;
    const row = { field: `${prefix}${name}`, contract: contractOf(schema)!, required: isRequiredField(schema) };
    // The fields of each item of a list of records (授课人) follow their list.
    const itemShape = shapeOf(elementOf(schema) ?? schema);
    const nested = itemShape && elementOf(schema) ? rowsOf(itemShape, Object.keys(itemShape), `${name}[].`) : [];
    return [row, ...nested];
  });
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function table(rows: readonly Row[], parentLabels: Record<string, string> = {}): string {
  const lines = ['| 字段 | 名称 | 必填 | 怎么填 |', '| --- | --- | --- | --- |'];
  for (const { field, contract, required } of rows) {
    const parent = field.includes('[].') ? parentLabels[field.slice(0, field.indexOf('[].'))] : undefined;
    const label = parent ? `${parent}：${contract.label}` : contract.label;
    const must = required ? '是' : (contract.requiredWhen ?? '否');
    const how = contract.guide ? `${contract.hint}；${contract.guide}` : contract.hint;
    lines.push(`| \`${field}\` | ${cell(label)} | ${cell(must)} | ${cell(how)} |`);
  }
  return lines.join('\n');
}

/** The generated blocks, by marker name: the fields all kinds share, each kind's own, and a unit's. */
export function fieldGuideBlocks(): Record<string, string> {
  const shapes = Object.fromEntries(KINDS.map((kind) => [kind, shapeOf(ENTRY_SCHEMAS[kind])!])) as Record<
    Kind,
    Record<string, z.ZodType>
  >;
  const inAll = (name: string) => KINDS.every((kind) => shapes[kind][name] !== undefined);
  const common = fieldOrder(KINDS[0]).filter(inAll);
  // A kind may sharpen a common field (a shared course video is required); the common table says what all kinds share.
  const commonShape = { ...shapes[KINDS[0]], ...entryBaseShape } as Record<string, z.ZodType>;
  const blocks: Record<string, string> = { common: table(rowsOf(commonShape, common)) };
  for (const kind of KINDS) {
    const own = fieldOrder(kind).filter((name) => !inAll(name));
    const labels = Object.fromEntries(own.map((name) => [name, contractOf(shapes[kind][name]!)!.label]));
    blocks[kind] = table(rowsOf(shapes[kind], own), labels);
  }
  const unit = shapeOf(UnitSchema)!;
  blocks.units = table(rowsOf(unit, Object.keys(unit)));
  return blocks;
}

const START = (name: string) => `<!-- fields:${name} 这张表由字段的定义（src/schemas）生成，请不要手改 -->`;
const END = (name: string) => `<!-- /fields:${name} -->`;

/** The guide with each block between its markers replaced; throws when a marker is missing. */
export function withFieldGuide(guide: string, blocks: Record<string, string> = fieldGuideBlocks()): string {
  let text = guide;
  for (const [name, block] of Object.entries(blocks)) {
    const start = text.indexOf(`<!-- fields:${name} `);
    const end = text.indexOf(END(name));
    if (start < 0 || end < start) throw new Error(`${GUIDE_FILE}: no markers for the field table "${name}"`);
    text = `${text.slice(0, start)}${START(name)}\n\n${block}\n\n${text.slice(end)}`;
  }
  return text;
}

/** The rows of the tables between the markers, each as its trimmed cells: for comparing whatever the formatting. */
export function guideTableRows(guide: string): Record<string, string[][]> {
  const rows: Record<string, string[][]> = {};
  for (const match of guide.matchAll(/<!-- fields:(\w+) [^>]*-->([\s\S]*?)<!-- \/fields:\1 -->/g)) {
    rows[match[1]!] = match[2]!
      .split('\n')
      .filter((line) => line.trim().startsWith('|') && !/^\|[\s|:-]+\|$/.test(line.trim()))
      .map((line) =>
        line
          .trim()
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((c) => c.trim()),
      );
  }
  return rows;
}
