import { z } from 'astro/zod';
import {
  checkEntryBase,
  coverPath,
  type CoverSchema,
  entryBaseShape,
  httpsUrl,
  localPath,
  positiveInt,
  textField,
  ALL_RIGHTS_RESERVED,
  OPEN_LICENSE,
} from './shared.ts';

export const RESOURCE_TYPES = ['教材（读本）', '视频资源', '其他'] as const;
/** 附件1: the three themes of 全媒体课程资源 */
export const THEMES = ['互联网+生活', '智能手机应用', '智慧生活'] as const;

/** 课程资源 (附件4). */
export function createCourseSchema<C extends CoverSchema>(cover: C) {
  return z
    .strictObject({
      ...entryBaseShape,
      cover: cover.optional(),
      resourceType: z.enum(RESOURCE_TYPES),
      /** 教材（读本） only: a local PDF to download */
      file: localPath(['pdf'], '教材文件').optional(),
      /** 视频资源 only: 视频时长, in minutes */
      minutes: positiveInt.optional(),
      /** 其他 only: what form the resource takes, ≤ 30 字 */
      resourceNote: textField('其他类型说明', { max: 30 }).optional(),
      themes: z
        .array(z.enum(THEMES))
        .min(1, { message: '至少要选一个课程主题' })
        .refine((list) => new Set(list).size === list.length, { message: '课程主题有重复，请删去重复的' }),
      /** 是否同意纳入全国老年教育课程资源库共享 */
      shared: z.boolean(),
      /** 网络链接地址: required when not shared */
      link: httpsUrl.optional(),
      /** 核心成员 (names) */
      members: z.array(textField('核心成员姓名', { min: 2, max: 20 })).default([]),
      /** 曾获奖项 */
      awards: z.array(textField('奖项名称', { max: 60 })).default([]),
    })
    .superRefine((entry, ctx) => {
      checkEntryBase(entry, ctx);
      const isVideo = entry.resourceType === '视频资源';
      if (isVideo && entry.minutes === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['minutes'],
          message: '视频资源必须填写视频时长，请在 minutes 填写分钟数（正整数）',
        });
      }
      if (!isVideo && entry.minutes !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['minutes'],
          message: '只有视频资源才填写视频时长，请删去 minutes 或把类型改为「视频资源」',
        });
      }
      if (entry.resourceType === '其他' && !entry.resourceNote) {
        ctx.addIssue({
          code: 'custom',
          path: ['resourceNote'],
          message: '资源类型为「其他」时，请在 resourceNote 用不超过 30 字说明是什么形式',
        });
      }
      if (entry.resourceType !== '其他' && entry.resourceNote) {
        ctx.addIssue({
          code: 'custom',
          path: ['resourceNote'],
          message: '只有资源类型为「其他」时才填写 resourceNote，请删去它',
        });
      }
      if (entry.file && entry.resourceType !== '教材（读本）') {
        ctx.addIssue({
          code: 'custom',
          path: ['file'],
          message: '只有「教材（读本）」可以附 PDF 文件，请删去 file 或把类型改为「教材（读本）」',
        });
      }
      if (!entry.shared && !entry.link) {
        ctx.addIssue({
          code: 'custom',
          path: ['link'],
          message: '不同意共享的课程资源必须提供网络链接地址，请在 link 填写 https:// 开头的网址',
        });
      }
      if (entry.shared && isVideo && !entry.video) {
        ctx.addIssue({
          code: 'custom',
          path: ['video'],
          message: '同意共享的视频资源必须提供视频本身，请在 video 填写本地视频文件（并配字幕）或平台上的视频地址',
        });
      }
    })
    .transform((entry) => ({
      ...entry,
      license: entry.license ?? (entry.shared ? OPEN_LICENSE : ALL_RIGHTS_RESERVED),
    }));
}

export const CourseSchema = createCourseSchema(coverPath);

export type CourseInput = z.input<typeof CourseSchema>;
export type CourseData = z.output<typeof CourseSchema>;
