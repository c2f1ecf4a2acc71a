import { z } from 'astro/zod';
import {
  checkEntryBase,
  coverPath,
  entryBaseShape,
  type CoverSchema,
  positiveInt,
  textField,
  ALL_RIGHTS_RESERVED,
} from './shared.ts';

/** 授课人 with 单位及职务（职称）, as on 附件3 */
export const InstructorSchema = z.strictObject({
  name: textField('姓名', { min: 2, max: 20 }),
  /** 单位 */
  affiliation: textField('授课人单位', { max: 40 }),
  /** 职务（职称） */
  position: textField('职务（职称）', { max: 20 }),
});

/** 教育培训项目 (附件3). Body sections are checked by src/lib/sections.ts. */
export function createProjectSchema<C extends CoverSchema>(cover: C) {
  return z
    .strictObject({
      ...entryBaseShape,
      cover: cover.optional(),
      instructors: z.array(InstructorSchema).min(1, { message: '至少要填写一位授课人' }),
      /** 培训期数 */
      cohorts: positiveInt,
      /** 培训人次, at least one per cohort */
      participants: positiveInt,
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
    .transform((entry) => ({ ...entry, license: entry.license ?? ALL_RIGHTS_RESERVED }));
}

export const ProjectSchema = createProjectSchema(coverPath);

export type Instructor = z.output<typeof InstructorSchema>;
export type ProjectInput = z.input<typeof ProjectSchema>;
export type ProjectData = z.output<typeof ProjectSchema>;
