import { z } from 'astro/zod';
import { KINDS } from '../lib/paths.ts';
import { SLUG_PATTERN, textField } from './shared.ts';

/** One word in glossary.yaml (名词解释), keyed by its pinyin slug. */
export const GlossaryTermSchema = z.strictObject({
  /** The word as seniors meet it: 二维码 */
  term: textField('名词', { max: 10 }),
  /** Other ways it is written, also linked in entries: [二维码图片, 扫码] */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** A plain-language explanation, ≤ 150 字 */
  explanation: textField('解释', { min: 10, max: 150 }),
  /** One everyday example, ≤ 80 字 */
  example: textField('例子', { max: 80 }).optional(),
});

/** One step of 从这里开始, the beginner path on the home page (start-here.yaml, in order). */
export const StartStepSchema = z.strictObject({
  /** Short step name: 认识手机 */
  title: textField('步骤名称', { min: 2, max: 12 }),
  /** Why this step, ≤ 60 字 */
  description: textField('步骤说明', { max: 60 }),
  /** The entry that teaches it */
  kind: z.enum(KINDS),
  slug: z.string().regex(SLUG_PATTERN, { message: '条目编号只能用小写字母、数字和短横线' }),
});

export const StartHereSchema = z.array(StartStepSchema).min(3, { message: '从这里开始至少要有 3 步' }).max(8, {
  message: '从这里开始最多 8 步，步骤太多老年人记不住',
});

export type GlossaryTerm = z.output<typeof GlossaryTermSchema>;
export type StartStep = z.output<typeof StartStepSchema>;
