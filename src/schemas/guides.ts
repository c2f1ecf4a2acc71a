import { z } from 'astro/zod';
import { KINDS, SLUG_PATTERN } from '../core/slugs.ts';
import { field } from './contract.ts';
import { choiceField, textField } from './shared.ts';

/** One word in glossary.yaml (名词解释), keyed by its pinyin slug. */
export const GlossaryTermSchema = z.strictObject({
  /** The word as seniors meet it: 二维码 */
  term: textField({ label: '名词', hint: '填写老年人会遇到的词，不超过 {max} 字，例如 二维码', max: 10 }),
  /** Other ways it is written, also linked in entries: [二维码图片, 扫码] */
  aliases: field(z.array(z.string().trim().min(1)), {
    label: '其他写法',
    hint: '同一个词的其他说法的列表，例如 [扫码, 二维码图片]，没有就写 []',
  }).default([]),
  /** A plain-language explanation */
  explanation: textField({ label: '解释', hint: '用大白话解释，{min}–{max} 字', min: 10, max: 150 }),
  /** One everyday example */
  example: textField({ label: '例子', hint: '一个生活中的例子，不超过 {max} 字', max: 80 }).optional(),
});

/** One step of 从这里开始, the beginner path on the home page (start-here.yaml, in order). */
export const StartStepSchema = z.strictObject({
  /** Short step name: 认识手机 */
  title: textField({ label: '步骤名称', hint: '填写 {min}–{max} 字的步骤名称，例如 认识手机', min: 2, max: 12 }),
  /** Why this step */
  description: textField({ label: '步骤说明', hint: '用一句话说明为什么学这一步（不超过 {max} 字）', max: 60 }),
  /** The entry that teaches it */
  kind: choiceField(KINDS, { label: '类别', hint: '填写 {valuesOr}，也就是条目所在的文件夹' }),
  slug: field(z.string().regex(SLUG_PATTERN, { message: '条目编号只能用小写字母、数字和短横线' }), {
    label: '条目编号',
    hint: '填写条目的文件名（不带 .md），例如 shouji-yuyue-guahao',
  }),
});

export const StartHereSchema = z.array(StartStepSchema).min(3, { message: '从这里开始至少要有 3 步' }).max(8, {
  message: '从这里开始最多 8 步，步骤太多老年人记不住',
});

export type GlossaryTerm = z.output<typeof GlossaryTermSchema>;
export type StartStep = z.output<typeof StartStepSchema>;
