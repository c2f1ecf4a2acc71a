/**
 * One contract per field (src/schemas/contract.ts): every field carries its label, hint and limits, and
 * every validation message names the field it is about with that field's own label, found by its full path.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { VALID_ENTRIES, makeTree } from '../../fixtures/entries.ts';
import { OUTPUT } from '../../helpers/run.ts';
import { validateContent } from '../../../src/checks/validator.ts';
import { formatFieldPath } from '../../../src/report/problems.ts';
import { issuesToProblems } from '../../../src/checks/zod-messages.ts';
import { contractOf, fieldAt, fieldPaths, type FieldContract } from '../../../src/schemas/contract.ts';
import { BatchSchema, ScenarioSchema, SiteSettingsSchema, UnitSchema } from '../../../src/schemas/data.ts';
import { GlossaryTermSchema, StartHereSchema } from '../../../src/schemas/guides.ts';
import { ENTRY_SCHEMAS } from '../../../src/schemas/index.ts';

const VALID_TREE = path.resolve(import.meta.dirname, '../../fixtures/trees/valid');
const readYaml = (name: string) => yaml.load(fs.readFileSync(path.join(VALID_TREE, name), 'utf8'));

/** Each schema with valid data shaped as the validator checks it (data files are records keyed by id). */
const SUBJECTS: { name: string; schema: z.ZodType; data: unknown }[] = [
  ...VALID_ENTRIES.map((entry) => ({
    name: `${entry.kind}/${entry.file}`,
    schema: ENTRY_SCHEMAS[entry.kind] as z.ZodType,
    data: entry.frontmatter,
  })),
  { name: 'units.yaml', schema: z.record(z.string(), UnitSchema), data: readYaml('units.yaml') },
  { name: 'batches.yaml', schema: z.record(z.string(), BatchSchema), data: readYaml('batches.yaml') },
  { name: 'scenarios.yaml', schema: z.record(z.string(), ScenarioSchema), data: readYaml('scenarios.yaml') },
  { name: 'glossary.yaml', schema: z.record(z.string(), GlossaryTermSchema), data: readYaml('glossary.yaml') },
  { name: 'start-here.yaml', schema: StartHereSchema, data: readYaml('start-here.yaml') },
  { name: 'site.yaml', schema: SiteSettingsSchema, data: readYaml('site.yaml') },
];

/** The first item of each list and the first record of each data file, so that every nested path is reached. */
function concretePaths(schema: z.ZodType, data: unknown): (string | number)[][] {
  const firstKey = (value: unknown) => (Array.isArray(value) ? 0 : Object.keys(value as Record<string, unknown>)[0]!);
  const isRecord = (schema.def as { type: string }).type === 'record';
  const isList = (schema.def as { type: string }).type === 'array';
  const prefix = isRecord || isList ? [firstKey(data)] : [];
  const item = isRecord || isList ? (data as Record<string | number, unknown>)[prefix[0]!] : data;
  const itemSchema = isRecord
    ? (schema.def as unknown as { valueType: z.ZodType }).valueType
    : isList
      ? (schema.def as unknown as { element: z.ZodType }).element
      : schema;
  return fieldPaths(itemSchema).map(({ path: names }) => {
    const concrete: (string | number)[] = [...prefix];
    let value: unknown = item;
    for (const name of names) {
      if (Array.isArray(value)) {
        concrete.push(0);
        value = value[0];
      }
      concrete.push(name);
      value = (value as Record<string, unknown> | undefined)?.[name];
    }
    return concrete;
  });
}

/** A deep copy of data with the value at path replaced (the path's parents exist in valid data). */
function withValue(data: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of at.slice(0, -1)) {
    if (parent[step] === undefined) parent[step] = typeof step === 'number' ? [] : {};
    parent = parent[step] as Record<string | number, unknown>;
  }
  if (value === undefined) delete parent[at.at(-1)!];
  else parent[at.at(-1)!] = value;
  return copy;
}

function problemsAt(schema: z.ZodType, data: unknown, at: (string | number)[]) {
  const parsed = schema.safeParse(data);
  expect(parsed.success, `${formatFieldPath(at)} accepted a wrong value`).toBe(false);
  const field = formatFieldPath(at);
  return issuesToProblems('x.yaml', parsed.error!.issues, data, schema).filter((p) => p.field === field);
}

describe('field contracts', () => {
  it.each(SUBJECTS.map((s) => [s.name, s] as const))('every field of %s has a label and a hint', (_, subject) => {
    for (const at of concretePaths(subject.schema, subject.data)) {
      const { contract } = fieldAt(subject.schema, at);
      expect(contract, formatFieldPath(at)).toBeDefined();
      expect(contract!.label, formatFieldPath(at)).toMatch(/[\u4e00-\u9fff]/);
      expect(contract!.hint, formatFieldPath(at)).toMatch(/[\u4e00-\u9fff]/);
      // Placeholders are filled in when the contract is made.
      expect(`${contract!.hint}${contract!.guide ?? ''}`).not.toMatch(/\{(min|max|values|valuesOr|example)\}/);
    }
  });

  it.each(SUBJECTS.map((s) => [s.name, s] as const))(
    'every message about a field of %s uses that field’s own label and hint, never another field’s',
    (_, subject) => {
      const paths = concretePaths(subject.schema, subject.data);
      expect(paths.length).toBeGreaterThan(0);
      const labels = new Set(paths.map((at) => fieldAt(subject.schema, at).contract!.label));
      const expectOwnWords = (own: FieldContract, message: string) => {
        // Whatever a message quotes as a field's name is this field's own label.
        const quoted = [...message.matchAll(/「(.+?)」/g)].map((m) => m[1]!).filter((q) => labels.has(q));
        expect(
          quoted.every((q) => q === own.label),
          `${own.label}: ${message}`,
        ).toBe(true);
        if (message.includes('格式不对') || message.startsWith('缺少必填的「')) {
          expect(
            message.startsWith(`缺少必填的「${own.label}」`) || message.startsWith(`「${own.label}」`),
            message,
          ).toBe(true);
          expect(message.endsWith(own.hint), message).toBe(true);
        }
      };
      for (const at of paths) {
        const own: FieldContract = fieldAt(subject.schema, at).contract!;
        // A value of the wrong shape: every kind of field refuses a mapping.
        const wrong = problemsAt(subject.schema, withValue(subject.data, at, { wrong: true }), at);
        expect(wrong.length, formatFieldPath(at)).toBeGreaterThan(0);
        for (const { message } of wrong) expectOwnWords(own, message);
        // A required field left out.
        const schema = fieldAt(subject.schema, at).schema!;
        if (!schema.safeParse(undefined).success) {
          const missing = problemsAt(subject.schema, withValue(subject.data, at, undefined), at);
          expect(missing.length, formatFieldPath(at)).toBeGreaterThan(0);
          for (const { message } of missing) expectOwnWords(own, message);
        }
      }
    },
  );

  it('gives a unit’s name and an instructor’s name each their own label', () => {
    const units = z.record(z.string(), UnitSchema);
    expect(fieldAt(units, ['zhejiang-laoda', 'name']).contract?.label).toBe('单位名称');
    expect(fieldAt(ENTRY_SCHEMAS.projects, ['instructors', 0, 'name']).contract?.label).toBe('姓名');
    expect(fieldAt(StartHereSchema, [0, 'title']).contract).toMatchObject({ label: '步骤名称', min: 2, max: 12 });
    expect(fieldAt(ENTRY_SCHEMAS.cases, ['title']).contract).toMatchObject({ label: '名称', min: 4, max: 60 });
  });

  it('answers a list item with its list’s contract, and an unknown path with its own name', () => {
    expect(fieldAt(ENTRY_SCHEMAS.courses, ['members', 1]).contract?.label).toBe('核心成员');
    expect(fieldAt(ENTRY_SCHEMAS.courses, ['tittle'])).toEqual({
      name: 'tittle',
      schema: undefined,
      contract: undefined,
    });
  });

  it('keeps the allowed values of a choice on its contract, and fills them into its hint', () => {
    const areas = contractOf(fieldAt(ENTRY_SCHEMAS.cases, ['areas']).schema!)!;
    expect(areas.values).toContain('教学设计与应用');
    expect(areas.hint).toContain(areas.values!.join('、'));
    const kind = fieldAt(z.record(z.string(), UnitSchema), ['x', 'kind']).contract!;
    expect(kind.hint).toBe(`填写 ${kind.values!.slice(0, -1).join('、')} 或 ${kind.values!.at(-1)}`);
  });
});

describe('the labels that were borrowed from another field (fixed 2026-12-02)', () => {
  const tree = (name: string, files: Record<string, string>) =>
    makeTree(path.join(OUTPUT, 'contract', name), [], files);

  it('a unit in units.yaml without a name is told about 单位名称, 2–60 字', () => {
    const units = fs.readFileSync(path.join(VALID_TREE, 'units.yaml'), 'utf8');
    const dir = tree('unit-without-name', { 'units.yaml': units.replace('  name: 浙江示例市老年开放大学\n', '') });
    const problems = validateContent(dir, { keepBodies: false }).problems.filter((p) => p.file.endsWith('units.yaml'));
    expect(problems.map((p) => `${p.field} — ${p.message}`)).toContain(
      'zhejiang-shili-laonian-kaida.name — 缺少必填的「单位名称」，填写 2–60 字的单位全称，可以带括号里的其他名称',
    );
    expect(problems.map((p) => p.message).join('\n')).not.toContain('姓名');
  });

  it('a start-here step without a title is told about 步骤名称, 2–12 字', () => {
    const steps = fs.readFileSync(path.join(VALID_TREE, 'start-here.yaml'), 'utf8');
    const dir = tree('step-without-title', {
      'start-here.yaml': steps.replace('- title: 手机预约挂号\n  description', '- description'),
    });
    const problems = validateContent(dir, { keepBodies: false }).problems.filter((p) =>
      p.file.endsWith('start-here.yaml'),
    );
    expect(problems.map((p) => `${p.field} — ${p.message}`)).toContain(
      '[0].title — 缺少必填的「步骤名称」，填写 2–12 字的步骤名称，例如 认识手机',
    );
    expect(problems.map((p) => p.message).join('\n')).not.toMatch(/4–40|「名称」/);
  });
});
