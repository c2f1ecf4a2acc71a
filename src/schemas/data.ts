import { z } from 'astro/zod';
import { PROVINCE_NAMES } from './provinces.ts';
import { dateField, positiveInt, textField } from './shared.ts';

export const UNIT_KINDS = [
  '开放大学',
  '社区教育学院',
  '老年大学',
  '普通高校',
  '职业院校',
  '成人高校',
  '社会组织',
  '企业',
  '其他',
] as const;

/** One 申报单位 in units.yaml, keyed by its id. */
export const UnitSchema = z.strictObject({
  name: textField('单位名称', { min: 2, max: 40 }),
  /** The entry's province is derived from here */
  province: z.enum(PROVINCE_NAMES),
  kind: z.enum(UNIT_KINDS),
});

/** One batch in batches.yaml, keyed by its number. */
export const BatchSchema = z.strictObject({
  name: textField('批次名称', { max: 10 }),
  deadline: dateField,
  outcome: textField('成果应用', { max: 120 }),
});

/** One everyday scenario in scenarios.yaml, keyed by its pinyin slug. */
export const ScenarioSchema = z.strictObject({
  name: textField('场景名称', { max: 6 }),
  description: textField('场景说明', { max: 60 }),
  /** Everyday words a senior types; indexed for search, not shown */
  synonyms: z.array(z.string().trim().min(1)).min(1, { message: '至少要写一个同义词' }),
  /** One of the notice's five high-frequency scenarios */
  notice: z.boolean(),
  order: positiveInt,
});

export type Unit = z.output<typeof UnitSchema>;
export type Batch = z.output<typeof BatchSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

/** site.yaml: settings that staff change without touching code. */
export const SiteSettingsSchema = z.strictObject({
  /** While true, every page says that it shows sample content */
  sampleContent: z.boolean(),
});

export type SiteSettings = z.output<typeof SiteSettingsSchema>;
