import { z } from 'astro/zod';
import {
  addedOnOf,
  checkEntryBase,
  choicesField,
  coverField,
  coverPath,
  entryBaseShape,
  limitsOf,
  type CoverSchema,
  textField,
  ALL_RIGHTS_RESERVED,
} from './shared.ts';

/** 附件1: the aspects a work case may cover (包括但不限于, hence 其他 with a note). */
export const CASE_AREAS = [
  '办学系统管理',
  '学习体验',
  '康养基地建设',
  '班级常规管理',
  '班级活动创新管理',
  '学习团队建设',
  '学员党建工作',
  '线上线下教育',
  '教育机制',
  '学习平台搭建',
  '课程设置',
  '教师管理',
  '教学设计与应用',
  '其他',
] as const;

/** Required with 其他: which aspect */
const areaNote = textField({
  label: '其他方面说明',
  hint: '选了「其他」时，用不超过 {max} 字说明是哪方面',
  max: 60,
  placeholder: '说明是哪方面',
  requiredWhen: '选了「其他」时必填',
});

/** 工作案例 (附件2). Body sections are checked by src/markdown/sections.ts. */
export function createCaseSchema<C extends CoverSchema>(cover: C) {
  return z
    .strictObject({
      ...entryBaseShape,
      cover: coverField(cover),
      /** One or more aspects from 附件1 */
      areas: choicesField(CASE_AREAS, { label: '案例方面', hint: '从 {values} 中选择一个或多个', placeholder: '[]' }),
      areaNote: areaNote.optional(),
    })
    .superRefine((entry, ctx) => {
      checkEntryBase(entry, ctx);
      const hasOther = entry.areas.includes('其他');
      if (hasOther && !entry.areaNote) {
        ctx.addIssue({
          code: 'custom',
          path: ['areaNote'],
          message: `案例方面选了「其他」，请在 areaNote 用不超过 ${limitsOf(areaNote).max} 字说明是哪方面`,
        });
      }
      if (!hasOther && entry.areaNote) {
        ctx.addIssue({
          code: 'custom',
          path: ['areaNote'],
          message: '只有案例方面选了「其他」时才填写 areaNote，请删去它或在 areas 加上「其他」',
        });
      }
    })
    .transform((entry) => ({ ...entry, addedOn: addedOnOf(entry), license: entry.license ?? ALL_RIGHTS_RESERVED }));
}

export const CaseSchema = createCaseSchema(coverPath);

export type CaseInput = z.input<typeof CaseSchema>;
export type CaseData = z.output<typeof CaseSchema>;
