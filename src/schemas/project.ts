import { z } from 'astro/zod';
import { field } from './contract.ts';
import {
  addedOnOf,
  checkEntryBase,
  coverField,
  coverPath,
  entryBaseShape,
  type CoverSchema,
  positiveInt,
  textField,
  ALL_RIGHTS_RESERVED,
} from './shared.ts';

/** 授课人 with 单位及职务（职称）, as on 附件3 */
export const InstructorSchema = z.strictObject({
  name: textField({ label: '姓名', hint: '填写 {min}–{max} 字的姓名', min: 2, max: 20 }),
  /** 单位 */
  affiliation: textField({ label: '授课人单位', hint: '填写授课人的工作单位（不超过 {max} 字）', max: 60 }),
  /** 职务（职称） */
  position: textField({
    label: '职务（职称）',
    hint: '填写授课人的职务或职称（不超过 {max} 字），例如 {example}',
    max: 40,
    example: '讲师',
  }),
});

/** 教育培训项目 (附件3). Body sections are checked by src/markdown/sections.ts. */
export function createProjectSchema<C extends CoverSchema>(cover: C) {
  return z
    .strictObject({
      ...entryBaseShape,
      cover: coverField(cover),
      instructors: field(z.array(InstructorSchema).min(1, { message: '至少要填写一位授课人' }), {
        label: '授课人',
        hint: '至少填写一位授课人，每位写明 name（姓名）、affiliation（单位）、position（职务或职称）',
        min: 1,
      }),
      /** 培训期数 */
      cohorts: positiveInt({ label: '培训期数', hint: '填写正整数，例如 6', placeholder: '填写期数' }),
      /** 培训人次, at least one per cohort */
      participants: positiveInt({
        label: '培训人次',
        hint: '填写正整数，且不少于培训期数，例如 240',
        placeholder: '填写人次',
      }),
    })
    .superRefine((entry, ctx) => {
      checkEntryBase(entry, ctx);
      if (entry.participants < entry.cohorts) {
        ctx.addIssue({
          code: 'custom',
          path: ['participants'],
          message: `培训人次（${entry.participants}）少于培训期数（${entry.cohorts}），请核对：人次应不少于期数`,
        });
      }
    })
    .transform((entry) => ({ ...entry, addedOn: addedOnOf(entry), license: entry.license ?? ALL_RIGHTS_RESERVED }));
}

export const ProjectSchema = createProjectSchema(coverPath);

export type Instructor = z.output<typeof InstructorSchema>;
export type ProjectInput = z.input<typeof ProjectSchema>;
export type ProjectData = z.output<typeof ProjectSchema>;
