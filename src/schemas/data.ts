import { z } from 'astro/zod';
import { PROVINCE_NAMES, readProvince } from './provinces.ts';
import { field } from './contract.ts';
import { booleanField, choiceField, dateField, positiveInt, textField } from './shared.ts';

export const UNIT_KINDS = [
  '开放大学',
  '社区教育学院',
  '老年大学',
  '普通高校',
  '职业院校',
  '成人高校',
  '社会组织',
  '企业',
  '社区学校',
  '社区教育中心',
  '成人文化技术学校',
  '教育行政部门',
  '老年开放大学',
  '其他',
] as const;

/** Other names of the same kinds of unit, as units call themselves. */
const UNIT_KIND_ALIASES: Readonly<Record<string, (typeof UNIT_KINDS)[number]>> = {
  社区学院: '社区教育学院',
  社区大学: '社区教育学院',
  广播电视大学: '开放大学',
  电大: '开放大学',
  老年学校: '老年大学',
  高等学校: '普通高校',
  大学: '普通高校',
  高职院校: '职业院校',
  职业学院: '职业院校',
  成人学校: '成人文化技术学校',
  成人文化技术学校: '成人文化技术学校',
  教育局: '教育行政部门',
  教育厅: '教育行政部门',
  社会团体: '社会组织',
  协会: '社会组织',
  公司: '企业',
};

/**
 * A unit's province as written (山东省, 浙江 ), and a 计划单列市 written in its place (宁波 → 浙江, city 宁波):
 * read before the schema, so that the record holds the province's short name and the city.
 */
function readUnitPlace(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const record = raw as Record<string, unknown>;
  if (typeof record.province !== 'string') return raw;
  const reading = readProvince(record.province);
  if (!reading) return raw;
  return {
    ...record,
    province: reading.province,
    ...(reading.city && record.city === undefined ? { city: reading.city } : {}),
  };
}

/** The fields of one 申报单位 in units.yaml. */
export const UnitFields = z.strictObject({
  name: textField({
    label: '单位名称',
    hint: '填写 {min}–{max} 字的单位全称，可以带括号里的其他名称',
    min: 2,
    max: 60,
    example: '某某县老年大学（某某县老年开放大学）',
  }),
  /** The entry's province is derived from here */
  province: choiceField(PROVINCE_NAMES, {
    label: '所在省份',
    hint: '填写省级行政区，例如 浙江、浙江省、内蒙古、新疆生产建设兵团，或 直属单位；计划单列市（大连、青岛、宁波、厦门、深圳）的单位可以直接写城市',
    placeholder: '填写省份',
  }),
  /** The unit's city where its name does not start with it (see cityOfUnit); a 计划单列市 (宁波 …) written in place of its province is kept here */
  city: textField({
    label: '所在城市',
    hint: '选填，不超过 {max} 字。名称以城市开头（杭州市…、江苏省苏州市…、甘南藏族自治州…）或在直辖市的单位不用填，搜索会从名称读出城市；名称里没有城市的（例如 苏州大学）可以在这里写；计划单列市的单位在 province 写城市名时会自动记下',
    max: 10,
    example: '宁波',
  }).optional(),
  kind: choiceField(UNIT_KINDS, {
    label: '单位类型',
    hint: '填写 {valuesOr}',
    placeholder: '填写单位类型',
    aliases: UNIT_KIND_ALIASES,
  }),
});

/** One 申报单位 in units.yaml, keyed by its id; its province as people write it is read first. */
export const UnitSchema = z.preprocess(readUnitPlace, UnitFields);

/** One batch in batches.yaml, keyed by its number. */
export const BatchSchema = z.strictObject({
  name: textField({ label: '批次名称', hint: '填写不超过 {max} 字的批次名称，例如 第一批', max: 10 }),
  deadline: dateField({ label: '报送截止日期', hint: '按 年-月-日 填写' }),
  outcome: textField({ label: '成果应用', hint: '用一两句话说明这一批的成果如何应用', max: 120 }),
});

/** One everyday scenario in scenarios.yaml, keyed by its pinyin slug. */
export const ScenarioSchema = z.strictObject({
  name: textField({ label: '场景名称', hint: '填写不超过 {max} 字的场景名称，例如 就医', max: 6 }),
  description: textField({ label: '场景说明', hint: '用一句话说明（不超过 {max} 字）', max: 60 }),
  /** Everyday words a senior types; indexed for search, not shown */
  synonyms: field(z.array(z.string().trim().min(1)).min(1, { message: '至少要写一个同义词' }), {
    label: '同义词',
    hint: '填写老年人常说的词的列表，例如 [看病, 挂号, 医院]',
    min: 1,
  }),
  /** One of the notice's five high-frequency scenarios */
  notice: booleanField({ label: '通知所列场景', hint: '是通知列出的五个高频场景之一时填 true，否则填 false' }),
  order: positiveInt({ label: '排序', hint: '填写正整数，小的排在前面' }),
});

export type Unit = z.output<typeof UnitSchema>;
export type Batch = z.output<typeof BatchSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

/** site.yaml: settings that staff change without touching code. */
export const SiteSettingsSchema = z.strictObject({
  /** While true, every page says that it shows sample content */
  sampleContent: booleanField({
    label: '示例内容提示',
    hint: '内容目录里是示例内容时填 true，换成正式内容后填 false',
  }),
});

export type SiteSettings = z.output<typeof SiteSettingsSchema>;
